// PutMetricData and GetMetricData, with CloudWatch's limits and checks (API reference, 2010-08-01).
import { CloudWatchError, invalidValue, missingParameter, validationError } from './errors';
import { Input } from './input';
import {
  aggregateByPeriod,
  type Dimension,
  type MetricIdentity,
  type MetricSample,
  type MetricStore,
} from './metric-store';
import { decodeToken, encodeToken, requestFingerprint } from './next-token';
import { computeStatistic, parseStatistic, type Statistic } from './statistics';

export const standardUnits = [
  'Seconds',
  'Microseconds',
  'Milliseconds',
  'Bytes',
  'Kilobytes',
  'Megabytes',
  'Gigabytes',
  'Terabytes',
  'Bits',
  'Kilobits',
  'Megabits',
  'Gigabits',
  'Terabits',
  'Percent',
  'Count',
  'Bytes/Second',
  'Kilobytes/Second',
  'Megabytes/Second',
  'Gigabytes/Second',
  'Terabytes/Second',
  'Bits/Second',
  'Kilobits/Second',
  'Megabits/Second',
  'Gigabits/Second',
  'Terabits/Second',
  'Count/Second',
  'None',
] as const;

export const maxMetricDataQueries = 500;
const maxDatapointsDefault = 100_800;
const hour = 3600;
const day = 24 * hour;

export interface CallContext {
  accountId: string;
  nowMs: number;
}

/** Dimensions of a metric or an alarm: at most 30, each name once. */
export function readDimensions(input: Input): Dimension[] {
  const dimensions = input.structures('Dimensions', { max: 30 }).map((dimension) => ({
    Name: dimension.string('Name', { min: 1, max: 255 }),
    Value: dimension.string('Value', { min: 1, max: 1024 }),
  }));
  const names = new Set(dimensions.map((d) => d.Name));
  if (names.size !== dimensions.length) {
    throw invalidValue(`The collection ${input.path('Dimensions')} must not contain duplicate dimension names.`);
  }
  return dimensions;
}

/** The periods CloudWatch accepts: 1, 5, 10, 20, 30 and any multiple of 60 seconds. */
export function isValidPeriod(period: number): boolean {
  return [1, 5, 10, 20, 30].includes(period) || (period >= 60 && period % 60 === 0);
}

interface ParsedDatum {
  identity: MetricIdentity;
  sample: MetricSample;
}

export function putMetricData(store: MetricStore, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  // CloudWatch refuses customer namespaces beginning with "AWS/"; the simulated SageMaker publishes there as AWS
  // itself does, so the simulator takes them.
  const namespace = input.string('Namespace', { min: 1, max: 255 });
  const data = input
    .structures('MetricData', { min: 1, max: 1000 })
    .map((datum) => readDatum(datum, context.nowMs))
    .map(({ identity, sample }) => ({ identity: { ...identity, namespace }, sample }));
  store.checkRoom(
    context.accountId,
    data.map(({ identity }) => identity),
  );
  for (const { identity, sample } of data) store.put(context.accountId, identity, sample, context.nowMs);
  return {};
}

function readDatum(datum: Input, nowMs: number): ParsedDatum {
  const name = datum.string('MetricName', { min: 1, max: 255 });
  const dimensions = readDimensions(datum);
  const timestampMs = datum.optionalTimestamp('Timestamp') ?? nowMs;
  if (timestampMs < nowMs - 14 * day * 1000) {
    throw invalidValue(`The parameter ${datum.path('Timestamp')} must specify a time within the past two weeks.`);
  }
  if (timestampMs > nowMs + 2 * hour * 1000) {
    throw invalidValue(
      `The parameter ${datum.path('Timestamp')} must specify a time no more than two hours in the future.`,
    );
  }
  const storageResolution = datum.optionalNumber('StorageResolution', { integer: true }) ?? 60;
  if (storageResolution !== 1 && storageResolution !== 60) {
    throw invalidValue(
      `The value ${storageResolution} for parameter ${datum.path('StorageResolution')} is not valid. Valid values: 1, 60.`,
    );
  }
  const unit = datum.optionalEnum('Unit', standardUnits) ?? 'None';
  const given = ['Value', 'Values', 'StatisticValues'].filter((member) => datum.has(member));
  if (given.length === 0) {
    throw missingParameter(`${datum.path('Value')}, ${datum.path('Values')} or ${datum.path('StatisticValues')}`);
  }
  if (given.length > 1) {
    throw new CloudWatchError(
      'InvalidParameterCombination',
      `The parameters ${given.map((member) => datum.path(member)).join(' and ')} are mutually exclusive and you have specified more than one.`,
    );
  }
  const base = { timestampMs, unit, storageResolution };
  const identity = { namespace: '', name, dimensions };
  if (datum.has('Value')) {
    return { identity, sample: { ...base, values: [[checkedValue(datum.number('Value'), datum.path('Value')), 1]] } };
  }
  if (datum.has('Values')) {
    const values = datum.numbers('Values', { max: 150 });
    const counts = datum.has('Counts') ? datum.numbers('Counts', { max: 150 }) : values.map(() => 1);
    if (counts.length !== values.length) {
      throw invalidValue(
        `The parameters ${datum.path('Values')} and ${datum.path('Counts')} must be of the same size.`,
      );
    }
    const pairs = values.map(
      (value, i) => [checkedValue(value, `${datum.path('Values')}.member.${i + 1}`), counts[i] ?? 1] as const,
    );
    if (pairs.some(([, count]) => count < 0))
      throw invalidValue(`The values of ${datum.path('Counts')} must not be negative.`);
    return { identity, sample: { ...base, values: pairs } };
  }
  const set = datum.structure('StatisticValues');
  const statisticSet = {
    SampleCount: set.number('SampleCount', { min: 0 }),
    Sum: set.number('Sum'),
    Minimum: set.number('Minimum'),
    Maximum: set.number('Maximum'),
  };
  if (statisticSet.Minimum > statisticSet.Maximum) {
    throw invalidValue(`The parameter ${set.path('Minimum')} must not be greater than ${set.path('Maximum')}.`);
  }
  return { identity, sample: { ...base, statisticSet } };
}

// CloudWatch rejects values whose magnitude is above 2^360.
function checkedValue(value: number, path: string): number {
  if (Math.abs(value) > 2 ** 360) throw invalidValue(`The value ${value} for parameter ${path} is not valid.`);
  return value;
}

interface MetricQuery {
  id: string;
  label: string;
  returnData: boolean;
  identity: MetricIdentity;
  period: number;
  statistic: Statistic;
  unit?: string;
}

interface Position {
  /** The query the page starts in, by index. */
  q: number;
  /** The last timestamp (epoch seconds) already returned for that query, in scan order. */
  t?: number;
}

export function getMetricData(store: MetricStore, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  const queryInputs = input.structures('MetricDataQueries', { min: 1, max: maxMetricDataQueries });
  const queries = queryInputs.map(readQuery);
  const ids = new Set(queries.map((query) => query.id));
  if (ids.size !== queries.length) {
    throw validationError('The values for parameter id in MetricDataQueries are not unique.');
  }
  const startMs = input.timestamp('StartTime');
  const endMs = input.timestamp('EndTime');
  if (startMs >= endMs) throw validationError('The parameter StartTime must be less than the parameter EndTime.');
  const descending =
    (input.optionalEnum('ScanBy', ['TimestampDescending', 'TimestampAscending']) ?? 'TimestampDescending') ===
    'TimestampDescending';
  const maxDatapoints = input.optionalNumber('MaxDatapoints', { integer: true, min: 1 }) ?? maxDatapointsDefault;
  const fingerprint = requestFingerprint(body as Record<string, unknown>);
  const token = input.optionalString('NextToken');
  const from = token === undefined ? { q: 0 } : readPosition(decodeToken(token, fingerprint), queries.length);

  const nowS = context.nowMs / 1000;
  const endS = endMs / 1000;
  let budget = maxDatapoints;
  let next: Position | undefined;
  const results: object[] = [];
  for (let q = from.q; q < queries.length; q++) {
    const query = queries[q] as MetricQuery;
    if (!query.returnData) continue;
    const startS = roundedStart(startMs / 1000, query.period, nowS);
    let points = datapoints(store, context.accountId, query, startS, endS, nowS);
    if (descending) points.reverse();
    if (q === from.q && from.t !== undefined) {
      const after = from.t;
      points = points.filter(({ t }) => (descending ? t < after : t > after));
    }
    if (points.length > 0 && budget === 0) {
      next = { q };
      break;
    }
    const taken = points.slice(0, budget);
    budget -= taken.length;
    const partial = taken.length < points.length;
    results.push({
      Id: query.id,
      Label: query.label,
      Timestamps: taken.map(({ t }) => t),
      Values: taken.map(({ value }) => value),
      StatusCode: partial ? 'PartialData' : 'Complete',
    });
    if (partial) {
      next = { q, t: taken[taken.length - 1]?.t };
      break;
    }
  }
  return {
    MetricDataResults: results,
    ...(next ? { NextToken: encodeToken(fingerprint, next) } : {}),
    Messages: [],
  };
}

function readQuery(query: Input): MetricQuery {
  const id = query.string('Id', { min: 1, max: 255 });
  if (!/^[a-z][a-zA-Z0-9_]*$/.test(id)) {
    throw validationError(
      `Invalid metric id '${id}': an id must start with a lowercase letter and contain only letters, numbers and underscores.`,
    );
  }
  if (query.has('Expression')) {
    throw validationError(
      `The simulated CloudWatch does not support metric math or Metrics Insights expressions (query '${id}'); use MetricStat.`,
    );
  }
  const stat = query.optionalStructure('MetricStat');
  if (!stat) throw missingParameter(query.path('MetricStat'));
  const metric = stat.structure('Metric');
  const period = stat.number('Period', { integer: true, min: 1 });
  if (!isValidPeriod(period)) {
    throw validationError(`The parameter ${stat.path('Period')} must be 1, 5, 10, 20, 30, or a multiple of 60.`);
  }
  const statName = stat.string('Stat');
  const statistic = parseStatistic(statName);
  if (!statistic) {
    throw validationError(
      `The value ${statName} for parameter ${stat.path('Stat')} is not valid: the simulated CloudWatch computes SampleCount, Average, Sum, Minimum, Maximum and percentiles (p0.0 to p100).`,
    );
  }
  const name = metric.string('MetricName', { min: 1, max: 255 });
  return {
    id,
    label: query.optionalString('Label') ?? name,
    returnData: query.optionalBoolean('ReturnData') ?? true,
    identity: { namespace: metric.string('Namespace', { min: 1, max: 255 }), name, dimensions: readDimensions(metric) },
    period,
    statistic,
    unit: stat.optionalEnum('Unit', standardUnits),
  };
}

function readPosition(position: unknown, queryCount: number): Position {
  const { q, t } = (position ?? {}) as { q?: unknown; t?: unknown };
  if (typeof q !== 'number' || q < 0 || q >= queryCount || (t !== undefined && typeof t !== 'number')) {
    throw new CloudWatchError('InvalidNextToken', 'The next token specified is invalid.');
  }
  return { q, t: t as number | undefined };
}

/**
 * Where the first period starts, as the API reference describes StartTime's rounding: to the minute within 15
 * days, 5 minutes within 63, the hour beyond; to the period itself for periods under a minute.
 */
export function roundedStart(startS: number, period: number, nowS: number): number {
  const age = nowS - startS;
  const granularity = period < 60 ? period : age > 63 * day ? hour : age > 15 * day ? 300 : 60;
  return Math.floor(startS / granularity) * granularity;
}

/** The query's datapoints with start <= t < end, oldest first; periods with no data are absent. */
function datapoints(
  store: MetricStore,
  accountId: string,
  query: MetricQuery,
  startS: number,
  endS: number,
  nowS: number,
): Array<{ t: number; value: number }> {
  // High-resolution data is only kept at its resolution for three hours.
  const from =
    query.period < 60 ? Math.max(startS, Math.ceil((nowS - 3 * hour) / query.period) * query.period) : startS;
  const points = store.points(accountId, query.identity, from, endS, query.unit);
  const result: Array<{ t: number; value: number }> = [];
  for (const { t, aggregate } of aggregateByPeriod(
    points,
    startS,
    query.period,
    query.statistic.kind === 'percentile',
  )) {
    const value = computeStatistic(aggregate, query.statistic);
    if (value !== undefined) result.push({ t, value });
  }
  return result;
}
