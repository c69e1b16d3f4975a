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
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { Counter } from 'prom-client';
import { serverConfig } from '../config';
import { ThrottledLog } from '../http/throttled-log';
import { log } from '../log/logger';
import { fleetdeckMetrics } from '../metrics/registry';
import { AssumeRoleFailure, cloudWatchFailure } from './cloudwatch-error';
import { inBatches, MAX_QUERIES_PER_CALL } from './metric-queries';

/** How long a connection to CloudWatch may take to open, and a request to be answered once sent. */
export const CONNECTION_TIMEOUT_MS = 2_000;
export const REQUEST_TIMEOUT_MS = 10_000;

/** DescribeAlarms takes at most this many names a call. */
export const MAX_ALARM_NAMES_PER_CALL = 100;

/** The session an assumed role's credentials last; the SDK assumes the role again 5 minutes before they end. */
export const ASSUMED_ROLE_SECONDS = 3600;

/** Where an endpoint's CloudWatch data lives: its owner account (status.ackResourceMetadata) and region. */
export interface CloudWatchPlace {
  account: string;
  region: string;
}

// One client per region and identity, made on first use. Credentials come from the SDK's default chain (IRSA, EKS
// Pod Identity, environment), or for an owner account FLEETDECK_CLOUDWATCH_ROLES maps, from assuming its role with
// them; the endpoints come from the SDK's standard settings (AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL_STS), so
// nothing here names them.
const holder = globalThis as typeof globalThis & {
  __fleetdeckCloudWatch?: { clients: Map<string, CloudWatchClient>; calls: Counter<'operation' | 'outcome'> };
};

function state() {
  if (!holder.__fleetdeckCloudWatch) {
    const { registry } = fleetdeckMetrics();
    const calls = new Counter({
      name: 'fleetdeck_cloudwatch_requests_total',
      help: 'Calls to CloudWatch, and to STS AssumeRole for the accounts FLEETDECK_CLOUDWATCH_ROLES maps, by operation and outcome (ok, or the AWS or network error code): what the metrics pages cost.',
      labelNames: ['operation', 'outcome'],
      registers: [registry],
    });
    holder.__fleetdeckCloudWatch = { clients: new Map(), calls };
  }
  return holder.__fleetdeckCloudWatch;
}

type AssumedCredentials = ReturnType<typeof fromTemporaryCredentials>;

/**
 * The role's credentials, assumed with the default chain's. The CloudWatch client keeps them until shortly before
 * they expire, so a role costs one AssumeRole an hour per region, counted like the CloudWatch calls. A failure
 * names the role and the account, and is not kept: the next read tries again.
 */
function assumedRole(roleArn: string, account: string, region: string): AssumedCredentials {
  // The nested STS client takes its endpoint from AWS_ENDPOINT_URL_STS as any SDK client does, the caller's request
  // handler (and so its timeouts), and the region of the reads, which keeps STS's regional endpoint.
  const assume = fromTemporaryCredentials({
    params: { RoleArn: roleArn, RoleSessionName: 'fleetdeck', DurationSeconds: ASSUMED_ROLE_SECONDS },
    clientConfig: { region },
  });
  const { calls } = state();
  return async (properties) => {
    try {
      const credentials = await assume(properties);
      calls.inc({ operation: 'AssumeRole', outcome: 'ok' });
      return credentials;
    } catch (error) {
      const failure = cloudWatchFailure(error);
      calls.inc({ operation: 'AssumeRole', outcome: failure?.code ?? 'Unexpected' });
      if (!failure) throw error;
      throw new AssumeRoleFailure(roleArn, account, failure.code, failure.detail);
    }
  };
}

function client({ account, region }: CloudWatchPlace): CloudWatchClient {
  const { clients } = state();
  const roleArn = serverConfig().FLEETDECK_CLOUDWATCH_ROLES.get(account);
  // Keyed by the role, not the account: accounts sharing a role share its credentials.
  const key = `${region}\0${roleArn ?? ''}`;
  let each = clients.get(key);
  if (!each) {
    // Two attempts: a page waits for the answer, and a failure is remembered and shown rather than retried long.
    // Without timeouts the SDK waits on a stuck connection for ever and every viewer's read waits with it; these
    // bound one attempt at about 12 s, so a read fails as ETIMEDOUT well inside the shared cache's deadline.
    each = new CloudWatchClient({
      region,
      maxAttempts: 2,
      ...(roleArn ? { credentials: assumedRole(roleArn, account, region) } : {}),
      // Without throwOnRequestTimeout this version of @smithy/node-http-handler only warns when requestTimeout passes.
      requestHandler: {
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        throwOnRequestTimeout: true,
      },
    });
    clients.set(key, each);
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
  place: CloudWatchPlace,
  queries: MetricDataQuery[],
  from: Date,
  to: Date,
): Promise<MetricDataResult[]> {
  const results = new Map<string, MetricDataResult>();
  for (const batch of inBatches(queries, MAX_QUERIES_PER_CALL)) {
    let nextToken: string | undefined;
    do {
      const page = await counted('GetMetricData', () =>
        client(place).send(
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
  place: CloudWatchPlace,
  names: string[],
): Promise<{ metric: MetricAlarm[]; composite: CompositeAlarm[] }> {
  const metric: MetricAlarm[] = [];
  const composite: CompositeAlarm[] = [];
  for (const batch of inBatches(names, MAX_ALARM_NAMES_PER_CALL)) {
    let nextToken: string | undefined;
    do {
      const page = await counted('DescribeAlarms', () =>
        client(place).send(
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
export async function describeAlarmHistory(place: CloudWatchPlace, alarmName: string, from: Date, to: Date) {
  const items: AlarmHistoryItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await counted('DescribeAlarmHistory', () =>
      client(place).send(
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
