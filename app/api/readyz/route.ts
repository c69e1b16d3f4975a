import { assertRevocationsSynced } from '@/lib/server/auth/revocation-store';
import { assertNotDraining } from '@/lib/server/drain';
import { fleetStore } from '@/lib/server/k8s/fleet-store';
import { publicRoute } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

/**
 * Readiness: 200 once this replica has listed the fleet and (token mode) read the list of signed-out sessions,
 * 503 (with Retry-After) before: until then every session cookie would get 503. A cluster that stops answering
 * later does not make a replica unready: its pages still show the last data, marked stale, which beats no page
 * at all. A replica shutting down answers 503 at once, so load balancers stop sending to it before it closes.
 * Says nothing about any endpoint, so anyone may ask.
 */
export const GET = publicRoute(async () => {
  assertNotDraining();
  fleetStore().assertSynced();
  assertRevocationsSynced();
  return { status: 'ready' };
});

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
