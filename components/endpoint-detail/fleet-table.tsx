import type { VariantView } from '@/lib/api/endpoint-summary';
import { Table, TableHeader, TableRow } from '@/components/ui/table';
import { VariantCells, VariantColumnHeaders } from './variant-columns';

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
            <VariantColumnHeaders shareLabel="Share of fleet" />
          </TableHeader>
          <tbody>
            {variants.map((variant) => (
              <TableRow key={variant.name} data-testid="fleet-variant" data-variant={variant.name}>
                <VariantCells variant={variant} />
              </TableRow>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
