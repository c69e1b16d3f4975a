import 'server-only';
import type { CanaryMetricInput } from '@/lib/endpoints/canary-verdict';
import type { MetricPoint } from '@/lib/api/endpoint-metrics';

/** The series the verdict reads of each variant of one side. */
export const verdictSeries = [
  'invocations',
  'errors4xx',
  'errors5xx',
  'modelLatencyAverage',
  'modelLatencyP99',
] as const;
export type VerdictSeries = (typeof verdictSeries)[number];

/** One side's series, per variant. */
export type SideSeries = { variantName: string; series: Partial<Record<VerdictSeries, MetricPoint[]>> }[];

/** The per-period samples of one side, its variants taken together. */
export interface SideSamples {
  errorRate5xx: number[];
  errorRate4xx: number[];
  latencyAverage: number[];
  latencyP99: number[];
}

/**
 * Per period, over the variants: error rates from summed counts (periods without invocations give none), the
 * average latency weighted by each variant's invocations, and the worst variant's p99 (percentiles do not add).
 */
export function sideSamples(side: SideSeries): SideSamples {
  const periods = new Map<
    string,
    { inv: number; e4: number; e5: number; latSum: number; latWeight: number; p99?: number }
  >();
  const at = (key: string) => {
    let period = periods.get(key);
    if (!period) {
      period = { inv: 0, e4: 0, e5: 0, latSum: 0, latWeight: 0 };
      periods.set(key, period);
    }
    return period;
  };
  for (const { series } of side) {
    const invocations = new Map((series.invocations ?? []).map((point) => [point.at, point.value]));
    for (const point of series.invocations ?? []) at(point.at).inv += point.value;
    for (const point of series.errors4xx ?? []) at(point.at).e4 += point.value;
    for (const point of series.errors5xx ?? []) at(point.at).e5 += point.value;
    for (const point of series.modelLatencyAverage ?? []) {
      const weight = invocations.get(point.at) ?? 1;
      at(point.at).latSum += point.value * weight;
      at(point.at).latWeight += weight;
    }
    for (const point of series.modelLatencyP99 ?? []) {
      const period = at(point.at);
      period.p99 = Math.max(period.p99 ?? -Infinity, point.value);
    }
  }
  const ordered = [...periods.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, period]) => period);
  return {
    errorRate5xx: ordered.filter((p) => p.inv > 0).map((p) => p.e5 / p.inv),
    errorRate4xx: ordered.filter((p) => p.inv > 0).map((p) => p.e4 / p.inv),
    latencyAverage: ordered.filter((p) => p.latWeight > 0).map((p) => p.latSum / p.latWeight),
    latencyP99: ordered.flatMap((p) => (p.p99 !== undefined ? [p.p99] : [])),
  };
}

/** The verdict's metrics: 5XX rate (critical), 4XX rate, average and p99 model latency; only an increase is bad. */
export function verdictMetrics(baseline: SideSamples, canary: SideSamples): CanaryMetricInput[] {
  return [
    {
      metric: 'errorRate5xx',
      label: '5XX error rate',
      critical: true,
      direction: 'increase',
      tolerance: 0.5,
      minimumChange: 0.005,
      unit: 'share',
      baseline: baseline.errorRate5xx,
      canary: canary.errorRate5xx,
    },
    {
      metric: 'errorRate4xx',
      label: '4XX error rate',
      critical: false,
      direction: 'increase',
      tolerance: 0.5,
      minimumChange: 0.01,
      unit: 'share',
      baseline: baseline.errorRate4xx,
      canary: canary.errorRate4xx,
    },
    {
      metric: 'modelLatencyAverage',
      label: 'model latency (average)',
      critical: false,
      direction: 'increase',
      tolerance: 0.25,
      minimumChange: 1_000,
      unit: 'microseconds',
      baseline: baseline.latencyAverage,
      canary: canary.latencyAverage,
    },
    {
      metric: 'modelLatencyP99',
      label: 'model latency (p99)',
      critical: false,
      direction: 'increase',
      tolerance: 0.25,
      minimumChange: 5_000,
      unit: 'microseconds',
      baseline: baseline.latencyP99,
      canary: canary.latencyP99,
    },
  ];
}
