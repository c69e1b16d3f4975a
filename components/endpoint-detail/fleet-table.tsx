import type { VariantView } from '@/lib/api/endpoint-summary';
import { Table, TableHeader, TableRow } from '@/components/ui/table';
import { VariantCells, VariantColumnHeaders } from './variant-columns';

/**
 * One fleet of a deployment (old or new): the config it came from (or why that is not known), its derived share
 * of the endpoint's traffic, and its variants with instances and traffic, in a compact table.
 */
export function FleetTable({
  title,
  configName,
  configUnknown,
  trafficNote,
  variants,
  empty,
  testId,
}: {
  title: string;
  configName?: string;
  /** Why the config is not known, shown in its place. */
  configUnknown?: string;
  /** The fleet's share of the endpoint's traffic, in words that say it is derived. */
  trafficNote?: string;
  variants: VariantView[];
  empty: string;
  testId: string;
}) {
  return (
    <div data-testid={testId} className="min-w-0 flex-1 rounded border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="font-medium">
        {title}
        {configName && (
          <span data-testid="fleet-config" className="ml-1 break-all font-mono text-sm font-normal">
            {configName}
          </span>
        )}
        {!configName && configUnknown && (
          <span data-testid="fleet-config-unknown" className="ml-1 text-sm font-normal italic">
            config {configUnknown}
          </span>
        )}
      </h3>
      {trafficNote && (
        <p data-testid="fleet-traffic" className="text-sm">
          {trafficNote}
        </p>
      )}
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
