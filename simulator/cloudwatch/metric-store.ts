// The simulated CloudWatch's metric data, in memory. A metric is its namespace, name and set of dimensions (order
// does not matter, as in CloudWatch); each keeps its samples per stored second (high resolution) or minute
// (standard resolution) and unit, as raw values with counts, so any statistic can be computed later. As in
// CloudWatch, high-resolution data older than three hours is kept per minute only.
import {
  addStatisticSet,
  addValue,
  boundDistinctValues,
  emptyAggregate,
  mergeInto,
  type Aggregate,
  type StatisticSet,
} from './statistics';
import { CloudWatchError } from './errors';

export interface Dimension {
  Name: string;
  Value: string;
}

export interface MetricIdentity {
  namespace: string;
  name: string;
  dimensions: Dimension[];
}

export interface StoredPoint {
  /** Epoch seconds, truncated to the storage resolution the sample was published with. */
  t: number;
  unit: string;
  aggregate: Aggregate;
}

export interface MetricSample {
  timestampMs: number;
  unit: string;
  /** 1 (high resolution) or 60 (standard). */
  storageResolution: number;
  /** Either values with their counts, or a statistic set. */
  values?: Array<readonly [value: number, count: number]>;
  statisticSet?: StatisticSet;
}

export interface MetricStoreLimits {
  /** Data older than this is dropped; CloudWatch keeps more, but the dashboard never reads past 7 days. */
  retentionMs: number;
  /** Stored points (distinct second or minute and unit) per metric; the oldest go first past it. */
  maxPointsPerMetric: number;
  /** Distinct values per stored point, past which they are rounded (see boundDistinctValues). */
  maxValuesPerPoint: number;
  /**
   * Metrics (namespace, name and dimensions) per account. CloudWatch has no such limit; this is the simulator's
   * own guard on its memory, against a client that makes up new dimension values as it goes.
   */
  maxMetricsPerAccount: number;
}

export const defaultStoreLimits: MetricStoreLimits = {
  retentionMs: 8 * 24 * 3600 * 1000,
  // Eight days of one-minute data is 11,520 points; this leaves room for some hours of one-second data.
  maxPointsPerMetric: 20_000,
  maxValuesPerPoint: 1000,
  // 5,000 endpoints, the largest fleet the dashboard is sized for, publish about 18 metrics a variant and up to 25
  // during a deployment: some 125,000 metrics. Twice 100,000 leaves room for tests' and benchmarks' own.
  maxMetricsPerAccount: 200_000,
};

/** How long high-resolution data keeps its seconds (CloudWatch: "available for 3 hours"). */
export const highResolutionHours = 3;

interface Series {
  identity: MetricIdentity;
  points: StoredPoint[];
  /** Points before this time (epoch seconds) have been rolled up to whole minutes. */
  rolledUpThrough: number;
}

/** One key per metric identity: dimensions sorted by name, so their order in a request does not matter. */
export function metricKey(identity: MetricIdentity): string {
  const dimensions = [...identity.dimensions]
    .sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0))
    .map((d) => `${d.Name}=${d.Value}`);
  return [identity.namespace, identity.name, ...dimensions].join('\u0000');
}

// The simulator runs for days in demos and benchmarks with thousands of endpoints publishing every minute; without
// a retention window and a per-metric cap its memory would grow for as long as it runs.
export class MetricStore {
  private readonly accounts = new Map<string, Map<string, Series>>();

  constructor(private readonly limits: MetricStoreLimits = defaultStoreLimits) {}

  /**
   * Throws LimitExceeded when storing these metrics would take the account past its bound, so that a request is
   * refused whole rather than stored in part.
   */
  checkRoom(accountId: string, identities: MetricIdentity[]): void {
    const metrics = this.accounts.get(accountId);
    const added = new Set(identities.map(metricKey).filter((key) => !metrics?.has(key))).size;
    const held = metrics?.size ?? 0;
    if (added > 0 && held + added > this.limits.maxMetricsPerAccount) {
      throw new CloudWatchError(
        'LimitExceeded',
        `The simulated CloudWatch holds at most ${this.limits.maxMetricsPerAccount} metrics per account and this account has ${held}; the request's ${added} new metric(s) were not stored. (CloudWatch itself has no such limit: this bounds the simulator's memory.)`,
      );
    }
  }

  put(accountId: string, identity: MetricIdentity, sample: MetricSample, nowMs: number): void {
    const metrics = this.accounts.get(accountId) ?? new Map<string, Series>();
    this.accounts.set(accountId, metrics);
    const key = metricKey(identity);
    let series = metrics.get(key);
    if (!series) {
      this.checkRoom(accountId, [identity]);
      series = { identity: { ...identity, dimensions: [...identity.dimensions] }, points: [], rolledUpThrough: 0 };
      metrics.set(key, series);
    }
    const resolution = sample.storageResolution === 1 ? 1 : 60;
    const t = Math.floor(sample.timestampMs / 1000 / resolution) * resolution;
    const point = pointFor(series.points, t, sample.unit);
    if (sample.statisticSet) addStatisticSet(point.aggregate, sample.statisticSet);
    for (const [value, count] of sample.values ?? []) addValue(point.aggregate, value, count);
    boundDistinctValues(point.aggregate, this.limits.maxValuesPerPoint);
    this.trim(series, nowMs);
  }

  /** The stored points of one metric with start <= t < end (epoch seconds), of one unit if given, oldest first. */
  points(accountId: string, identity: MetricIdentity, startS: number, endS: number, unit?: string): StoredPoint[] {
    const series = this.accounts.get(accountId)?.get(metricKey(identity));
    if (!series) return [];
    const from = lowerBound(series.points, startS);
    const to = lowerBound(series.points, endS);
    const found = series.points.slice(from, to);
    return unit === undefined ? found : found.filter((point) => point.unit === unit);
  }

  /** Rolls up old high-resolution data, drops what retention has expired, and metrics left with no data. */
  prune(nowMs: number): void {
    for (const metrics of this.accounts.values()) {
      for (const [key, series] of metrics) {
        this.rollUp(series, nowMs);
        this.trim(series, nowMs);
        if (series.points.length === 0) metrics.delete(key);
      }
    }
  }

  metricCount(): number {
    let count = 0;
    for (const metrics of this.accounts.values()) count += metrics.size;
    return count;
  }

  /** Merges the seconds of each whole minute older than the high-resolution window into the minute. */
  private rollUp(series: Series, nowMs: number) {
    const cutoff = Math.floor((nowMs / 1000 - highResolutionHours * 3600) / 60) * 60;
    if (cutoff <= series.rolledUpThrough) return;
    const from = lowerBound(series.points, series.rolledUpThrough);
    const to = lowerBound(series.points, cutoff);
    series.rolledUpThrough = cutoff;
    const range = series.points.slice(from, to);
    if (range.every((point) => point.t % 60 === 0)) return;
    const minutes: StoredPoint[] = [];
    for (const point of range) {
      const minute = Math.floor(point.t / 60) * 60;
      const into = pointFor(minutes, minute, point.unit);
      mergeInto(into.aggregate, point.aggregate);
    }
    for (const point of minutes) boundDistinctValues(point.aggregate, this.limits.maxValuesPerPoint);
    series.points.splice(from, to - from, ...minutes);
  }

  private trim(series: Series, nowMs: number) {
    const expired = lowerBound(series.points, Math.floor((nowMs - this.limits.retentionMs) / 1000));
    const excess = series.points.length - expired - this.limits.maxPointsPerMetric;
    const drop = expired + Math.max(0, excess);
    if (drop > 0) series.points.splice(0, drop);
  }
}

/**
 * The samples of each period with data: periods start at `startS` and step by `periodS`; empty ones are absent.
 * Without `withValues` the periods carry sums and extremes only, which is all but percentiles need and much less
 * work over days of histograms.
 */
export function aggregateByPeriod(
  points: StoredPoint[],
  startS: number,
  periodS: number,
  withValues = true,
): Array<{ t: number; aggregate: Aggregate }> {
  const periods = new Map<number, Aggregate>();
  for (const point of points) {
    const t = startS + Math.floor((point.t - startS) / periodS) * periodS;
    const aggregate: Aggregate = periods.get(t) ?? {
      sum: 0,
      count: 0,
      min: Infinity,
      max: -Infinity,
      ...(withValues ? { valueParts: [] } : {}),
    };
    mergeInto(aggregate, point.aggregate);
    if (aggregate.valueParts) {
      if (point.aggregate.values) aggregate.valueParts.push(point.aggregate.values);
      else delete aggregate.valueParts;
    }
    periods.set(t, aggregate);
  }
  return [...periods].map(([t, aggregate]) => ({ t, aggregate })).sort((a, b) => a.t - b.t);
}

function pointFor(points: StoredPoint[], t: number, unit: string): StoredPoint {
  let at = lowerBound(points, t);
  for (; at < points.length && points[at]?.t === t; at++) {
    const candidate = points[at];
    if (candidate?.unit === unit) return candidate;
  }
  const point = { t, unit, aggregate: emptyAggregate() };
  points.splice(at, 0, point);
  return point;
}

/** The index of the first point with t >= the given one. */
function lowerBound(points: StoredPoint[], t: number): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((points[middle]?.t ?? Infinity) < t) low = middle + 1;
    else high = middle;
  }
  return low;
}
