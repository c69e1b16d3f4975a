import { describe, expect, it } from 'vitest';
import { verdictSchema } from '@/lib/api/endpoint-metrics';
import { judgeCanary, type CanaryInputs, type CanaryMetricInput, type CanaryOptions } from './canary-verdict';

/** `count` values spread evenly ±(count−1)/2·step around `center` (relative), so their median is `center` exactly. */
function around(center: number, count = 21, step = 0.01): number[] {
  const half = (count - 1) / 2;
  return Array.from({ length: count }, (_, i) => center * (1 + (i - half) * step));
}

const errorRate = (baseline: readonly number[], canary: readonly number[]): CanaryMetricInput => ({
  metric: 'errorRate5xx',
  label: '5XX error rate',
  critical: true,
  direction: 'increase',
  tolerance: 0.25,
  minimumChange: 0.001,
  unit: 'share',
  baseline,
  canary,
});

const latency = (
  baseline: readonly number[],
  canary: readonly number[],
  more: Partial<CanaryMetricInput> = {},
): CanaryMetricInput => ({
  metric: 'modelLatencyP99',
  label: 'model latency (p99)',
  critical: false,
  direction: 'increase',
  tolerance: 0.25,
  minimumChange: 1000,
  unit: 'microseconds',
  baseline,
  canary,
  ...more,
});

const judge = (
  metrics: CanaryMetricInput[],
  options?: CanaryOptions,
  baseline: CanaryInputs['baseline'] = 'old-fleet',
) => judgeCanary({ compared: 'cfg-v2 since 10:05 against cfg-v1 over the same window', baseline, metrics }, options);

describe('judgeCanary: one metric', () => {
  it.each([
    {
      name: 'identical samples pass',
      metric: latency(around(12_000), around(12_000)),
      outcome: 'pass',
      reason:
        'Median 12 ms on the new fleet against 12 ms on the old fleet: no significant difference (p = 1, tolerance 25%).',
    },
    {
      name: 'a clear increase of the 5XX rate is high',
      metric: errorRate(around(0.002), around(0.041)),
      outcome: 'high',
      reason:
        'Median 4.1% on the new fleet against 0.2% on the old fleet: higher, beyond the 25% tolerance (p < 0.001).',
    },
    {
      name: 'a latency increase inside the tolerance passes',
      metric: latency(around(10_000), around(11_000)),
      outcome: 'pass',
      reason:
        'Median 11 ms on the new fleet against 10 ms on the old fleet: higher, within the 25% tolerance (p < 0.001).',
    },
    {
      name: 'a shift of exactly the tolerance passes',
      // HL shift 25 against a baseline median of 100: exactly 25 %.
      metric: latency(
        Array.from({ length: 21 }, (_, i) => 90_000 + i * 1000),
        Array.from({ length: 21 }, (_, i) => 115_000 + i * 1000),
      ),
      outcome: 'pass',
      reason:
        'Median 125 ms on the new fleet against 100 ms on the old fleet: higher, within the 25% tolerance (p < 0.001).',
    },
    {
      name: 'a shift just past the tolerance is high',
      metric: latency(
        Array.from({ length: 21 }, (_, i) => 90_000 + i * 1000),
        Array.from({ length: 21 }, (_, i) => 116_000 + i * 1000),
      ),
      outcome: 'high',
      reason:
        'Median 126 ms on the new fleet against 100 ms on the old fleet: higher, beyond the 25% tolerance (p < 0.001).',
    },
    {
      name: 'a decrease when only increases are bad passes',
      metric: latency(around(10_000), around(7_000)),
      outcome: 'pass',
      reason:
        'Median 7 ms on the new fleet against 10 ms on the old fleet: lower, which is no harm for this metric (p < 0.001, tolerance 25%).',
    },
    {
      name: 'a decrease when either change is bad is low',
      metric: latency(around(10_000), around(7_000), { direction: 'either' }),
      outcome: 'low',
      reason:
        'Median 7 ms on the new fleet against 10 ms on the old fleet: lower, beyond the 25% tolerance (p < 0.001).',
    },
    {
      name: 'an increase when only decreases are bad passes',
      metric: latency(around(10_000), around(20_000), { direction: 'decrease', unit: 'count', label: 'invocations' }),
      outcome: 'pass',
      reason:
        'Median 20,000 on the new fleet against 10,000 on the old fleet: higher, which is no harm for this metric (p < 0.001, tolerance 25%).',
    },
    {
      name: 'an error rate of 0.0001 against 0 is below the change that matters',
      metric: errorRate(Array(20).fill(0), Array(20).fill(0.0001)),
      outcome: 'pass',
      reason:
        'Median 0% on the new fleet against 0% on the old fleet: higher, by less than the 0.1% that matters (p < 0.001, tolerance 25%).',
    },
    {
      name: 'ties: zero errors everywhere pass',
      metric: errorRate(Array(30).fill(0), Array(10).fill(0)),
      outcome: 'pass',
      reason:
        'Median 0% on the new fleet against 0% on the old fleet: no significant difference (p = 1, tolerance 25%).',
    },
    {
      name: 'ties: a constant error rate against a constant zero is high',
      metric: errorRate(Array(30).fill(0), Array(10).fill(0.05)),
      outcome: 'high',
      reason: 'Median 5.0% on the new fleet against 0% on the old fleet: higher, beyond the 25% tolerance (p < 0.001).',
    },
    {
      name: 'ties: errors in a few periods more, but none in most, is no typical shift',
      metric: errorRate([...Array(28).fill(0), 0.01, 0.02], [...Array(12).fill(0), ...Array(8).fill(0.03)]),
      outcome: 'pass',
      reason:
        'Median 0% on the new fleet against 0% on the old fleet: no shift in the typical value (p = 0.0022, tolerance 25%).',
    },
    {
      name: 'scipy docs example data: p = 0.1111 (exact) is no significant difference',
      metric: latency([20, 11, 17, 12], [19, 22, 16, 29, 24], { minimumChange: 0 }),
      outcome: 'pass',
      reason:
        'Median 22 µs on the new fleet against 14.5 µs on the old fleet: no significant difference (p = 0.11, tolerance 25%).',
    },
    {
      name: 'two samples since the shift are no data',
      metric: latency(around(10_000), [11_000, 12_000]),
      outcome: 'no-data',
      reason: 'Only 2 samples since the shift (3 needed).',
    },
    {
      name: 'an empty baseline is no data',
      metric: latency([], around(10_000)),
      outcome: 'no-data',
      reason: 'No samples on the old fleet (3 needed).',
    },
    {
      name: 'NaN and Infinity are dropped, and the reason says so',
      metric: latency([...around(10_000), NaN], [...around(10_000), Infinity, -Infinity]),
      outcome: 'pass',
      reason:
        'Median 10 ms on the new fleet against 10 ms on the old fleet: no significant difference (p = 1, tolerance 25%); 3 NaN or infinite samples dropped.',
    },
    {
      name: 'dropping NaN can leave too few samples',
      metric: latency([1, NaN, NaN], [NaN, NaN]),
      outcome: 'no-data',
      reason:
        'No samples since the shift and only 1 sample on the old fleet (3 needed); 4 NaN or infinite samples dropped.',
    },
  ])('$name', ({ metric, outcome, reason }) => {
    const verdict = judge([metric]);
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
    expect(verdict.metrics[0]!.outcome).toBe(outcome);
    expect(verdict.metrics[0]!.reason).toBe(reason);
  });

  it('reports the medians, the sample counts after dropping and the p-value', () => {
    const [judgement] = judge([latency([20, 11, 17, 12, NaN], [19, 22, 16, 29, 24], { minimumChange: 0 })]).metrics;
    expect(judgement).toMatchObject({ baselineMedian: 14.5, canaryMedian: 22, baselineSamples: 4, canarySamples: 5 });
    // scipy.stats.mannwhitneyu documentation, exact two-sided p-value of this example.
    expect(judgement!.pValue).toBeCloseTo(0.1111111111111111, 12);
  });

  it('leaves the p-value out without data', () => {
    const [judgement] = judge([latency(around(10_000), [1])]).metrics;
    expect(judgement!.pValue).toBeUndefined();
    expect(judgement).toMatchObject({ canaryMedian: 1, canarySamples: 1, baselineSamples: 21 });
  });

  it('honours minSamples', () => {
    const metric = latency(around(10_000), around(10_000, 5));
    expect(judge([metric], { minSamples: 6 }).metrics[0]!.reason).toBe('Only 5 samples since the shift (6 needed).');
    expect(judge([metric], { minSamples: 5 }).metrics[0]!.outcome).toBe('pass');
  });

  it('honours alpha', () => {
    // scipy's example: p = 0.111 is a difference at alpha 0.2, and beyond any tolerance.
    const metric = latency([20, 11, 17, 12], [19, 22, 16, 29, 24], { minimumChange: 0 });
    expect(judge([metric], { alpha: 0.2 }).metrics[0]!.outcome).toBe('high');
    expect(judge([metric], { alpha: 0.1 }).metrics[0]!.outcome).toBe('pass');
  });
});

const passing = (n: number) => Array.from({ length: n }, () => latency(around(10_000), around(10_000)));
const worse = (n: number) => Array.from({ length: n }, () => latency(around(10_000), around(20_000)));

describe('judgeCanary: the verdict', () => {
  it('fails on a critical metric that is worse, whatever the score', () => {
    const verdict = judge([errorRate(around(0.002), around(0.041)), ...passing(39)], {}, 'before-deployment');
    expect(verdict).toMatchObject({
      outcome: 'fail',
      score: 97.5,
      summary: 'Fail: the 5XX error rate is higher on the new fleet (4.1% against 0.2% before the deployment).',
      compared: 'cfg-v2 since 10:05 against cfg-v1 over the same window',
    });
  });

  it('counts the other metrics that differ beside a critical failure', () => {
    const verdict = judge([...worse(2), errorRate(around(0.002), around(0.041))]);
    expect(verdict.outcome).toBe('fail');
    expect(verdict.summary).toBe(
      'Fail: the 5XX error rate is higher on the new fleet (4.1% against 0.2% on the old fleet), and 2 more metrics differ.',
    );
  });

  it.each([
    { name: 'all pass', metrics: passing(5), outcome: 'pass', score: 100 },
    { name: '19 of 20: exactly 95 passes', metrics: [...passing(19), ...worse(1)], outcome: 'pass', score: 95 },
    { name: '18 of 20: 90 is marginal', metrics: [...passing(18), ...worse(2)], outcome: 'marginal', score: 90 },
    { name: '3 of 4: exactly 75 is marginal', metrics: [...passing(3), ...worse(1)], outcome: 'marginal', score: 75 },
    { name: '14 of 19: 73.68 fails', metrics: [...passing(14), ...worse(5)], outcome: 'fail', score: 73.68 },
    { name: 'none pass', metrics: worse(2), outcome: 'fail', score: 0 },
  ])('by score: $name', ({ metrics, outcome, score }) => {
    const verdict = judge(metrics);
    expect(verdict.outcome).toBe(outcome);
    expect(verdict.score).toBe(score);
  });

  it('takes other thresholds', () => {
    const metrics = [...passing(19), ...worse(1)];
    expect(judge(metrics, { passScore: 96 }).outcome).toBe('marginal');
    expect(judge(metrics, { passScore: 96, marginalScore: 95.01 }).outcome).toBe('fail');
  });

  it.each([
    {
      name: 'all pass',
      metrics: passing(3),
      summary: 'Pass: no metric is worse on the new fleet (3 compared).',
    },
    {
      name: 'one without data',
      metrics: [...passing(2), latency([], [])],
      summary: 'Pass: no metric is worse on the new fleet (2 compared, 1 without enough data yet).',
    },
    {
      name: 'marginal',
      metrics: [...passing(3), ...worse(1)],
      summary:
        'Marginal: 3 of 4 metrics pass, score 75; the model latency (p99) is higher on the new fleet (20 ms against 10 ms on the old fleet).',
    },
    {
      name: 'fail by score',
      metrics: [...passing(1), ...worse(2)],
      summary:
        'Fail: 1 of 3 metrics pass, score 33.33; the model latency (p99) is higher on the new fleet (20 ms against 10 ms on the old fleet).',
    },
  ])('summary: $name', ({ metrics, summary }) => {
    expect(judge(metrics).summary).toBe(summary);
  });

  it('is no-data, without a score, when no metric has data', () => {
    const verdict = judge([latency([], []), errorRate([0, 0], [0])]);
    expect(verdictSchema.parse(verdict)).toEqual(verdict);
    expect(verdict.outcome).toBe('no-data');
    expect(verdict.score).toBeUndefined();
    expect(verdict.summary).toBe('No verdict yet: fewer than 3 samples a side for every metric so far.');
    expect(verdict.metrics.map((m) => m.outcome)).toEqual(['no-data', 'no-data']);
  });

  it('is no-data with no metrics at all', () => {
    expect(judge([])).toMatchObject({
      outcome: 'no-data',
      summary: 'No verdict yet: no metrics to compare.',
      metrics: [],
    });
  });

  it('is no-data while a critical metric has no data, even when the others pass', () => {
    const verdict = judge([...passing(3), errorRate(around(0.002), [0.01, 0.02])]);
    expect(verdict.outcome).toBe('no-data');
    expect(verdict.score).toBeUndefined();
    expect(verdict.summary).toBe(
      'No verdict yet: the 5XX error rate, which is critical, has only 2 samples since the shift (3 needed).',
    );
  });

  it('still fails on a critical failure while another critical metric has no data', () => {
    const other = { ...errorRate(around(0.002), []), metric: 'errorRate4xx', label: '4XX error rate' };
    expect(judge([other, errorRate(around(0.002), around(0.041))]).outcome).toBe('fail');
  });

  it.each([
    ['a pass score below the marginal one', { passScore: 70 }],
    ['a score above 100', { passScore: 101 }],
    ['no samples needed', { minSamples: 0 }],
    ['alpha of 1', { alpha: 1 }],
  ])('refuses %s', (_name, options) => {
    expect(() => judge(passing(1), options)).toThrow(RangeError);
  });

  it('refuses a negative tolerance', () => {
    expect(() => judge([latency(around(1), around(1), { tolerance: -0.1 })])).toThrow(RangeError);
  });
});
