import 'server-only';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';
import { fleetStore, type FleetStore } from '../k8s/fleet-store';
import { assertNamespaceAccess } from './visible-namespaces';

/**
 * One endpoint from the shared cache, for the reads about it (detail, series, rollout form). The caller's
 * right to get Endpoints in the namespace is checked first, so a refusal is the same whether or not the
 * endpoint exists; then 404 when it does not.
 */
export async function readableEndpoint(
  identity: Identity,
  namespace: string,
  name: string,
): Promise<{ store: FleetStore; endpoint: Endpoint }> {
  await assertNamespaceAccess(identity, 'get', namespace);
  const store = fleetStore();
  await store.ensureServing();
  const endpoint = store.endpoint(namespace, name);
  if (!endpoint) throw new AppError('not_found', `There is no SageMaker endpoint ${namespace}/${name}.`);
  return { store, endpoint };
}
