import { describe, expect, it } from 'vitest';
import { aggregateByPeriod, defaultStoreLimits, MetricStore, type MetricIdentity } from './metric-store';
import { computeStatistic, parseStatistic } from './statistics';

const account = '123456789012';
const identity: MetricIdentity = {
  namespace: 'AWS/SageMaker',
  name: 'ModelLatency',
  dimensions: [
    { Name: 'EndpointName', Value: 'scorer' },
    { Name: 'VariantName', Value: 'primary' },
  ],
};
const t0 = Date.parse('2026-06-12T14:00:00Z');
const sample = (timestampMs: number, value: number, storageResolution = 60) => ({
  timestampMs,
  unit: 'Microseconds',
  storageResolution,
  values: [[value, 1] as const],
});

describe('the metric store', () => {
  it('keeps standard-resolution samples per minute and high-resolution ones per second', () => {
    const store = new MetricStore();
    store.put(account, identity, sample(t0 + 5_000, 1), t0);
    store.put(account, identity, sample(t0 + 50_000, 2), t0);
    store.put(account, identity, sample(t0 + 61_500, 3, 1), t0);
    const points = store.points(account, identity, t0 / 1000, t0 / 1000 + 120);
    expect(points.map((point) => [point.t - t0 / 1000, point.aggregate.count])).toEqual([
      [0, 2],
      [61, 1],
    ]);
  });

  it('keeps samples of different units apart, and reads one unit when asked', () => {
    const store = new MetricStore();
    store.put(account, identity, sample(t0, 1), t0);
    store.put(account, identity, { ...sample(t0, 1000), unit: 'Milliseconds' }, t0);
    expect(store.points(account, identity, t0 / 1000, t0 / 1000 + 60)).toHaveLength(2);
    expect(store.points(account, identity, t0 / 1000, t0 / 1000 + 60, 'Milliseconds')).toHaveLength(1);
  });

  it('drops data older than its retention window', () => {
    const store = new MetricStore({ ...defaultStoreLimits, retentionMs: 3600_000 });
    store.put(account, identity, sample(t0, 1), t0);
    store.put(account, identity, sample(t0 + 1800_000, 2), t0 + 1800_000);
    store.prune(t0 + 3700_000);
    const points = store.points(account, identity, 0, Infinity);
    expect(points.map((point) => point.aggregate.sum)).toEqual([2]);
    store.prune(t0 + 5500_000);
    expect(store.metricCount()).toBe(0);
  });

  it('keeps at most its cap of points per metric, dropping the oldest', () => {
    const store = new MetricStore({ ...defaultStoreLimits, maxPointsPerMetric: 3 });
    for (let minute = 0; minute < 5; minute++) store.put(account, identity, sample(t0 + minute * 60_000, minute), t0);
    expect(store.points(account, identity, 0, Infinity).map((point) => point.aggregate.sum)).toEqual([2, 3, 4]);
  });

  it('keeps high-resolution seconds for three hours, then only whole minutes, as CloudWatch does', () => {
    const store = new MetricStore();
    for (let second = 0; second < 120; second += 10)
      store.put(account, identity, sample(t0 + second * 1000, second, 1), t0);
    const stored = () => store.points(account, identity, 0, Infinity).map((point) => point.t - t0 / 1000);
    store.prune(t0 + 3 * 3600_000);
    expect(stored()).toHaveLength(12);
    store.prune(t0 + 3 * 3600_000 + 120_000);
    expect(stored()).toEqual([0, 60]);
    const [first] = store.points(account, identity, 0, Infinity);
    // Seconds 0..50 of the first minute: six samples summing 150, whose median is still a real sample.
    expect(first?.aggregate).toMatchObject({ count: 6, sum: 150 });
    expect(computeStatistic(first!.aggregate, parseStatistic('p50')!)).toBe(20);
  });

  it('rounds the values of a point with more distinct values than its bound', () => {
    const store = new MetricStore({ ...defaultStoreLimits, maxValuesPerPoint: 100 });
    const values = Array.from({ length: 150 }, (_, i) => [1_000_000 + i * 3, 1] as const);
    store.put(account, identity, { timestampMs: t0, unit: 'Microseconds', storageResolution: 60, values }, t0);
    const [point] = store.points(account, identity, 0, Infinity);
    expect(point?.aggregate.values?.size).toBeLessThanOrEqual(100);
    expect(point?.aggregate.count).toBe(150);
    const p99 = computeStatistic(point!.aggregate, parseStatistic('p99')!) ?? 0;
    expect(Math.abs(p99 - 1_000_444) / 1_000_444).toBeLessThan(1e-4);
  });

  it('sums stored points into periods counted from the start', () => {
    const store = new MetricStore();
    for (let minute = 0; minute < 10; minute++) store.put(account, identity, sample(t0 + minute * 60_000, 1), t0);
    const start = t0 / 1000 + 120;
    const periods = aggregateByPeriod(store.points(account, identity, start, start + 600), start, 300);
    expect(periods.map(({ t, aggregate }) => [t - start, aggregate.count])).toEqual([
      [0, 5],
      [300, 3],
    ]);
  });
});
