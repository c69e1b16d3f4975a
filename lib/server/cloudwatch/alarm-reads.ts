import 'server-only';
import type { CompositeAlarm, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { AlarmTransition, AlarmView } from '@/lib/api/endpoint-metrics';
import { alarmTransitions, asState } from './alarm-history';
import { describeAlarmHistory, describeAlarms } from './cloudwatch-client';
import { attempt, readTtl, type CloudWatchRead } from './cloudwatch-read';
import { SharedReadCache } from './shared-read-cache';

/** The contract's view of an alarm as DescribeAlarms reports it. */
export function alarmView(name: string, alarm: MetricAlarm | CompositeAlarm | undefined): AlarmView {
  if (!alarm) return { name };
  const state = asState(alarm.StateValue);
  const metric = alarm as MetricAlarm;
  const single = metric.MetricName && metric.Namespace;
  return {
    name,
    ...(state ? { state } : {}),
    ...(alarm.StateReason ? { reason: alarm.StateReason } : {}),
    ...(alarm.StateUpdatedTimestamp ? { updatedAt: new Date(alarm.StateUpdatedTimestamp).toISOString() } : {}),
    ...(single
      ? {
          metric: {
            namespace: metric.Namespace!,
            name: metric.MetricName!,
            statistic: metric.ExtendedStatistic ?? metric.Statistic ?? '',
            comparison: metric.ComparisonOperator ?? '',
            threshold: metric.Threshold ?? 0,
            periodSeconds: metric.Period ?? 0,
            evaluationPeriods: metric.EvaluationPeriods ?? 0,
            ...(metric.DatapointsToAlarm !== undefined ? { datapointsToAlarm: metric.DatapointsToAlarm } : {}),
          },
        }
      : {}),
  };
}

// Alarm states change when SageMaker or an operator acts, and the pages poll: ten seconds keeps them current
// while every viewer of every endpoint naming the alarm shares one read. Keyed by account, region and alarm name; the
// bound covers a fleet's worth of distinct alarms read within those seconds.
const alarms = new SharedReadCache<CloudWatchRead<AlarmView>>({ maxEntries: 5_000, ttlMs: readTtl(10_000) });

// History is longer-lived (a transition never changes once written); one entry per alarm and range.
const histories = new SharedReadCache<CloudWatchRead<AlarmTransition[]>>({
  maxEntries: 2_000,
  ttlMs: readTtl(30_000),
});

/**
 * The named alarms' states, shared with every other reader; the names not cached are read in one batch. `account`
 * (the endpoint's ownerAccountID) keeps two accounts' alarms of one name and region apart.
 */
export async function readAlarms(
  account: string,
  region: string,
  names: string[],
): Promise<CloudWatchRead<AlarmView[]>> {
  const key = (name: string) => `${account}\0${region}\0${name}`;
  const missing = names.filter((name) => !alarms.peek(key(name)));
  if (missing.length > 0) {
    const batch = attempt(() => describeAlarms({ account, region }, missing));
    for (const name of missing) {
      alarms.put(
        key(name),
        batch.then((read): CloudWatchRead<AlarmView> => {
          if (!read.ok) return read;
          const found = [...read.value.metric, ...read.value.composite].find((alarm) => alarm.AlarmName === name);
          return { ok: true, value: alarmView(name, found), at: read.at };
        }),
      );
    }
  }
  const reads = await Promise.all(
    names.map((name) => alarms.peek(key(name)) ?? readAlarms(account, region, [name]).then(first)),
  );
  return combine(reads);
}

const first = (read: CloudWatchRead<AlarmView[]>): CloudWatchRead<AlarmView> =>
  read.ok ? { ok: true, value: read.value[0]!, at: read.at } : read;

function combine<T>(reads: CloudWatchRead<T>[]): CloudWatchRead<T[]> {
  const failed = reads.find((read) => !read.ok);
  if (failed) return failed;
  const at = reads.reduce((earliest, read) => Math.min(earliest, read.at), Date.now());
  return { ok: true, value: reads.map((read) => (read as { value: T }).value), at };
}

/** The named alarms' state changes since `from`, oldest first. `rangeKey` names the range the window belongs to. */
export async function readAlarmHistory(
  account: string,
  region: string,
  names: string[],
  from: Date,
  to: Date,
  rangeKey: string,
): Promise<CloudWatchRead<AlarmTransition[]>> {
  const reads = await Promise.all(
    names.map((name) =>
      histories.get(`${account}\0${region}\0${name}\0${rangeKey}`, () =>
        attempt(async () => alarmTransitions(await describeAlarmHistory({ account, region }, name, from, to))),
      ),
    ),
  );
  const combined = combine(reads);
  if (!combined.ok) return combined;
  const transitions = combined.value.flat().sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { ok: true, value: transitions, at: combined.at };
}
