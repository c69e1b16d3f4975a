import { queryOptions, useQueries, type QueryClient } from '@tanstack/react-query';
import {
  type CloudWatchSource,
  type FleetMetrics,
  type FleetMetricsRow,
  fleetMetricsMaxEndpoints,
  fleetMetricsSchema,
} from '@/lib/api/endpoint-metrics';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';

export interface EndpointRef {
  namespace: string;
  name: string;
}

export const endpointRefKey = ({ namespace, name }: EndpointRef) => `${namespace}/${name}`;

/** One endpoint's numbers, with what the call that read them said about CloudWatch. */
export interface FleetMetricsEntry {
  /** Absent when the answer left the endpoint out (gone, or not readable by the caller). */
  row?: FleetMetricsRow;
  source: CloudWatchSource;
  readAt?: string;
  /** The route's threshold for "error rate above", when it gives one (0..1). */
  errorRateAttention?: number;
}

export const fleetMetricsPath = (refs: readonly EndpointRef[]) => {
  const params = new URLSearchParams();
  for (const ref of refs) params.append('endpoint', endpointRefKey(ref));
  return `/api/fleet/metrics?${params}`;
};

/** The endpoints in calls of at most fleetMetricsMaxEndpoints each, each endpoint once, in the order given. */
export function metricsBatches(refs: readonly EndpointRef[], max = fleetMetricsMaxEndpoints): EndpointRef[][] {
  const seen = new Set<string>();
  const unique = refs.filter((ref) => {
    const key = endpointRefKey(ref);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const batches: EndpointRef[][] = [];
  for (let start = 0; start < unique.length; start += max) batches.push(unique.slice(start, start + max));
  return batches;
}

/**
 * Gathers the per-endpoint reads asked for within one short window into as few calls as the limit allows, so
 * the list's rows cache one by one while CloudWatch is asked once per screenful.
 */
export function createMetricsBatcher(fetchBatch: (refs: EndpointRef[]) => Promise<FleetMetrics>, windowMs = 15) {
  let waiting: { ref: EndpointRef; resolve: (entry: FleetMetricsEntry) => void; reject: (error: unknown) => void }[] =
    [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    const taken = waiting;
    waiting = [];
    timer = undefined;
    for (const batch of metricsBatches(taken.map((waiter) => waiter.ref))) {
      const keys = new Set(batch.map(endpointRefKey));
      const mine = taken.filter((waiter) => keys.has(endpointRefKey(waiter.ref)));
      fetchBatch(batch).then(
        (body) => {
          const rows = new Map(body.rows.map((row) => [endpointRefKey(row), row]));
          for (const waiter of mine) {
            const row = rows.get(endpointRefKey(waiter.ref));
            waiter.resolve({
              ...(row ? { row } : {}),
              source: row?.source ?? body.source,
              ...(body.readAt ? { readAt: body.readAt } : {}),
              ...(body.errorRateAttention !== undefined ? { errorRateAttention: body.errorRateAttention } : {}),
            });
          }
        },
        (error: unknown) => {
          for (const waiter of mine) waiter.reject(error);
        },
      );
    }
  };

  return (ref: EndpointRef) =>
    new Promise<FleetMetricsEntry>((resolve, reject) => {
      waiting.push({ ref, resolve, reject });
      timer ??= setTimeout(flush, windowMs);
    });
}

const loadFleetMetrics = createMetricsBatcher((refs) => apiFetch(fleetMetricsPath(refs), fleetMetricsSchema));

/**
 * One endpoint's numbers through the shared batcher. The signal is not passed on: a row scrolled away while its
 * batch is in flight still caches its answer, and the rest of the batch must not be aborted with it.
 */
export const fleetMetricsRowQueryOptions = (ref: EndpointRef, enabled = true, refreshMs: number | false = false) =>
  queryOptions({
    queryKey: queryKeys.fleetMetricsRow(ref.namespace, ref.name),
    queryFn: () => loadFleetMetrics({ namespace: ref.namespace, name: ref.name }),
    // Scrolling back within a minute reuses what was read: CloudWatch bills every metric read.
    staleTime: 60_000,
    // A failure shows in the cells and once on the page; retries would multiply the reads behind it.
    retry: false,
    enabled,
    refetchInterval: refreshMs,
  });

/**
 * The numbers of the given endpoints, one query each (so each caches on its own), fetched together. `ask`
 * limits which of them may be fetched now (the list waits for scrolling to settle); the others still show
 * whatever the cache holds. `refreshMs` reads them again on a timer; their timers start together, so the
 * batcher still makes one call of them.
 */
export function useFleetMetrics(
  refs: readonly EndpointRef[],
  { ask, refreshMs = false }: { ask?: ReadonlySet<string>; refreshMs?: number | false } = {},
) {
  return useQueries({
    queries: refs.map((ref) => fleetMetricsRowQueryOptions(ref, ask ? ask.has(endpointRefKey(ref)) : true, refreshMs)),
  });
}

/** Every endpoint's numbers the cache holds now, by "namespace/name" (for sorting by what has been read). */
export function cachedFleetMetrics(client: QueryClient): Map<string, FleetMetricsEntry> {
  const entries = new Map<string, FleetMetricsEntry>();
  for (const [key, data] of client.getQueriesData<FleetMetricsEntry>({ queryKey: queryKeys.fleetMetrics })) {
    const [, namespace, name] = key;
    if (data && typeof namespace === 'string' && typeof name === 'string')
      entries.set(endpointRefKey({ namespace, name }), data);
  }
  return entries;
}

type MetricsState = { at: number; source?: CloudWatchSource; error?: Error };

/**
 * What a page says once about CloudWatch. Each endpoint's state is its newest answer or failure; rows are read per
 * account and region, so some may fail while the others read: the page names the newest failing state, and says
 * all is well only when none fails.
 */
export function latestMetricsState(
  results: readonly { data?: FleetMetricsEntry; dataUpdatedAt: number; error: Error | null; errorUpdatedAt: number }[],
): { source?: CloudWatchSource; error?: Error } {
  const states = results.flatMap((result): MetricsState[] => {
    if (result.error && result.errorUpdatedAt > result.dataUpdatedAt)
      return [{ at: result.errorUpdatedAt, error: result.error }];
    return result.data ? [{ at: result.dataUpdatedAt, source: result.data.source }] : [];
  });
  const failing = states.filter((state) => state.error || state.source?.state !== 'ok');
  const pool = failing.length > 0 ? failing : states;
  const newest = pool.reduce<MetricsState | undefined>(
    (found, state) => (found && found.at >= state.at ? found : state),
    undefined,
  );
  if (!newest) return {};
  return newest.error ? { error: newest.error } : { source: newest.source! };
}
