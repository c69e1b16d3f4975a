import type { MetricJudgement, Verdict, VerdictOutcome } from '@/lib/api/endpoint-metrics';
import { formatLatencyMs } from '@/lib/format/latency';
import { formatPercent } from '@/lib/format/percent';
import { mannWhitney, median } from './mann-whitney';

/** Which change of a metric is bad: for error rates and latencies only an increase. */
export type BadChange = 'increase' | 'decrease' | 'either';

/**
 * How a metric's values read: `share` 0..1 (error rates), `percent` as CloudWatch reports utilizations,
 * `microseconds` as SageMaker reports latencies, `count` for plain numbers (invocations).
 */
export type MetricUnit = 'share' | 'percent' | 'microseconds' | 'count';

export interface CanaryMetricInput {
  metric: string;
  /** A noun phrase read after "the": "5XX error rate", "model latency (p99)". */
  label: string;
  /** A critical metric that is worse on the new fleet fails the whole verdict, whatever the score. */
  critical: boolean;
  direction: BadChange;
  /** The relative change that is still fine: 0.25 lets the new fleet be 25 % worse than the baseline's median. */
  tolerance: number;
  /** The smallest absolute change, in the metric's unit, that matters (an error rate of 0.0001 against 0 does not). */
  minimumChange: number;
  unit: MetricUnit;
  baseline: readonly number[];
  /** The new fleet's samples since traffic shifted to it. */
  canary: readonly number[];
}

export interface CanaryInputs {
  /** What was compared with what, shown as given (the windows, how the new fleet's share was accounted for). */
  compared: string;
  /**
   * Where the baseline comes from: the old fleet over the same window (Kayenta's baseline), or the endpoint
   * before the deployment when the old fleet's own series are not known. Only the wording depends on it.
   */
  baseline: 'old-fleet' | 'before-deployment';
  metrics: readonly CanaryMetricInput[];
}

export interface CanaryOptions {
  /** The lowest score that passes (Kayenta's default). */
  passScore?: number;
  /** The lowest score that is marginal rather than a failure (Kayenta's default). */
  marginalScore?: number;
  /** Fewer finite samples on either side leave the metric without data. */
  minSamples?: number;
  /** A difference counts when the test's two-sided p-value is below this. */
  alpha?: number;
}

const defaults: Required<CanaryOptions> = { passScore: 95, marginalScore: 75, minSamples: 3, alpha: 0.05 };

const baselinePhrases: Record<CanaryInputs['baseline'], string> = {
  'old-fleet': 'on the old fleet',
  'before-deployment': 'before the deployment',
};

/**
 * The advisory canary verdict, after Kayenta's NetflixACAJudge: each metric's new-fleet samples against its
 * baseline samples by the Mann-Whitney U test, the effect being the Hodges-Lehmann shift held against the metric's
 * tolerance (relative to the baseline's median) and its minimum change; only a change in the bad direction fails
 * a metric. The score is the share of metrics with data that passed; any critical metric that failed fails the
 * verdict. Unlike Kayenta, a critical metric without data yet, or no metric with data, makes the verdict
 * `no-data` rather than a failure: the verdict is shown from the first minutes of a bake, when too few samples is
 * the normal state, and SageMaker's alarms, not this verdict, decide a rollback.
 */
export function judgeCanary(inputs: CanaryInputs, options: CanaryOptions = {}): Verdict {
  const settings = { ...defaults, ...options };
  checkSettings(settings);
  const phrase = baselinePhrases[inputs.baseline];
  const judged = inputs.metrics.map((input) => ({ input, judgement: judgeMetric(input, phrase, settings) }));
  const withData = judged.filter(({ judgement }) => judgement.outcome !== 'no-data');
  const passed = withData.filter(({ judgement }) => judgement.outcome === 'pass');
  const worse = withData.filter(({ judgement }) => judgement.outcome !== 'pass');
  const criticalWorse = worse.filter(({ judgement }) => judgement.critical);
  const criticalWithout = judged.filter(({ judgement }) => judgement.critical && judgement.outcome === 'no-data');
  const metrics = judged.map(({ judgement }) => judgement);
  const verdict = (outcome: VerdictOutcome, summary: string, score?: number): Verdict => ({
    outcome,
    ...(score === undefined ? {} : { score }),
    summary,
    compared: inputs.compared,
    metrics,
  });

  if (withData.length === 0) {
    const why =
      metrics.length === 0
        ? 'no metrics to compare'
        : `fewer than ${settings.minSamples} samples a side for every metric so far`;
    return verdict('no-data', `No verdict yet: ${why}.`);
  }
  // Kayenta rounds the score to two decimals and classifies the rounded value.
  const score = Math.round((passed.length * 100 * 100) / withData.length) / 100;
  const tally = `${passed.length} of ${withData.length} metrics pass, score ${score}`;
  const firstCritical = criticalWorse[0];
  if (firstCritical) {
    const others = worse.length - 1;
    const more = others > 0 ? `, and ${others} more ${others === 1 ? 'metric differs' : 'metrics differ'}` : '';
    return verdict('fail', `Fail: ${difference(firstCritical.input, firstCritical.judgement, phrase)}${more}.`, score);
  }
  const firstMissing = criticalWithout[0];
  if (firstMissing) {
    const shortfall = sampleShortfall(firstMissing.judgement, phrase, settings.minSamples);
    return verdict('no-data', `No verdict yet: the ${firstMissing.input.label}, which is critical, has ${shortfall}.`);
  }
  const outcome: VerdictOutcome =
    score >= settings.passScore ? 'pass' : score >= settings.marginalScore ? 'marginal' : 'fail';
  const title = { pass: 'Pass', marginal: 'Marginal', fail: 'Fail', 'no-data': 'No verdict' }[outcome];
  const firstWorse = worse[0];
  if (!firstWorse) {
    const missing = judged.length - withData.length;
    const count = `${withData.length} compared${missing > 0 ? `, ${missing} without enough data yet` : ''}`;
    return verdict(outcome, `${title}: no metric is worse on the new fleet (${count}).`, score);
  }
  return verdict(outcome, `${title}: ${tally}; ${difference(firstWorse.input, firstWorse.judgement, phrase)}.`, score);
}

function checkSettings({ passScore, marginalScore, minSamples, alpha }: Required<CanaryOptions>): void {
  if (!(marginalScore >= 0 && marginalScore <= passScore && passScore <= 100)) {
    throw new RangeError(`scores need 0 ≤ marginal (${marginalScore}) ≤ pass (${passScore}) ≤ 100`);
  }
  if (!(Number.isInteger(minSamples) && minSamples >= 1)) {
    throw new RangeError(`minSamples must be a positive integer, not ${minSamples}`);
  }
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be between 0 and 1, not ${alpha}`);
}

function judgeMetric(
  input: CanaryMetricInput,
  phrase: string,
  { minSamples, alpha }: Required<CanaryOptions>,
): MetricJudgement {
  if (!(input.tolerance >= 0 && input.minimumChange >= 0)) {
    throw new RangeError(`${input.metric}: tolerance and minimumChange must be 0 or more`);
  }
  // Kayenta's default NaN strategy: drop the value. Infinities are no measurement either.
  const baseline = input.baseline.filter(Number.isFinite);
  const canary = input.canary.filter(Number.isFinite);
  const dropped = input.baseline.length - baseline.length + input.canary.length - canary.length;
  const droppedNote = dropped > 0 ? `; ${dropped} NaN or infinite ${dropped === 1 ? 'sample' : 'samples'} dropped` : '';
  const baselineMedian = baseline.length > 0 ? median([...baseline].sort((a, b) => a - b)) : undefined;
  const canaryMedian = canary.length > 0 ? median([...canary].sort((a, b) => a - b)) : undefined;
  const common = {
    metric: input.metric,
    label: input.label,
    critical: input.critical,
    ...(baselineMedian === undefined ? {} : { baselineMedian }),
    ...(canaryMedian === undefined ? {} : { canaryMedian }),
    baselineSamples: baseline.length,
    canarySamples: canary.length,
  };

  if (
    baselineMedian === undefined ||
    canaryMedian === undefined ||
    Math.min(baseline.length, canary.length) < minSamples
  ) {
    const shortfall = sampleShortfall(common, phrase, minSamples);
    return { ...common, outcome: 'no-data', reason: `${capitalize(shortfall)}${droppedNote}.` };
  }

  const { pValue, shift } = mannWhitney(canary, baseline);
  const format = formatters[input.unit];
  const medians = `Median ${format(canaryMedian)} on the new fleet against ${format(baselineMedian)} ${phrase}`;
  const p = formatP(pValue);
  const tolerance = formatPercent(input.tolerance);
  const direction = shift > 0 ? 'higher' : 'lower';
  const bad = (shift > 0 && input.direction !== 'decrease') || (shift < 0 && input.direction !== 'increase');
  const judged = (outcome: MetricJudgement['outcome'], why: string): MetricJudgement => ({
    ...common,
    outcome,
    reason: `${medians}: ${why}${droppedNote}.`,
    pValue,
  });

  if (!(pValue < alpha)) return judged('pass', `no significant difference (${p}, tolerance ${tolerance})`);
  // Significant, yet more than half the pairwise differences are nil (mostly-zero series): no typical shift.
  if (shift === 0) return judged('pass', `no shift in the typical value (${p}, tolerance ${tolerance})`);
  if (!bad) return judged('pass', `${direction}, which is no harm for this metric (${p}, tolerance ${tolerance})`);
  if (Math.abs(shift) <= input.tolerance * Math.abs(baselineMedian)) {
    return judged('pass', `${direction}, within the ${tolerance} tolerance (${p})`);
  }
  if (Math.abs(shift) < input.minimumChange) {
    const minimum = format(input.minimumChange);
    return judged('pass', `${direction}, by less than the ${minimum} that matters (${p}, tolerance ${tolerance})`);
  }
  return judged(shift > 0 ? 'high' : 'low', `${direction}, beyond the ${tolerance} tolerance (${p})`);
}

/** "only 2 samples since the shift", "no samples before the deployment", or both joined by "and". */
function sampleShortfall(
  { baselineSamples, canarySamples }: Pick<MetricJudgement, 'baselineSamples' | 'canarySamples'>,
  phrase: string,
  minSamples: number,
): string {
  const count = (n: number) => (n === 0 ? 'no samples' : `only ${n} ${n === 1 ? 'sample' : 'samples'}`);
  const parts = [
    ...(canarySamples < minSamples ? [`${count(canarySamples)} since the shift`] : []),
    ...(baselineSamples < minSamples ? [`${count(baselineSamples)} ${phrase}`] : []),
  ];
  return `${parts.join(' and ')} (${minSamples} needed)`;
}

/** "the 5XX error rate is higher on the new fleet (4.1% against 0.2% before the deployment)" */
function difference(input: CanaryMetricInput, judgement: MetricJudgement, phrase: string): string {
  const format = formatters[input.unit];
  const direction = judgement.outcome === 'high' ? 'higher' : 'lower';
  const values = `${format(judgement.canaryMedian!)} against ${format(judgement.baselineMedian!)} ${phrase}`;
  return `the ${input.label} is ${direction} on the new fleet (${values})`;
}

function formatP(pValue: number): string {
  return pValue < 0.001 ? 'p < 0.001' : `p = ${Number(pValue.toPrecision(2))}`;
}

const significant = (value: number) => Number(value.toPrecision(3));

const formatters: Record<MetricUnit, (value: number) => string> = {
  share: formatPercent,
  percent: (value) => formatPercent(value / 100),
  // SageMaker reports latencies in microseconds.
  microseconds: (value) => formatLatencyMs(value / 1000),
  count: (value) => significant(value).toLocaleString('en-US'),
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
