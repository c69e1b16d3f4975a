import { describe, expect, it } from 'vitest';
import { aggregateByPeriod, MetricStore, type MetricIdentity } from './metric-store';

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
    const store = new MetricStore({ retentionMs: 3600_000, maxPointsPerMetric: 1000 });
    store.put(account, identity, sample(t0, 1), t0);
    store.put(account, identity, sample(t0 + 1800_000, 2), t0 + 1800_000);
    store.prune(t0 + 3700_000);
    const points = store.points(account, identity, 0, Infinity);
    expect(points.map((point) => point.aggregate.sum)).toEqual([2]);
    store.prune(t0 + 5500_000);
    expect(store.metricCount()).toBe(0);
  });

  it('keeps at most its cap of points per metric, dropping the oldest', () => {
    const store = new MetricStore({ retentionMs: 86_400_000, maxPointsPerMetric: 3 });
    for (let minute = 0; minute < 5; minute++) store.put(account, identity, sample(t0 + minute * 60_000, minute), t0);
    expect(store.points(account, identity, 0, Infinity).map((point) => point.aggregate.sum)).toEqual([2, 3, 4]);
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
