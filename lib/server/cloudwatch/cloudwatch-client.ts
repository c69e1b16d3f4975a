import 'server-only';
import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  type AlarmHistoryItem,
  type CompositeAlarm,
  type MetricAlarm,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { Counter } from 'prom-client';
import { ThrottledLog } from '../http/throttled-log';
import { log } from '../log/logger';
import { fleetdeckMetrics } from '../metrics/registry';
import { cloudWatchFailure } from './cloudwatch-error';
import { inBatches, MAX_QUERIES_PER_CALL } from './metric-queries';

/** How long a connection to CloudWatch may take to open, and a request to be answered once sent. */
export const CONNECTION_TIMEOUT_MS = 2_000;
export const REQUEST_TIMEOUT_MS = 10_000;

/** DescribeAlarms takes at most this many names a call. */
export const MAX_ALARM_NAMES_PER_CALL = 100;

// One client per region, made on first use. Credentials come from the SDK's default chain (IRSA, EKS Pod
// Identity, environment) and the endpoint from its standard setting (AWS_ENDPOINT_URL_CLOUDWATCH), so nothing
// here names either. Cross-account reads (an owner account → role ARN map, as ACK's) would assume the role here.
const holder = globalThis as typeof globalThis & {
  __fleetdeckCloudWatch?: { clients: Map<string, CloudWatchClient>; calls: Counter<'operation' | 'outcome'> };
};

function state() {
  if (!holder.__fleetdeckCloudWatch) {
    const { registry } = fleetdeckMetrics();
    const calls = new Counter({
      name: 'fleetdeck_cloudwatch_requests_total',
      help: 'Calls to CloudWatch, by operation and outcome (ok, or the AWS or network error code): what the metrics pages cost.',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    });
    holder.__fleetdeckCloudWatch = { clients: new Map(), calls };
  }
  return holder.__fleetdeckCloudWatch;
}

function client(region: string): CloudWatchClient {
  const { clients } = state();
  let each = clients.get(region);
  if (!each) {
    // Two attempts: a page waits for the answer, and a failure is remembered and shown rather than retried long.
    // Without timeouts the SDK waits on a stuck connection for ever and every viewer's read waits with it; these
    // bound one attempt at about 12 s, so a read fails as ETIMEDOUT well inside the shared cache's deadline.
    each = new CloudWatchClient({
      region,
      maxAttempts: 2,
      // Without throwOnRequestTimeout this version of @smithy/node-http-handler only warns when requestTimeout passes.
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    });
    clients.set(region, each);
  }
  return each;
}

// AWS's message for the failure being logged: the first line of a reason carries it in full (the pages only get
// a fixed sentence per code); the later count lines, written from a timer, find none.
let detailOfLine: string | undefined;
const failures = new ThrottledLog({
  intervalMs: 60_000,
  maxReasons: 20,
  what: 'CloudWatch read failed',
  write: (line) => log.warn(detailOfLine ? `${line}: ${detailOfLine}` : line),
});

async function counted<T>(operation: string, send: () => Promise<T>): Promise<T> {
  const { calls } = state();
  try {
    const result = await send();
    calls.inc({ operation, outcome: 'ok' });
    return result;
  } catch (error) {
    const failure = cloudWatchFailure(error);
    const code = failure?.code ?? 'Unexpected';
    calls.inc({ operation, outcome: code });
    // By code, not message: messages carry request ids and ARNs, and each would count as a new reason.
    detailOfLine = failure?.detail;
    try {
      if (failure) failures.warn(`${operation} ${code}`);
    } finally {
      detailOfLine = undefined;
    }
    throw error;
  }
}

/** Every series of the queries over the window, in as few GetMetricData calls as the limits allow, all pages. */
export async function getMetricData(
  region: string,
  queries: MetricDataQuery[],
  from: Date,
  to: Date,
): Promise<MetricDataResult[]> {
  const results = new Map<string, MetricDataResult>();
  for (const batch of inBatches(queries, MAX_QUERIES_PER_CALL)) {
    let nextToken: string | undefined;
    do {
      const page = await counted('GetMetricData', () =>
        client(region).send(
          new GetMetricDataCommand({
            MetricDataQueries: batch,
            StartTime: from,
            EndTime: to,
            ScanBy: 'TimestampAscending',
            NextToken: nextToken,
          }),
        ),
      );
      for (const result of page.MetricDataResults ?? []) {
        if (!result.Id) continue;
        // A later page continues the series of the same id.
        const known = results.get(result.Id);
        if (known) {
          known.Timestamps = [...(known.Timestamps ?? []), ...(result.Timestamps ?? [])];
          known.Values = [...(known.Values ?? []), ...(result.Values ?? [])];
        } else {
          results.set(result.Id, {
            ...result,
            Timestamps: [...(result.Timestamps ?? [])],
            Values: [...(result.Values ?? [])],
          });
        }
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return [...results.values()];
}

/** The alarms of those names (metric and composite), in calls of at most 100 names. */
export async function describeAlarms(
  region: string,
  names: string[],
): Promise<{ metric: MetricAlarm[]; composite: CompositeAlarm[] }> {
  const metric: MetricAlarm[] = [];
  const composite: CompositeAlarm[] = [];
  for (const batch of inBatches(names, MAX_ALARM_NAMES_PER_CALL)) {
    let nextToken: string | undefined;
    do {
      const page = await counted('DescribeAlarms', () =>
        client(region).send(
          new DescribeAlarmsCommand({
            AlarmNames: batch,
            AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
            NextToken: nextToken,
          }),
        ),
      );
      metric.push(...(page.MetricAlarms ?? []));
      composite.push(...(page.CompositeAlarms ?? []));
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return { metric, composite };
}

/** The state changes of one alarm since `from`, all pages. */
export async function describeAlarmHistory(region: string, alarmName: string, from: Date, to: Date) {
  const items: AlarmHistoryItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await counted('DescribeAlarmHistory', () =>
      client(region).send(
        new DescribeAlarmHistoryCommand({
          AlarmName: alarmName,
          HistoryItemType: 'StateUpdate',
          StartDate: from,
          EndDate: to,
          ScanBy: 'TimestampAscending',
          NextToken: nextToken,
        }),
      ),
    );
    items.push(...(page.AlarmHistoryItems ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return items;
}
