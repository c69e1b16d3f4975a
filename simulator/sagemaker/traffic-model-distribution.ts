import { createHash } from 'node:crypto';

// The arithmetic of the traffic model: deterministic noise and whole-request counts, and latency as a
// histogram (values with counts, as PutMetricData takes them) from which CloudWatch computes percentiles.

/** A number in [0, 1) fixed by its key: the same key always gives the same number, unlike Math.random. */
export function unitNoise(...key: (string | number)[]): number {
  const digest = createHash('sha256').update(key.join('\u0000')).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** `expected` as a whole number whose average over many keys is `expected` (rounds up with the fraction's odds). */
export const wholeCount = (expected: number, noise: number): number =>
  Math.max(0, Math.floor(expected) + (noise < expected - Math.floor(expected) ? 1 : 0));

/** Values with how many samples had each; PutMetricData's Values and Counts. */
export interface Histogram {
  values: number[];
  counts: number[];
}

// Quantiles of a standard normal at the middle of each slice of probability, with the slice's mass. Ten
// slices to the 90th percentile, then narrower ones so a p99 and a p99.9 fall on a value of their own.
const slices: { z: number; mass: number }[] = [
  { z: -1.645, mass: 0.1 },
  { z: -1.036, mass: 0.1 },
  { z: -0.674, mass: 0.1 },
  { z: -0.385, mass: 0.1 },
  { z: -0.126, mass: 0.1 },
  { z: 0.126, mass: 0.1 },
  { z: 0.385, mass: 0.1 },
  { z: 0.674, mass: 0.1 },
  { z: 1.036, mass: 0.1 },
  { z: 1.44, mass: 0.05 },
  { z: 1.881, mass: 0.04 },
  { z: 2.543, mass: 0.009 },
  { z: 3.291, mass: 0.001 },
];

/** Splits `total` by the masses, largest remainders first, so the counts add up to `total` exactly. */
function apportion(total: number, masses: number[]): number[] {
  const exact = masses.map((mass) => mass * total);
  const counts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (let left = total - counts.reduce((sum, count) => sum + count, 0), i = 0; left > 0; left--, i++) {
    counts[order[i % order.length]!.index]! += 1;
  }
  return counts;
}

/**
 * `samples` latencies around `meanMicros` with standard deviation `jitterMicros`, log-normally so none is
 * negative and the tail is long, as request latencies are.
 */
export function latencyHistogram(samples: number, meanMicros: number, jitterMicros: number): Histogram {
  if (samples <= 0 || meanMicros <= 0) return { values: [], counts: [] };
  const sigma = Math.sqrt(Math.log(1 + (jitterMicros / meanMicros) ** 2));
  const counts = apportion(
    samples,
    slices.map((slice) => slice.mass),
  );
  const histogram: Histogram = { values: [], counts: [] };
  slices.forEach((slice, index) => {
    if (counts[index]! === 0) return;
    histogram.values.push(Math.round(meanMicros * Math.exp(sigma * slice.z - (sigma * sigma) / 2)));
    histogram.counts.push(counts[index]!);
  });
  return histogram;
}

/** A count of requests as SageMaker's error metrics carry it: 1 per failed request and 0 per other, so Average is a rate. */
export function outcomeHistogram(requests: number, failed: number): Histogram {
  const histogram: Histogram = { values: [], counts: [] };
  for (const [value, count] of [
    [0, requests - failed],
    [1, failed],
  ] as const) {
    if (count <= 0) continue;
    histogram.values.push(value);
    histogram.counts.push(count);
  }
  return histogram;
}

/** Two histograms as one: the samples of both, equal values counted together. */
export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  const byValue = new Map<number, number>();
  for (const { values, counts } of [a, b]) {
    values.forEach((value, index) => byValue.set(value, (byValue.get(value) ?? 0) + counts[index]!));
  }
  const values = [...byValue.keys()].sort((x, y) => x - y);
  return { values, counts: values.map((value) => byValue.get(value)!) };
}

export const sampleCount = (histogram: Histogram) => histogram.counts.reduce((sum, count) => sum + count, 0);

export const histogramSum = (histogram: Histogram) =>
  histogram.values.reduce((sum, value, index) => sum + value * histogram.counts[index]!, 0);
