import { queryOptions, useQuery } from '@tanstack/react-query';
import { fleetPageSchema, type EndpointSummary } from '@/lib/api/endpoint-summary';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';

/** The whole fleet the caller may see, as the stream keeps it current. */
export interface Fleet {
  items: EndpointSummary[];
  /** Namespaces the caller may list, or null for every namespace. */
  namespaces: string[] | null;
  asOf: string;
}

const PAGE_SIZE = 1000;

/** Reads every page of GET /api/fleet, so a fresh load and the live cache hold the same set. */
export async function fetchFleet(signal?: AbortSignal): Promise<Fleet> {
  const items: EndpointSummary[] = [];
  let cursor: string | undefined;
  let page;
  do {
    const query = new URLSearchParams({ limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    page = await apiFetch(`/api/fleet?${query}`, fleetPageSchema, { signal });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, namespaces: page.namespaces, asOf: page.asOf };
}

export const fleetQueryOptions = () =>
  queryOptions({ queryKey: queryKeys.fleet, queryFn: ({ signal }) => fetchFleet(signal) });

export const useFleet = () => useQuery(fleetQueryOptions());
