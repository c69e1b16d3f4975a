import { describe, expect, it } from 'vitest';
import { endpointMetricsSchema, type EndpointMetrics } from '@/lib/api/endpoint-metrics';
import {
  describeMetricChart,
  errorRateData,
  errorRatePoints,
  invocationsData,
  latencyData,
  utilizationData,
} from './metric-rows';

const t = (minute: number) => `2026-05-01T14:${String(minute).padStart(2, '0')}:00.000Z`;
const at = (minute: number) => Date.parse(t(minute));
const points = (...values: [number, number][]) => values.map(([minute, value]) => ({ at: t(minute), value }));

// Parsed with the contract's schema, so the fixture is a body the route may send.
const body: EndpointMetrics = endpointMetricsSchema.parse({
  namespace: 'prod',
  name: 'ranker',
  endpointName: 'ranker-prod',
  region: 'us-west-2',
  range: '1h',
  periodSeconds: 60,
  from: t(0),
  to: t(59),
  source: { state: 'ok' },
  variants: [
    {
      variantName: 'AllTraffic',
      serverless: false,
      series: {
        invocations: points([0, 200], [1, 0], [3, 400]),
        errors4xx: points([0, 10], [1, 0], [3, 4]),
        errors5xx: points([0, 2], [1, 0], [3, 0]),
        modelLatencyAverage: points([0, 12_500], [3, 800]),
        modelLatencyP99: points([0, 95_000]),
        cpuUtilization: points([0, 250]),
      },
    },
    { variantName: 'Canary', serverless: true, series: { invocations: points([2, 20]) } },
  ],
  alarms: [],
  alarmHistory: [],
});

describe('errorRatePoints', () => {
  it('is errors as a percentage of the same period’s invocations', () => {
    expect(errorRatePoints(points([0, 200], [3, 400]), points([0, 10], [3, 4]))).toEqual(points([0, 5], [3, 1]));
  });

  it('has no rate for a period without invocations, nor for one CloudWatch has no invocations for', () => {
    expect(errorRatePoints(points([1, 0]), points([1, 0], [2, 3]))).toEqual([]);
    expect(errorRatePoints(undefined, points([1, 3]))).toEqual([]);
  });
});

describe('metric chart rows', () => {
  it('merge the variants’ points into one row per period, in time order, with gaps left empty', () => {
    const data = invocationsData(body);
    expect(data.lines.map((line) => [line.key, line.label, line.colour])).toEqual([
      ['AllTraffic', 'AllTraffic', 0],
      ['Canary', 'Canary', 1],
    ]);
    expect(data.rows.map((row) => [row.at, row.values])).toEqual([
      [at(0), { AllTraffic: 200 }],
      [at(1), { AllTraffic: 0 }],
      [at(2), { Canary: 20 }],
      [at(3), { AllTraffic: 400 }],
    ]);
    expect([data.from, data.to]).toEqual([at(0), at(59)]);
  });

  it('give 4XX and 5XX rates per variant, and no line for a variant without errors reported', () => {
    const data = errorRateData(body);
    expect(data.lines.map((line) => [line.key, line.dashed])).toEqual([
      ['AllTraffic:4xx', true],
      ['AllTraffic:5xx', false],
    ]);
    expect(data.rows.map((row) => row.values)).toEqual([
      { 'AllTraffic:4xx': 5, 'AllTraffic:5xx': 1 },
      { 'AllTraffic:4xx': 1, 'AllTraffic:5xx': 0 },
    ]);
  });

  it('turn SageMaker’s microseconds into milliseconds, p99 dashed', () => {
    const data = latencyData(body);
    expect(data.lines.map((line) => [line.label, line.dashed])).toEqual([
      ['AllTraffic, average', false],
      ['AllTraffic, p99', true],
    ]);
    expect(data.rows[0]!.values).toEqual({ 'AllTraffic:avg': 12.5, 'AllTraffic:p99': 95 });
    expect(data.rows[1]!.values).toEqual({ 'AllTraffic:avg': 0.8 });
  });

  it('keep CPU above 100%, as it is summed over cores', () => {
    expect(utilizationData(body).rows[0]!.values['AllTraffic:cpu']).toBe(250);
  });

  it('describe each line by its latest value, or say CloudWatch has none', () => {
    const text = describeMetricChart(invocationsData(body), 'Invocations', 60, String);
    expect(text).toMatch(/per 1 min period\. Latest: AllTraffic 400 at .*; Canary 20 at /);
    expect(describeMetricChart({ ...invocationsData(body), lines: [] }, 'Invocations', 60, String)).toMatch(
      /CloudWatch has no data\.$/,
    );
  });
});
