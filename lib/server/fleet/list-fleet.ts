import 'server-only';
import type { FleetPage } from '@/lib/api/endpoint-summary';
import { summarizeEndpoint } from '@/lib/endpoints/summarize-endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';
import { fleetStore } from '../k8s/fleet-store';
import { assertNamespaceAccess, visibleNamespaces } from './visible-namespaces';

export interface FleetQuery {
  namespace?: string;
  limit: number;
  cursor?: string;
}

const encodeCursor = (key: string) => Buffer.from(key).toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key.includes('/')) throw new AppError('bad_request', 'The cursor is not one this server gave out.', [{ path: 'cursor', message: 'unknown cursor' }]);
  return key;
}

/**
 * A page of the fleet the caller may list, from the shared cache, in namespace/name order. The cursor is the
 * last key of the previous page, so pages stay consistent while endpoints come and go.
 */
export async function listFleet(identity: Identity, query: FleetQuery): Promise<FleetPage> {
  const store = fleetStore();
  await store.ensureServing();
  let namespaces: string[] | null;
  if (query.namespace) {
    await assertNamespaceAccess(identity, 'list', query.namespace);
    namespaces = [query.namespace];
  } else {
    namespaces = await visibleNamespaces(identity, 'list', store.endpoints.namespaces());
  }

  const visible = namespaces === null ? store.endpointsIn() : namespaces.flatMap((namespace) => store.endpointsIn(namespace));
  const keyed = visible.map((endpoint) => ({ key: `${endpoint.metadata.namespace}/${endpoint.metadata.name}`, endpoint })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const start = after === undefined ? 0 : keyed.findIndex((entry) => entry.key > after);
  const page = start < 0 ? [] : keyed.slice(start, start + query.limit);

  const configs = new Map<string, EndpointConfig[]>();
  const configsIn = (namespace: string) => configs.get(namespace) ?? configs.set(namespace, store.configsIn(namespace)).get(namespace)!;
  const models = new Map<string, Model[]>();
  const modelsIn = (namespace: string) => models.get(namespace) ?? models.set(namespace, store.modelsIn(namespace)).get(namespace)!;
  const last = page[page.length - 1];
  const hasMore = start >= 0 && start + query.limit < keyed.length;
  return {
    items: page.map(({ endpoint }) => summarizeEndpoint(endpoint, configsIn(endpoint.metadata.namespace ?? ''), modelsIn(endpoint.metadata.namespace ?? ''))),
    ...(hasMore && last ? { nextCursor: encodeCursor(last.key) } : {}),
    total: keyed.length,
    namespaces,
    asOf: new Date().toISOString(),
  };
}
