import type { EndpointMetrics, MetricPoint, VariantMetricName, VariantMetrics } from '@/lib/api/endpoint-metrics';
import { formatClockTime } from '@/lib/format/clock-time';
import type { ChartData, ChartLine, ChartRow } from './series-rows';

// Chart rows of the CloudWatch reads (lib/api/endpoint-metrics.ts), in the shape the series charts draw. Each row
// is one period; a period CloudWatch has no point for is a gap, never a zero.

/** One line per variant of a measure: which series it reads and how a value becomes what is plotted. */
interface Measure {
  suffix: string;
  label: string;
  dashed: boolean;
  points: (variant: VariantMetrics) => MetricPoint[] | undefined;
}

const series = (name: VariantMetricName, scale: (value: number) => number = (value) => value) => {
  return (variant: VariantMetrics) =>
    variant.series[name]?.map((point) => ({ at: point.at, value: scale(point.value) }));
};

/** SageMaker publishes latencies in microseconds; charts show milliseconds. */
const microsToMs = (micros: number) => micros / 1000;

/**
 * Errors as a percentage of the invocations of the same period. A period without invocations has no rate (not
 * 0%): nothing was asked, so nothing failed.
 */
export function errorRatePoints(
  invocations: MetricPoint[] | undefined,
  errors: MetricPoint[] | undefined,
): MetricPoint[] {
  const asked = new Map((invocations ?? []).map((point) => [Date.parse(point.at), point.value]));
  return (errors ?? []).flatMap((point) => {
    const count = asked.get(Date.parse(point.at));
    return count && count > 0 ? [{ at: point.at, value: (point.value / count) * 100 }] : [];
  });
}

function metricChartData(body: EndpointMetrics, measures: Measure[]): ChartData {
  const lines: ChartLine[] = [];
  const rows = new Map<number, ChartRow>();
  body.variants.forEach((variant, colour) => {
    for (const measure of measures) {
      const points = measure.points(variant);
      if (!points || points.length === 0) continue;
      const key = `${variant.variantName}${measure.suffix}`;
      lines.push({
        key,
        label: `${variant.variantName}${measure.label}`,
        fleet: 'current',
        variant: variant.variantName,
        dashed: measure.dashed,
        colour,
      });
      for (const point of points) {
        const at = Date.parse(point.at);
        const row = rows.get(at) ?? { at, values: {} };
        row.values[key] = point.value;
        rows.set(at, row);
      }
    }
  });
  return {
    lines,
    rows: [...rows.values()].sort((a, b) => a.at - b.at),
    from: Date.parse(body.from),
    to: Date.parse(body.to),
  };
}

/** Invocations per period and variant. */
export const invocationsData = (body: EndpointMetrics) =>
  metricChartData(body, [{ suffix: '', label: '', dashed: false, points: series('invocations') }]);

/** 4XX (dashed) and 5XX errors as a percentage of the period's invocations, per variant. */
export const errorRateData = (body: EndpointMetrics) =>
  metricChartData(body, [
    {
      suffix: ':4xx',
      label: ', 4XX',
      dashed: true,
      points: (variant) => errorRatePoints(variant.series.invocations, variant.series.errors4xx),
    },
    {
      suffix: ':5xx',
      label: ', 5XX',
      dashed: false,
      points: (variant) => errorRatePoints(variant.series.invocations, variant.series.errors5xx),
    },
  ]);

/** Model latency in milliseconds: the average, and p99 dashed. */
export const latencyData = (body: EndpointMetrics) =>
  metricChartData(body, [
    { suffix: ':avg', label: ', average', dashed: false, points: series('modelLatencyAverage', microsToMs) },
    { suffix: ':p99', label: ', p99', dashed: true, points: series('modelLatencyP99', microsToMs) },
  ]);

/** CPU and memory utilization in percent (CPU summed over cores, so it may pass 100). */
export const utilizationData = (body: EndpointMetrics) =>
  metricChartData(body, [
    { suffix: ':cpu', label: ', CPU', dashed: false, points: series('cpuUtilization') },
    { suffix: ':memory', label: ', memory', dashed: true, points: series('memoryUtilization') },
  ]);

/** Invocations per instance and period (instance-backed variants only). */
export const perInstanceData = (body: EndpointMetrics) =>
  metricChartData(body, [{ suffix: '', label: '', dashed: false, points: series('invocationsPerInstance') }]);

/** A metric chart in a sentence, for its accessible description: the window, the period and the last values. */
export function describeMetricChart(
  data: ChartData,
  what: string,
  periodSeconds: number,
  format: (value: number) => string,
): string {
  const span = `${formatClockTime(data.from)} to ${formatClockTime(data.to)}`;
  if (data.lines.length === 0 || data.rows.length === 0) return `${what} from ${span}: CloudWatch has no data.`;
  const last = data.lines.flatMap((line) => {
    const row = data.rows.findLast((candidate) => candidate.values[line.key] !== undefined);
    return row ? [`${line.label} ${format(row.values[line.key]!)} at ${formatClockTime(row.at)}`] : [];
  });
  return `${what} from ${span}, per ${periodSeconds / 60} min period. Latest: ${last.join('; ')}.`;
}
