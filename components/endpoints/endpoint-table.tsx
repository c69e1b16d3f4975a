import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { StatusBadge } from '@/components/ui/status-badge';

/** A plain table of endpoints. All custom-resource text is rendered as text. */
export function EndpointTable({ endpoints }: { endpoints: readonly EndpointSummary[] }) {
  if (endpoints.length === 0) {
    return <p className="text-slate-600 dark:text-slate-300">No SageMaker endpoints in the namespaces you may see.</p>;
  }
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">SageMaker endpoints</caption>
      <thead>
        <tr className="border-b border-slate-300 dark:border-slate-700">
          <th scope="col" className="py-2 pr-4">Namespace</th>
          <th scope="col" className="py-2 pr-4">Name</th>
          <th scope="col" className="py-2 pr-4">Status</th>
          <th scope="col" className="py-2 pr-4">Health</th>
          <th scope="col" className="py-2 pr-4">Config</th>
          <th scope="col" className="py-2 pr-4">Failure reason</th>
          <th scope="col" className="py-2">Last change</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((endpoint) => (
          <tr key={`${endpoint.namespace}/${endpoint.name}`} data-testid="endpoint-row" className="border-b border-slate-100 dark:border-slate-800">
            <td className="py-2 pr-4">{endpoint.namespace}</td>
            <td className="py-2 pr-4 font-medium">{endpoint.name}</td>
            <td className="py-2 pr-4"><StatusBadge status={endpoint.status} /></td>
            <td className="py-2 pr-4">{endpoint.health.level}</td>
            <td className="py-2 pr-4 font-mono">{endpoint.configName}</td>
            <td className="py-2 pr-4">{endpoint.failureReason ?? ''}</td>
            <td className="py-2">{endpoint.lastChange ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
