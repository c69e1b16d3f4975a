import { redirect } from 'next/navigation';
import { EndpointTable } from '@/components/endpoints/endpoint-table';
import type { FleetPage } from '@/lib/api/endpoint-summary';
import { pageIdentity } from '@/lib/server/auth/page-identity';
import { listFleet } from '@/lib/server/fleet/list-fleet';
import { AppError } from '@/lib/server/http/app-error';

// Read on every request, as the signed-in caller.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const identity = await pageIdentity();
  if (!identity) redirect('/sign-in?next=/');
  let page: FleetPage;
  try {
    page = await listFleet(identity, { limit: 1000 });
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'Fleetdeck could not read the fleet.';
    return (
      <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-100">
        {message}
      </div>
    );
  }
  return (
    <section aria-labelledby="endpoints-heading">
      <h1 id="endpoints-heading" className="mb-1 text-xl font-semibold">
        Endpoints
      </h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">Signed in as {identity.user}</p>
      <EndpointTable endpoints={page.items} />
    </section>
  );
}
