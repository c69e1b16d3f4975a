/**
 * Every query key, from one factory. Keys carry every coordinate, so invalidating
 * `queryKeys.endpoint(ns, name)` reaches that endpoint's detail, series and rollout context and nothing else.
 */
export const queryKeys = {
  me: ['me'] as const,
  fleet: ['fleet'] as const,
  endpoint: (namespace: string, name: string) => ['endpoint', namespace, name] as const,
  endpointDetail: (namespace: string, name: string) => ['endpoint', namespace, name, 'detail'] as const,
  endpointSeries: (namespace: string, name: string) => ['endpoint', namespace, name, 'series'] as const,
  /**
   * One endpoint's CloudWatch reads over a range. Apart from `endpoint(...)` on purpose: the stream's changes
   * must not re-read CloudWatch; the hook's interval does, faster while the endpoint updates.
   */
  endpointMetrics: (namespace: string, name: string, range: string) =>
    ['endpoint-metrics', namespace, name, range] as const,
  rolloutContext: (namespace: string, name: string) => ['endpoint', namespace, name, 'rollout'] as const,
  /**
   * One endpoint's last-hour numbers for the list and the overview. Apart from `endpoint(...)` on purpose: the
   * stream's changes must not re-read CloudWatch, which costs money per metric.
   */
  fleetMetrics: ['fleet-metrics'] as const,
  fleetMetricsRow: (namespace: string, name: string) => ['fleet-metrics', namespace, name] as const,
  /** The mutation key of a rollout's dry run or apply (a mutation, never invalidated with the queries above). */
  rolloutSubmission: (namespace: string, name: string) => ['rollout-submission', namespace, name] as const,
};
