import type { VariantView } from '@/lib/api/endpoint-summary';
import { Cell, ColumnHeader, RowHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { instancesText, instanceTypeText, percent, weightText } from './variant-format';

/** One fleet of a deployment (old or new): its variants with instances and traffic, in a compact table. */
export function FleetTable({
  title,
  configName,
  variants,
  empty,
  testId,
}: {
  title: string;
  configName?: string;
  variants: VariantView[];
  empty: string;
  testId: string;
}) {
  return (
    <div data-testid={testId} className="min-w-0 flex-1 rounded border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="font-medium">
        {title}
        {configName && <span className="ml-1 break-all font-mono text-sm font-normal">{configName}</span>}
      </h3>
      {variants.length === 0 ? (
        <p className="mt-1 text-sm">{empty}</p>
      ) : (
        <Table caption={`${title} variants`} density="compact" className="mt-2">
          <TableHeader>
            <ColumnHeader>Variant</ColumnHeader>
            <ColumnHeader>Instance type</ColumnHeader>
            <ColumnHeader className="text-right">Instances</ColumnHeader>
            <ColumnHeader className="text-right">Weight</ColumnHeader>
            <ColumnHeader className="text-right">Share of fleet</ColumnHeader>
          </TableHeader>
          <tbody>
            {variants.map((variant) => (
              <TableRow key={variant.name} data-testid="fleet-variant" data-variant={variant.name}>
                <RowHeader mono>{variant.name}</RowHeader>
                <Cell mono>{instanceTypeText(variant)}</Cell>
                <Cell numeric>{instancesText(variant)}</Cell>
                <Cell numeric>{weightText(variant)}</Cell>
                <Cell numeric>{percent(variant.trafficShare)}</Cell>
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
