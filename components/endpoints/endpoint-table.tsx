import type { EndpointRow } from '@/lib/endpoints/endpoint-row';
import { StatusBadge } from '@/components/ui/status-badge';

/** A plain table of endpoints. All custom-resource text is rendered as text. */
export function EndpointTable({ rows }: { rows: readonly EndpointRow[] }) {
  if (rows.length === 0) {
    return <p className="text-slate-600 dark:text-slate-300">No SageMaker endpoints in this cluster yet.</p>;
  }
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">SageMaker endpoints</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-4">Namespace</th>
          <th scope="col" className="py-2 pr-4">Name</th>
          <th scope="col" className="py-2 pr-4">Status</th>
          <th scope="col" className="py-2 pr-4">Config</th>
          <th scope="col" className="py-2 pr-4">Failure reason</th>
          <th scope="col" className="py-2">Last change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid="endpoint-row" className="border-b border-slate-100 dark:border-slate-800">
            <td className="py-2 pr-4">{row.namespace}</td>
            <td className="py-2 pr-4 font-medium">{row.name}</td>
            <td className="py-2 pr-4"><StatusBadge status={row.status} /></td>
            <td className="py-2 pr-4 font-mono">{row.endpointConfigName}</td>
            <td className="py-2 pr-4">{row.failureReason ?? ''}</td>
            <td className="py-2">{row.lastModified ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
