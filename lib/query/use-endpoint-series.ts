import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpointSeriesSchema } from '@/lib/api/endpoint-series';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';
import { endpointPath } from './use-endpoint-detail';

/** How often a shown series is fetched again although nothing changed, so its last step reaches the present. */
export const SERIES_REFRESH_MS = 30_000;

export const endpointSeriesPath = (namespace: string, name: string) => `${endpointPath(namespace, name)}/series`;

/** GET /api/endpoints/{namespace}/{name}/series: the stream's changes invalidate it; the interval keeps "now" current. */
export const endpointSeriesQueryOptions = (namespace: string, name: string) =>
  queryOptions({
    queryKey: queryKeys.endpointSeries(namespace, name),
    queryFn: ({ signal }) => apiFetch(endpointSeriesPath(namespace, name), endpointSeriesSchema, { signal }),
    refetchInterval: SERIES_REFRESH_MS,
  });

export const useEndpointSeries = (namespace: string, name: string) =>
  useQuery(endpointSeriesQueryOptions(namespace, name));
