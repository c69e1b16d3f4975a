import type { VariantView } from '@/lib/api/endpoint-summary';
import { Cell, ColumnHeader, RowHeader } from '@/components/ui/table';
import { instancesText, instanceTypeText, percent, weightText } from './variant-format';

// The columns every variant table starts with: name, instance type, instances, weight and share of traffic.

/** The headers of the variant columns; `shareLabel` names the traffic column. */
export function VariantColumnHeaders({ shareLabel }: { shareLabel: string }) {
  return (
    <>
      <ColumnHeader>Variant</ColumnHeader>
      <ColumnHeader>Instance type</ColumnHeader>
      <ColumnHeader className="text-right">Instances</ColumnHeader>
      <ColumnHeader className="text-right">Weight</ColumnHeader>
      <ColumnHeader className="text-right">{shareLabel}</ColumnHeader>
    </>
  );
}

/** One variant's cells under VariantColumnHeaders, its name as the row header. */
export function VariantCells({ variant }: { variant: VariantView }) {
  return (
    <>
      <RowHeader mono>{variant.name}</RowHeader>
      <Cell mono>{instanceTypeText(variant)}</Cell>
      <Cell numeric>{instancesText(variant)}</Cell>
      <Cell numeric>{weightText(variant)}</Cell>
      <Cell numeric>{percent(variant.trafficShare)}</Cell>
    </>
  );
}
