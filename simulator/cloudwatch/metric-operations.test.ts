// PutMetricData and GetMetricData on the metric store, with JSON inputs as the SDK sends them (timestamps in epoch
// seconds): the answers' order, paging and limits.
import { describe, expect, it } from 'vitest';
import { getMetricData, putMetricData, roundedStart } from './metric-operations';
import { defaultStoreLimits, MetricStore } from './metric-store';
import { refusal } from './refusal.test-support';

const account = '123456789012';
const nowMs = Date.parse('2026-06-12T15:00:30Z');
const context = { accountId: account, nowMs };
const at = (iso: string) => Date.parse(iso) / 1000;
const dimensions = [
  { Name: 'EndpointName', Value: 'scorer' },
  { Name: 'VariantName', Value: 'primary' },
];

interface Result {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
  StatusCode: string;
}
interface Answer {
  MetricDataResults: Result[];
  NextToken?: string;
}

/** A store with one value a minute from 14:00 to 14:59, the value being the minute (0..59). */
function storeWithAnHour(): MetricStore {
  const store = new MetricStore();
  putMetricData(
    store,
    {
      Namespace: 'AWS/SageMaker',
      MetricData: Array.from({ length: 60 }, (_, minute) => ({
        MetricName: 'Invocations',
        Dimensions: dimensions,
        Timestamp: at('2026-06-12T14:00:00Z') + minute * 60 + 7,
        Value: minute,
        Unit: 'Count',
      })),
    },
    context,
  );
  return store;
}

const query = (id: string, stat: string, period = 60, extra: Record<string, unknown> = {}) => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions },
    Period: period,
    Stat: stat,
  },
  ...extra,
});

const read = (store: MetricStore, input: Record<string, unknown>) =>
  getMetricData(
    store,
    { StartTime: at('2026-06-12T14:00:00Z'), EndTime: at('2026-06-12T15:00:00Z'), ...input },
    context,
  ) as Answer;

describe('GetMetricData', () => {
  it('answers newest first by default, one point per period aligned to the start', () => {
    const answer = read(storeWithAnHour(), { MetricDataQueries: [query('sum', 'Sum', 600)] });
    const [result] = answer.MetricDataResults;
    expect(result?.Timestamps).toEqual([50, 40, 30, 20, 10, 0].map((m) => at('2026-06-12T14:00:00Z') + m * 60));
    // Minutes 50..59 sum to 545; 0..9 to 45.
    expect(result?.Values).toEqual([545, 445, 345, 245, 145, 45]);
    expect(result).toMatchObject({ Id: 'sum', Label: 'Invocations', StatusCode: 'Complete' });
    expect(answer.NextToken).toBeUndefined();
  });

  it('answers oldest first with ScanBy TimestampAscending', () => {
    const answer = read(storeWithAnHour(), {
      MetricDataQueries: [query('max', 'Maximum', 1800)],
      ScanBy: 'TimestampAscending',
    });
    expect(answer.MetricDataResults[0]?.Values).toEqual([29, 59]);
  });

  it('gives no point for periods without data', () => {
    const store = new MetricStore();
    putMetricData(
      store,
      {
        Namespace: 'AWS/SageMaker',
        MetricData: [
          { MetricName: 'Invocations', Dimensions: dimensions, Timestamp: at('2026-06-12T14:30:00Z'), Value: 3 },
        ],
      },
      context,
    );
    const answer = read(store, { MetricDataQueries: [query('sum', 'Sum', 300)] });
    expect(answer.MetricDataResults[0]).toMatchObject({ Timestamps: [at('2026-06-12T14:30:00Z')], Values: [3] });
  });

  it('finds a metric whatever the order of its dimensions, and not with fewer of them', () => {
    const store = storeWithAnHour();
    const reversed = read(store, {
      MetricDataQueries: [
        {
          Id: 'reversed',
          MetricStat: {
            Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: [...dimensions].reverse() },
            Period: 3600,
            Stat: 'SampleCount',
          },
        },
        {
          Id: 'fewer',
          MetricStat: {
            Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations', Dimensions: dimensions.slice(0, 1) },
            Period: 3600,
            Stat: 'SampleCount',
          },
        },
      ],
    });
    expect(reversed.MetricDataResults.map((result) => result.Values)).toEqual([[60], []]);
  });

  it('reads only data of the unit asked for, when one is', () => {
    const answer = read(storeWithAnHour(), {
      MetricDataQueries: [
        query('counts', 'SampleCount', 3600, {}),
        {
          ...query('seconds', 'SampleCount', 3600),
          MetricStat: { ...query('x', 'SampleCount', 3600).MetricStat, Unit: 'Seconds' },
        },
      ],
    });
    expect(answer.MetricDataResults.map((result) => result.Values)).toEqual([[60], []]);
  });

  it('pages by MaxDatapoints across queries, each page resuming where the last stopped', () => {
    const store = storeWithAnHour();
    const queries = [query('a', 'Sum', 600), query('b', 'Maximum', 600)];
    const pages: Answer[] = [];
    let token: string | undefined;
    do {
      const page = read(store, { MetricDataQueries: queries, MaxDatapoints: 4, NextToken: token });
      pages.push(page);
      token = page.NextToken;
    } while (token && pages.length < 10);
    expect(
      pages.map((page) => page.MetricDataResults.map((r) => `${r.Id}:${r.Values.length}:${r.StatusCode}`)),
    ).toEqual([['a:4:PartialData'], ['a:2:Complete', 'b:2:PartialData'], ['b:4:Complete']]);
    const all = (id: string) =>
      pages.flatMap((page) => page.MetricDataResults.filter((r) => r.Id === id).flatMap((r) => r.Values));
    expect(all('a')).toEqual([545, 445, 345, 245, 145, 45]);
    expect(all('b')).toEqual([59, 49, 39, 29, 19, 9]);
  });

  it('refuses a NextToken with other parameters than the request it came from', () => {
    const store = storeWithAnHour();
    const first = read(store, { MetricDataQueries: [query('a', 'Sum', 600)], MaxDatapoints: 2 });
    expect(first.NextToken).toBeDefined();
    const other = () =>
      read(store, { MetricDataQueries: [query('a', 'Average', 600)], MaxDatapoints: 2, NextToken: first.NextToken });
    expect(refusal(other)).toEqual({ code: 'InvalidNextToken', message: 'The next token specified is invalid.' });
    expect(refusal(() => read(store, { MetricDataQueries: [query('a', 'Sum', 600)], NextToken: 'garbage' })).code).toBe(
      'InvalidNextToken',
    );
  });

  it('takes 500 queries a call and refuses 501 with a ValidationError', () => {
    const store = storeWithAnHour();
    const queries = (count: number) => Array.from({ length: count }, (_, i) => query(`q${i}`, 'Sum', 3600));
    expect(read(store, { MetricDataQueries: queries(500) }).MetricDataResults).toHaveLength(500);
    expect(refusal(() => read(store, { MetricDataQueries: queries(501) }))).toEqual({
      code: 'ValidationError',
      message: 'The collection MetricDataQueries must not have a size greater than 500.',
    });
  });

  it('leaves out queries with ReturnData false', () => {
    const answer = read(storeWithAnHour(), {
      MetricDataQueries: [query('shown', 'Sum', 3600), query('hidden', 'Sum', 3600, { ReturnData: false })],
    });
    expect(answer.MetricDataResults.map((result) => result.Id)).toEqual(['shown']);
  });

  it('refuses what it cannot answer with a ValidationError naming it', () => {
    const store = storeWithAnHour();
    const expression = refusal(() =>
      read(store, { MetricDataQueries: [{ Id: 'rate', Expression: 'errors / calls' }] }),
    );
    expect(expression.code).toBe('ValidationError');
    expect(expression.message).toContain('does not support metric math');
    expect(refusal(() => read(store, { MetricDataQueries: [query('a', 'tm99')] })).code).toBe('ValidationError');
    expect(refusal(() => read(store, { MetricDataQueries: [query('a', 'Sum', 45)] })).code).toBe('ValidationError');
    expect(refusal(() => read(store, { MetricDataQueries: [query('Upper', 'Sum')] })).code).toBe('ValidationError');
    expect(refusal(() => read(store, { MetricDataQueries: [query('a', 'Sum'), query('a', 'Maximum')] })).code).toBe(
      'ValidationError',
    );
    expect(
      refusal(() => read(store, { MetricDataQueries: [query('a', 'Sum')], EndTime: at('2026-06-12T14:00:00Z') }))
        .message,
    ).toBe('The parameter StartTime must be less than the parameter EndTime.');
  });

  it('rounds the start as the API reference says', () => {
    const now = at('2026-06-12T15:00:00Z');
    expect(roundedStart(at('2026-06-12T12:32:34Z'), 60, now)).toBe(at('2026-06-12T12:32:00Z'));
    expect(roundedStart(at('2026-06-12T12:32:34Z'), 10, now)).toBe(at('2026-06-12T12:32:30Z'));
    expect(roundedStart(at('2026-05-20T12:32:34Z'), 300, now)).toBe(at('2026-05-20T12:30:00Z'));
    expect(roundedStart(at('2026-03-20T12:32:34Z'), 3600, now)).toBe(at('2026-03-20T12:00:00Z'));
  });
});

describe('PutMetricData', () => {
  const put = (datum: Record<string, unknown>) =>
    putMetricData(new MetricStore(), { Namespace: 'Fleetdeck', MetricData: [{ MetricName: 'M', ...datum }] }, context);

  it('stores Values with Counts, so percentiles see every sample', () => {
    const store = new MetricStore();
    putMetricData(
      store,
      {
        Namespace: 'AWS/SageMaker',
        MetricData: [
          {
            MetricName: 'Invocations',
            Dimensions: dimensions,
            Timestamp: at('2026-06-12T14:10:00Z'),
            Values: [10, 20, 300],
            Counts: [97, 2, 1],
          },
        ],
      },
      context,
    );
    const answer = read(store, { MetricDataQueries: [query('p', 'p99', 3600), query('n', 'SampleCount', 3600)] });
    expect(answer.MetricDataResults.map((result) => result.Values)).toEqual([[20], [100]]);
  });

  it('refuses what CloudWatch refuses, with its codes', () => {
    expect(refusal(() => put({ Value: 1, Values: [1] })).code).toBe('InvalidParameterCombination');
    expect(refusal(() => put({})).code).toBe('MissingParameter');
    expect(refusal(() => put({ Values: [1, 2], Counts: [1] })).code).toBe('InvalidParameterValue');
    expect(refusal(() => put({ Value: 1, StorageResolution: 10 })).code).toBe('InvalidParameterValue');
    expect(refusal(() => put({ Value: 1, Unit: 'Furlongs' })).code).toBe('InvalidParameterValue');
    expect(refusal(() => put({ Value: 1, Timestamp: nowMs / 1000 - 15 * 86_400 }))).toEqual({
      code: 'InvalidParameterValue',
      message: 'The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.',
    });
    expect(refusal(() => put({ Value: 1, Timestamp: nowMs / 1000 + 3 * 3600 })).code).toBe('InvalidParameterValue');
    expect(
      refusal(() =>
        putMetricData(
          new MetricStore(),
          { Namespace: 'N', MetricData: Array(1001).fill({ MetricName: 'M', Value: 1 }) },
          context,
        ),
      ).code,
    ).toBe('ValidationError');
  });

  it('refuses, whole, a request that would take the account past the metrics bound', () => {
    const store = new MetricStore({ ...defaultStoreLimits, maxMetricsPerAccount: 2 });
    const datum = (value: string) => ({ MetricName: 'M', Dimensions: [{ Name: 'Id', Value: value }], Value: 1 });
    putMetricData(store, { Namespace: 'N', MetricData: [datum('a')] }, context);
    expect(
      refusal(() => putMetricData(store, { Namespace: 'N', MetricData: [datum('b'), datum('c')] }, context)),
    ).toEqual({
      code: 'LimitExceeded',
      message:
        "The simulated CloudWatch holds at most 2 metrics per account and this account has 1; the request's 2 new metric(s) were not stored. (CloudWatch itself has no such limit: this bounds the simulator's memory.)",
    });
    expect(store.metricCount()).toBe(1);
    // Metrics it already holds still take data, and so does another account.
    putMetricData(store, { Namespace: 'N', MetricData: [datum('a'), datum('b'), datum('a')] }, context);
    putMetricData(
      store,
      { Namespace: 'N', MetricData: [datum('c'), datum('d')] },
      { ...context, accountId: '210987654321' },
    );
    expect(store.metricCount()).toBe(4);
    expect(refusal(() => putMetricData(store, { Namespace: 'N', MetricData: [datum('c')] }, context)).code).toBe(
      'LimitExceeded',
    );
  });
});
