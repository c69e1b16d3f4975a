import { describe, expect, it } from 'vitest';
import {
  addStatisticSet,
  addValue,
  computeStatistic,
  emptyAggregate,
  mergeInto,
  parseStatistic,
  tooFewSamplesForPercentile,
  type Aggregate,
} from './statistics';

function aggregateOf(values: Array<[value: number, count: number]>): Aggregate {
  const aggregate = emptyAggregate();
  for (const [value, count] of values) addValue(aggregate, value, count);
  return aggregate;
}

const stat = (name: string) => {
  const statistic = parseStatistic(name);
  if (!statistic) throw new Error(`${name} is not a statistic`);
  return statistic;
};

describe('statistics over raw values', () => {
  // 1, 2, …, 1000, each once: the p-th percentile is p * 10 by nearest rank.
  const uniform = aggregateOf(Array.from({ length: 1000 }, (_, i) => [i + 1, 1]));

  it.each([
    ['p0', 1],
    ['p1', 10],
    ['p50', 500],
    ['p90', 900],
    ['p99', 990],
    ['p99.9', 999],
    ['p100', 1000],
  ])('%s of 1..1000 is %d', (name, expected) => {
    expect(computeStatistic(uniform, stat(name))).toBe(expected);
  });

  it.each([
    ['p25', 3],
    ['p50', 5],
    ['p95', 10],
  ])('%s of 1..10 is %d: the rank rounds up', (name, expected) => {
    const ten = aggregateOf(Array.from({ length: 10 }, (_, i) => [i + 1, 1]));
    expect(computeStatistic(ten, stat(name))).toBe(expected);
  });

  it('gives the sum, mean, count and extremes', () => {
    expect(computeStatistic(uniform, stat('Sum'))).toBe(500_500);
    expect(computeStatistic(uniform, stat('Average'))).toBe(500.5);
    expect(computeStatistic(uniform, stat('SampleCount'))).toBe(1000);
    expect(computeStatistic(uniform, stat('Minimum'))).toBe(1);
    expect(computeStatistic(uniform, stat('Maximum'))).toBe(1000);
  });

  it('weighs values by their counts (PutMetricData Values and Counts)', () => {
    // 97 requests at 10 ms, 2 at 20 ms, 1 at 300 ms.
    const latencies = aggregateOf([
      [10, 97],
      [20, 2],
      [300, 1],
    ]);
    expect(computeStatistic(latencies, stat('p97'))).toBe(10);
    expect(computeStatistic(latencies, stat('p98'))).toBe(20);
    expect(computeStatistic(latencies, stat('p99'))).toBe(20);
    expect(computeStatistic(latencies, stat('p99.5'))).toBe(300);
    expect(computeStatistic(latencies, stat('Average'))).toBeCloseTo((970 + 40 + 300) / 100);
    expect(computeStatistic(latencies, stat('SampleCount'))).toBe(100);
  });

  it('merges periods as if their samples had been published together', () => {
    const merged = aggregateOf([[1, 1]]);
    mergeInto(merged, aggregateOf([[5, 3]]));
    expect(computeStatistic(merged, stat('Sum'))).toBe(16);
    expect(computeStatistic(merged, stat('p50'))).toBe(5);
    expect(computeStatistic(merged, stat('Minimum'))).toBe(1);
  });

  it('gives no percentile for a period holding a negative value, as CloudWatch does', () => {
    const withNegative = aggregateOf([
      [-1, 1],
      [4, 3],
    ]);
    expect(computeStatistic(withNegative, stat('p50'))).toBeUndefined();
    expect(computeStatistic(withNegative, stat('Sum'))).toBe(11);
  });

  it('gives no datapoint for an empty period', () => {
    expect(computeStatistic(emptyAggregate(), stat('Sum'))).toBeUndefined();
    expect(computeStatistic(emptyAggregate(), stat('p99'))).toBeUndefined();
  });
});

describe('statistic sets', () => {
  it('join the sums, counts and extremes', () => {
    const aggregate = emptyAggregate();
    addStatisticSet(aggregate, { SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4 });
    addValue(aggregate, 6);
    expect(computeStatistic(aggregate, stat('Sum'))).toBe(16);
    expect(computeStatistic(aggregate, stat('SampleCount'))).toBe(5);
    expect(computeStatistic(aggregate, stat('Maximum'))).toBe(6);
  });

  it('give percentiles only when all their samples must have been one value', () => {
    const uniformSet = emptyAggregate();
    addStatisticSet(uniformSet, { SampleCount: 3, Sum: 21, Minimum: 7, Maximum: 7 });
    expect(computeStatistic(uniformSet, stat('p90'))).toBe(7);

    const spread = emptyAggregate();
    addStatisticSet(spread, { SampleCount: 3, Sum: 21, Minimum: 1, Maximum: 10 });
    expect(computeStatistic(spread, stat('p90'))).toBeUndefined();
    addValue(spread, 5);
    expect(computeStatistic(spread, stat('p90'))).toBeUndefined();
    expect(computeStatistic(spread, stat('Average'))).toBe(6.5);
  });
});

describe('statistic names', () => {
  it.each(['Sum', 'Average', 'SampleCount', 'Minimum', 'Maximum', 'p0', 'p50', 'p99', 'p99.9', 'p99.99', 'p100'])(
    'knows %s',
    (name) => expect(parseStatistic(name)?.name).toBe(name),
  );

  it.each(['sum', 'p101', 'p99.999', 'p', 'tm99', 'IQM', ''])('does not compute %j', (name) => {
    expect(parseStatistic(name)).toBeUndefined();
  });

  it('tells a percentile alarm it has too few samples by the user guide’s rule', () => {
    // p99 needs 10 / (1 - 0.99) = 1,000 samples; p10 needs 10 / 0.1 = 100.
    expect(tooFewSamplesForPercentile(99, 999)).toBe(true);
    expect(tooFewSamplesForPercentile(99, 1000)).toBe(false);
    expect(tooFewSamplesForPercentile(10, 99)).toBe(true);
    expect(tooFewSamplesForPercentile(10, 100)).toBe(false);
  });
});
