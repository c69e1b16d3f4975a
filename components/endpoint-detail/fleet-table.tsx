import type { VariantView } from '@/lib/api/endpoint-summary';
import { instancesText, instanceTypeText, percent, weightText } from './variant-format';

/** One fleet of a deployment (old or new): its variants with instances and traffic, in a compact table. */
export function FleetTable({ title, configName, variants, empty, testId }: { title: string; configName?: string; variants: VariantView[]; empty: string; testId: string }) {
  return (
    <div data-testid={testId} className="min-w-0 flex-1 rounded border border-slate-200 p-3 dark:border-slate-800">
      <h3 className="font-medium">
        {title}
        {configName && <span className="ml-1 break-all font-mono text-sm font-normal">{configName}</span>}
      </h3>
      {variants.length === 0 ? (
        <p className="mt-1 text-sm">{empty}</p>
      ) : (
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">{`${title} variants`}</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-1 pr-2">Variant</th>
              <th scope="col" className="py-1 pr-2">Instance type</th>
              <th scope="col" className="py-1 pr-2 text-right">Instances</th>
              <th scope="col" className="py-1 pr-2 text-right">Weight</th>
              <th scope="col" className="py-1 text-right">Share of fleet</th>
            </tr>
          </thead>
          <tbody>
            {variants.map((variant) => (
              <tr key={variant.name} data-testid="fleet-variant" data-variant={variant.name} className="border-b border-slate-100 dark:border-slate-800">
                <th scope="row" className="py-1 pr-2 font-mono font-medium">{variant.name}</th>
                <td className="py-1 pr-2 font-mono">{instanceTypeText(variant)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{instancesText(variant)}</td>
                <td className="py-1 pr-2 text-right tabular-nums">{weightText(variant)}</td>
                <td className="py-1 text-right tabular-nums">{percent(variant.trafficShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
