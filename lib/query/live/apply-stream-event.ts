import type { QueryClient } from '@tanstack/react-query';
import { endpointSummarySchema, type EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Fleet } from '../use-fleet';
import { queryKeys } from '../query-keys';

const keyOf = (item: { namespace: string; name: string }) => `${item.namespace}/${item.name}`;

/** The fleet with `summary` put in its namespace/name place (replacing the old one); never mutates `fleet`. */
export function upsertSummary(fleet: Fleet, summary: EndpointSummary): Fleet {
  const key = keyOf(summary);
  const items = fleet.items.filter((item) => keyOf(item) !== key);
  const at = items.findIndex((item) => keyOf(item) > key);
  items.splice(at < 0 ? items.length : at, 0, summary);
  return { ...fleet, items };
}

/** The fleet without namespace/name; never mutates `fleet`. */
export function removeSummary(fleet: Fleet, target: { namespace: string; name: string }): Fleet {
  const key = keyOf(target);
  return { ...fleet, items: fleet.items.filter((item) => keyOf(item) !== key) };
}

/**
 * Writes a stream change into the query cache, the only store: the fleet list gets the new
 * summary at once, and the endpoint's own queries (detail, series) are refetched if a page shows them.
 */
export function applyEndpointChange(queryClient: QueryClient, event: 'upsert' | 'delete', data: unknown): void {
  if (event === 'upsert') {
    const parsed = endpointSummarySchema.safeParse(data);
    if (!parsed.success) return;
    queryClient.setQueryData<Fleet>(queryKeys.fleet, (fleet) => (fleet ? upsertSummary(fleet, parsed.data) : fleet));
    void queryClient.invalidateQueries({ queryKey: queryKeys.endpoint(parsed.data.namespace, parsed.data.name) });
    return;
  }
  const target = data as { namespace?: unknown; name?: unknown } | undefined;
  if (typeof target?.namespace !== 'string' || typeof target.name !== 'string') return;
  const where = { namespace: target.namespace, name: target.name };
  queryClient.setQueryData<Fleet>(queryKeys.fleet, (fleet) => (fleet ? removeSummary(fleet, where) : fleet));
  void queryClient.invalidateQueries({ queryKey: queryKeys.endpoint(where.namespace, where.name) });
}
