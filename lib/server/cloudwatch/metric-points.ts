import 'server-only';
import type { MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { MetricPoint } from '@/lib/api/endpoint-metrics';

/** The points of one GetMetricData result, in time order. */
export function pointsOf(result: MetricDataResult | undefined): MetricPoint[] {
  const timestamps = result?.Timestamps ?? [];
  const values = result?.Values ?? [];
  return timestamps
    .map((at, index) => ({ at: new Date(at).toISOString(), value: values[index]! }))
    .filter((point) => Number.isFinite(point.value))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
