import type { MetricDatum, StandardUnit } from '@aws-sdk/client-cloudwatch';
import type { PublishedMetric } from '../sagemaker/traffic-model';

// PutMetricData's limits: at most 1,000 metrics a request (and 1 MB) and 150 distinct values a datum
// (CloudWatch API reference, PutMetricData and MetricDatum). Half the metric limit keeps a request well
// under the size limit with the longest names and histograms the traffic model makes.
export const maxDataPerRequest = 500;
export const maxValuesPerDatum = 150;

export interface NamespacedData {
  namespace: string;
  data: MetricDatum[];
}

/**
 * One period's metrics as PutMetricData requests: one namespace each, within the limits. Periods shorter than a
 * minute are stored at high resolution (StorageResolution 1), as CloudWatch requires for sub-minute alarms.
 */
export function putRequests(metrics: PublishedMetric[], startMs: number, periodSeconds: number): NamespacedData[] {
  const byNamespace = new Map<string, MetricDatum[]>();
  for (const metric of metrics) {
    const data = byNamespace.get(metric.namespace) ?? [];
    byNamespace.set(metric.namespace, data);
    for (let from = 0; from < metric.values.length; from += maxValuesPerDatum) {
      data.push({
        MetricName: metric.metricName,
        Dimensions: Object.entries(metric.dimensions).map(([Name, Value]) => ({ Name, Value })),
        Timestamp: new Date(startMs),
        Values: metric.values.slice(from, from + maxValuesPerDatum),
        Counts: metric.counts.slice(from, from + maxValuesPerDatum),
        Unit: metric.unit as StandardUnit,
        StorageResolution: periodSeconds < 60 ? 1 : 60,
      });
    }
  }
  return [...byNamespace].flatMap(([namespace, data]) =>
    Array.from({ length: Math.ceil(data.length / maxDataPerRequest) }, (_, index) => ({
      namespace,
      data: data.slice(index * maxDataPerRequest, (index + 1) * maxDataPerRequest),
    })),
  );
}
