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
  /**
   * A period read from several stored points carries their value maps unmerged, since sorting them together once
   * is much cheaper than merging maps; undefined as soon as one point cannot give percentiles.
   */
  valueParts?: Array<Map<number, number>>;
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

/**
 * Keeps a stored point's distinct values to at most `max` by rounding them to fewer significant digits (from 6
 * down) until they fit: a long run publishing a different histogram every period would otherwise make one point
 * as large as all its samples. Percentiles then stay within the rounding (5 parts in a million at 6 digits).
 */
export function boundDistinctValues(aggregate: Aggregate, max: number): void {
  for (let digits = 6; aggregate.values && aggregate.values.size > max && digits >= 1; digits--) {
    const rounded = new Map<number, number>();
    for (const [value, count] of aggregate.values) {
      const key = Number(value.toPrecision(digits));
      rounded.set(key, (rounded.get(key) ?? 0) + count);
    }
    aggregate.values = rounded;
  }
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
      if (aggregate.min < 0) return undefined;
      if (aggregate.valueParts) return percentile(aggregate.valueParts, statistic.percent);
      return aggregate.values ? percentile([aggregate.values], statistic.percent) : undefined;
  }
}

/**
 * The nearest-rank percentile of weighted values: the smallest value with at least `percent`% of the samples at
 * or below it. p0 is the minimum and p100 the maximum.
 */
export function percentile(parts: Array<Map<number, number>>, percent: number): number | undefined {
  let size = 0;
  for (const part of parts) size += part.size;
  if (size === 0) return undefined;
  const values = new Float64Array(size);
  const counts = new Float64Array(size);
  let total = 0;
  let at = 0;
  for (const part of parts) {
    for (const [value, count] of part) {
      values[at] = value;
      counts[at++] = count;
      total += count;
    }
  }
  if (total <= 0) return undefined;
  const order = Uint32Array.from({ length: size }, (_, i) => i).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const rank = Math.max(Math.ceil((percent / 100) * total - 1e-9), 1);
  let seen = 0;
  for (const index of order) {
    seen += counts[index] ?? 0;
    if (seen >= rank) return values[index];
  }
  return values[order[size - 1] ?? 0];
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
