import { queryOptions, useQuery } from '@tanstack/react-query';
import { endpointMetricsSchema, type MetricRange } from '@/lib/api/endpoint-metrics';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { modifyingStatuses } from '@/lib/endpoints/status-facts';
import { apiFetch } from './api-fetch';
import { queryKeys } from './query-keys';
import { endpointPath } from './use-endpoint-detail';

/**
 * While the endpoint is updating, alarms and the verdict are what a person watches, so they are read often; the
 * server caches CloudWatch's answers, so more viewers do not mean more CloudWatch calls.
 */
export const METRICS_LIVE_REFRESH_MS = 10_000;
/** Otherwise CloudWatch's shortest period is a minute: reading more often shows nothing new. */
export const METRICS_REFRESH_MS = 60_000;

/**
 * Whether the endpoint is changing now, when its alarms and the verdict are read every few seconds: a deployment
 * under way, and a rollback too (the alarm that caused it is still in ALARM, and the page is where people look).
 */
export const metricsLive = (summary: Pick<EndpointSummary, 'status' | 'deployment'>) =>
  summary.deployment !== undefined || modifyingStatuses.has(summary.status ?? '');

export const endpointMetricsPath = (namespace: string, name: string, range: MetricRange) =>
  `${endpointPath(namespace, name)}/metrics?range=${encodeURIComponent(range)}`;

/** GET /api/endpoints/{namespace}/{name}/metrics?range=…: traffic, alarms and the canary verdict from CloudWatch. */
export const endpointMetricsQueryOptions = (namespace: string, name: string, range: MetricRange, live: boolean) =>
  queryOptions({
    queryKey: queryKeys.endpointMetrics(namespace, name, range),
    queryFn: ({ signal }) => apiFetch(endpointMetricsPath(namespace, name, range), endpointMetricsSchema, { signal }),
    refetchInterval: live ? METRICS_LIVE_REFRESH_MS : METRICS_REFRESH_MS,
    // A new range keeps the last one's charts on screen until its own answer arrives.
    placeholderData: (previous) => previous,
  });

export const useEndpointMetrics = (namespace: string, name: string, range: MetricRange, live: boolean) =>
  useQuery(endpointMetricsQueryOptions(namespace, name, range, live));
