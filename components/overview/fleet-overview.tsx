'use client';

import { StatusBadge } from '@/components/ui/status-badge';
import { useFleet } from '@/lib/query/use-fleet';

/** The fleet at a glance. */
export function FleetOverview() {
  const fleet = useFleet();
  if (fleet.isPending) return <p>Loading the fleet…</p>;
  if (fleet.isError) return <p role="alert">{fleet.error.message}</p>;
  return (
    <section aria-labelledby="overview-heading">
      <h1 id="overview-heading" className="mb-4 text-xl font-semibold">
        Fleet overview
      </h1>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">SageMaker endpoints</caption>
        <thead>
          <tr>
            <th scope="col">Namespace</th>
            <th scope="col">Name</th>
            <th scope="col">Status</th>
            <th scope="col">Config</th>
            <th scope="col">Failure reason</th>
          </tr>
        </thead>
        <tbody>
          {fleet.data.items.map((endpoint) => (
            <tr key={`${endpoint.namespace}/${endpoint.name}`} data-testid="endpoint-row">
              <td>{endpoint.namespace}</td>
              <td>{endpoint.name}</td>
              <td>
                <StatusBadge status={endpoint.status} />
              </td>
              <td>{endpoint.configName}</td>
              <td>{endpoint.failureReason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
