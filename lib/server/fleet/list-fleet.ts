import 'server-only';
import type { FleetPage } from '@/lib/api/endpoint-summary';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';
import { fleetStore } from '../k8s/fleet-store';
import { kindAccessByNamespace } from './kind-access';
import { visibleParts, visibleSummary, type VisibleParts } from './visible-summary';
import { assertNamespaceAccess, visibleNamespaces } from './visible-namespaces';

export interface FleetQuery {
  namespace?: string;
  limit: number;
  cursor?: string;
}

const encodeCursor = (key: string) => Buffer.from(key).toString('base64url');
function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!key.includes('/'))
    throw new AppError('bad_request', 'The cursor is not one this server gave out.', [
      { path: 'cursor', message: 'unknown cursor' },
    ]);
  return key;
}

/**
 * A page of the fleet the caller may list, from the shared cache, in namespace/name order. The cursor is the
 * last key of the previous page, so pages stay consistent while endpoints come and go. Each summary is joined
 * only with the configs and models the caller may list in its namespace (asked per kind); what they may not
 * is named in the summary's `omitted`.
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

  const visible =
    namespaces === null ? store.endpointsIn() : namespaces.flatMap((namespace) => store.endpointsIn(namespace));
  const keyed = visible
    .map((endpoint) => ({ key: `${endpoint.metadata.namespace}/${endpoint.metadata.name}`, endpoint }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const start = after === undefined ? 0 : keyed.findIndex((entry) => entry.key > after);
  const page = start < 0 ? [] : keyed.slice(start, start + query.limit);

  const pageNamespaces = new Set(page.map(({ endpoint }) => endpoint.metadata.namespace ?? ''));
  const access = await kindAccessByNamespace(identity, 'list', pageNamespaces, ['EndpointConfig', 'Model']);
  const parts = new Map<string, VisibleParts>();
  const partsIn = (namespace: string) =>
    parts.get(namespace) ?? parts.set(namespace, visibleParts(store, namespace, access(namespace))).get(namespace)!;
  const last = page[page.length - 1];
  const hasMore = start >= 0 && start + query.limit < keyed.length;
  return {
    items: page.map(({ endpoint }) => visibleSummary(endpoint, partsIn(endpoint.metadata.namespace ?? ''))),
    ...(hasMore && last ? { nextCursor: encodeCursor(last.key) } : {}),
    total: keyed.length,
    namespaces,
    asOf: new Date().toISOString(),
  };
}
