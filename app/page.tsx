import { EndpointTable } from '@/components/endpoints/endpoint-table';
import { sortRows, toEndpointRow, type EndpointRow } from '@/lib/endpoints/endpoint-row';
import { listEndpoints } from '@/lib/server/k8s/list-endpoints';

// Read on every request: the page shows the cluster as it is now.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  let rows: EndpointRow[];
  try {
    rows = sortRows((await listEndpoints()).map(toEndpointRow));
  } catch (error) {
    console.error('listing endpoints failed', error instanceof Error ? error.message : error);
    return (
      <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100">
        The cluster could not be reached. Fleetdeck will show the endpoints once it answers again; reload to retry.
      </div>
    );
  }
  return (
    <section aria-labelledby="endpoints-heading">
      <h1 id="endpoints-heading" className="mb-4 text-xl font-semibold">
        Endpoints
      </h1>
      <EndpointTable rows={rows} />
    </section>
  );
}
