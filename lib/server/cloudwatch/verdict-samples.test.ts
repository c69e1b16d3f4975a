import { describe, expect, it } from 'vitest';
import { sideSamples, verdictMetrics } from './verdict-samples';

const points = (...values: [string, number][]) => values.map(([at, value]) => ({ at, value }));
const t1 = '2026-12-06T10:00:00.000Z';
const t2 = '2026-12-06T10:00:10.000Z';

describe('sideSamples', () => {
  it('adds the variants’ counts per period before dividing, and weighs latency by invocations', () => {
    const samples = sideSamples([
      {
        variantName: 'a',
        series: {
          invocations: points([t1, 90], [t2, 0]),
          errors5xx: points([t1, 9]),
          errors4xx: points([t1, 1]),
          modelLatencyAverage: points([t1, 1000]),
          modelLatencyP99: points([t1, 4000]),
        },
      },
      {
        variantName: 'b',
        series: {
          invocations: points([t1, 10]),
          errors5xx: points([t1, 1]),
          modelLatencyAverage: points([t1, 2000]),
          modelLatencyP99: points([t1, 9000], [t2, 100]),
        },
      },
    ]);
    // t2 had no invocations: no error rate for it.
    expect(samples.errorRate5xx).toEqual([0.1]);
    expect(samples.errorRate4xx).toEqual([0.01]);
    expect(samples.latencyAverage).toEqual([1100]);
    expect(samples.latencyP99).toEqual([9000, 100]);
  });
});

describe('verdictMetrics', () => {
  it('makes the 5XX rate the one critical metric, and only increases bad', () => {
    const empty = { errorRate5xx: [], errorRate4xx: [], latencyAverage: [], latencyP99: [] };
    const metrics = verdictMetrics(empty, { ...empty, errorRate5xx: [0.2] });
    expect(metrics.map((metric) => [metric.metric, metric.critical, metric.direction])).toEqual([
      ['errorRate5xx', true, 'increase'],
      ['errorRate4xx', false, 'increase'],
      ['modelLatencyAverage', false, 'increase'],
      ['modelLatencyP99', false, 'increase'],
    ]);
    expect(metrics[0]!.canary).toEqual([0.2]);
  });
});
