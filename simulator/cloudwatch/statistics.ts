// The statistics CloudWatch computes over the samples of one period. Samples are kept as raw values with how many
// times each was seen, so percentiles are computed from the data itself rather than estimated.

/** The samples of one period (or one stored second or minute), as CloudWatch keeps them. */
export interface Aggregate {
  sum: number;
  count: number;
  min: number;
  max: number;
  /**
   * Each value and how many samples had it. Absent once a statistic set whose minimum and maximum differ was
   * added: CloudWatch cannot give percentiles for such a set, and neither can the simulator.
   */
  values?: Map<number, number>;
}

export interface StatisticSet {
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
}

export type Statistic =
  | { kind: 'Sum' | 'Average' | 'SampleCount' | 'Minimum' | 'Maximum'; name: string }
  | { kind: 'percentile'; name: string; percent: number };

export const simpleStatistics = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;

// ExtendedStatistic's pattern in the API reference: p0.0 to p100, at most two decimals.
const percentilePattern = /^p(\d{1,2}(\.\d{0,2})?|100(\.0{0,2})?)$/;

/** A statistic by its API name (Sum, p99, p99.9, …); undefined for names the simulator does not compute. */
export function parseStatistic(name: string): Statistic | undefined {
  if ((simpleStatistics as readonly string[]).includes(name)) {
    return { kind: name as (typeof simpleStatistics)[number], name };
  }
  const match = percentilePattern.exec(name);
  if (!match?.[1]) return undefined;
  return { kind: 'percentile', name, percent: Number(match[1]) };
}

export function isPercentile(name: string): boolean {
  return percentilePattern.test(name);
}

export function emptyAggregate(): Aggregate {
  return { sum: 0, count: 0, min: Infinity, max: -Infinity, values: new Map() };
}

export function addValue(aggregate: Aggregate, value: number, count = 1): void {
  if (count <= 0) return;
  aggregate.sum += value * count;
  aggregate.count += count;
  aggregate.min = Math.min(aggregate.min, value);
  aggregate.max = Math.max(aggregate.max, value);
  aggregate.values?.set(value, (aggregate.values.get(value) ?? 0) + count);
}

/**
 * A statistic set joins the sums and extremes. Its samples count toward percentiles only when they must all have
 * been the same value (minimum equal to maximum), as the CloudWatch user guide describes for statistic sets.
 */
export function addStatisticSet(aggregate: Aggregate, set: StatisticSet): void {
  if (set.SampleCount <= 0) return;
  const uniform = set.Minimum === set.Maximum && nearlyEqual(set.Sum, set.Minimum * set.SampleCount);
  aggregate.sum += set.Sum;
  aggregate.count += set.SampleCount;
  aggregate.min = Math.min(aggregate.min, set.Minimum);
  aggregate.max = Math.max(aggregate.max, set.Maximum);
  if (!aggregate.values) return;
  if (uniform) aggregate.values.set(set.Minimum, (aggregate.values.get(set.Minimum) ?? 0) + set.SampleCount);
  else delete aggregate.values;
}

export function mergeInto(target: Aggregate, source: Aggregate): void {
  target.sum += source.sum;
  target.count += source.count;
  target.min = Math.min(target.min, source.min);
  target.max = Math.max(target.max, source.max);
  if (!target.values) return;
  if (!source.values) {
    delete target.values;
    return;
  }
  for (const [value, count] of source.values) target.values.set(value, (target.values.get(value) ?? 0) + count);
}

/** The statistic's value, or undefined when CloudWatch would give no datapoint for it. */
export function computeStatistic(aggregate: Aggregate, statistic: Statistic): number | undefined {
  if (aggregate.count <= 0) return undefined;
  switch (statistic.kind) {
    case 'Sum':
      return aggregate.sum;
    case 'SampleCount':
      return aggregate.count;
    case 'Average':
      return aggregate.sum / aggregate.count;
    case 'Minimum':
      return aggregate.min;
    case 'Maximum':
      return aggregate.max;
    case 'percentile':
      // CloudWatch gives no percentiles for periods holding a negative value (user guide, "Percentiles").
      if (!aggregate.values || aggregate.min < 0) return undefined;
      return percentile(aggregate.values, aggregate.count, statistic.percent);
  }
}

/**
 * The nearest-rank percentile of weighted values: the smallest value with at least `percent`% of the samples at
 * or below it. p0 is the minimum and p100 the maximum.
 */
export function percentile(values: Map<number, number>, count: number, percent: number): number | undefined {
  if (count <= 0 || values.size === 0) return undefined;
  const sorted = [...values.keys()].sort((a, b) => a - b);
  const rank = Math.max(Math.ceil((percent / 100) * count - 1e-9), 1);
  let seen = 0;
  for (const value of sorted) {
    seen += values.get(value) ?? 0;
    if (seen >= rank) return value;
  }
  return sorted[sorted.length - 1];
}

/**
 * Whether a percentile alarm has too few samples to judge, by the user guide's rule: fewer than 10/(1-p) samples
 * for p at or above 0.5, fewer than 10/p below.
 */
export function tooFewSamplesForPercentile(percent: number, count: number): boolean {
  const p = percent / 100;
  if (p <= 0 || p >= 1) return false;
  return count < (p >= 0.5 ? 10 / (1 - p) : 10 / p);
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
