// The simulated CloudWatch's single-metric alarms: their definitions and states per account, their history, and
// their evaluation at the end of every period (periods aligned to the epoch), on the wall clock or when a test
// asks for it.
import {
  evaluateAlarm,
  evaluationRangePeriods,
  type AlarmStateValue,
  type EvaluatedAlarm,
  type PeriodDatapoint,
} from './alarm-evaluation';
import { aggregateByPeriod, type Dimension, type MetricStore } from './metric-store';
import { javaJson } from './reason-format';
import { computeStatistic, parseStatistic, tooFewSamplesForPercentile } from './statistics';

export interface AlarmDefinition extends EvaluatedAlarm {
  AlarmName: string;
  AlarmDescription?: string;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  Namespace: string;
  MetricName: string;
  Dimensions: Dimension[];
  EvaluateLowSampleCountPercentile?: 'evaluate' | 'ignore';
}

export interface AlarmState {
  value: AlarmStateValue;
  reason: string;
  /** JSON text, as StateReasonData carries it. */
  reasonData?: string;
  updatedMs: number;
  transitionedMs: number;
}

export interface AlarmRecord {
  definition: AlarmDefinition;
  arn: string;
  configurationUpdatedMs: number;
  state: AlarmState;
  /** The end (epoch seconds) of the last period this alarm was evaluated through. */
  evaluatedThrough: number;
}

export const historyItemTypes = [
  'ConfigurationUpdate',
  'StateUpdate',
  'Action',
  'AlarmContributorStateUpdate',
  'AlarmContributorAction',
] as const;
export type HistoryItemType = (typeof historyItemTypes)[number];

export interface HistoryItem {
  /** Increases with every item recorded, so paging can resume after one even as items are added. */
  seq: number;
  AlarmName: string;
  AlarmType: 'MetricAlarm';
  timestampMs: number;
  HistoryItemType: HistoryItemType;
  HistorySummary: string;
  HistoryData: string;
}

export interface HistoryFilter {
  alarmName?: string;
  itemType?: HistoryItemType;
  startMs?: number;
  endMs?: number;
}

export interface AlarmBookLimits {
  /** CloudWatch keeps alarm history for two weeks. */
  historyRetentionMs: number;
  /** Items kept per account; the oldest go first past it. */
  maxHistoryPerAccount: number;
}

// Alarms that flap every second in a long benchmark would otherwise grow the history without end.
export const defaultAlarmBookLimits: AlarmBookLimits = {
  historyRetentionMs: 14 * 24 * 3600 * 1000,
  maxHistoryPerAccount: 20_000,
};

interface Account {
  alarms: Map<string, AlarmRecord>;
  history: HistoryItem[];
}

export class AlarmBook {
  private readonly accounts = new Map<string, Account>();
  private nextSeq = 1;

  constructor(
    private readonly store: MetricStore,
    private readonly region: string,
    private readonly limits: AlarmBookLimits = defaultAlarmBookLimits,
  ) {}

  /** Creates the alarm, or replaces the definition of the one of that name and keeps its state. */
  put(accountId: string, definition: AlarmDefinition, nowMs: number): void {
    const account = this.account(accountId);
    const existing = account.alarms.get(definition.AlarmName);
    if (existing) {
      existing.definition = definition;
      existing.configurationUpdatedMs = nowMs;
      existing.evaluatedThrough = -Infinity;
    } else {
      account.alarms.set(definition.AlarmName, {
        definition,
        arn: `arn:aws:cloudwatch:${this.region}:${accountId}:alarm:${definition.AlarmName}`,
        configurationUpdatedMs: nowMs,
        state: {
          value: 'INSUFFICIENT_DATA',
          reason: 'Unchecked: Initial alarm creation',
          updatedMs: nowMs,
          transitionedMs: nowMs,
        },
        evaluatedThrough: -Infinity,
      });
    }
    const type = existing ? 'Update' : 'Create';
    this.record(account, {
      AlarmName: definition.AlarmName,
      AlarmType: 'MetricAlarm',
      timestampMs: nowMs,
      HistoryItemType: 'ConfigurationUpdate',
      HistorySummary: `Alarm "${definition.AlarmName}" ${existing ? 'updated' : 'created'}`,
      HistoryData: javaJson({
        version: '1.0',
        type,
        [existing ? 'updatedAlarm' : 'createdAlarm']: configuration(definition),
      }),
    });
  }

  get(accountId: string, name: string): AlarmRecord | undefined {
    return this.accounts.get(accountId)?.alarms.get(name);
  }

  /** Every alarm of the account, by name. */
  list(accountId: string): AlarmRecord[] {
    const alarms = [...(this.accounts.get(accountId)?.alarms.values() ?? [])];
    return alarms.sort((a, b) => compare(a.definition.AlarmName, b.definition.AlarmName));
  }

  /** Deletes the alarms; returns the names that do not exist, deleting nothing, when any is missing. */
  delete(accountId: string, names: string[], nowMs: number): string[] {
    const account = this.account(accountId);
    const missing = names.filter((name) => !account.alarms.has(name));
    if (missing.length > 0) return missing;
    for (const name of names) {
      const record = account.alarms.get(name);
      if (!record) continue;
      account.alarms.delete(name);
      this.record(account, {
        AlarmName: name,
        AlarmType: 'MetricAlarm',
        timestampMs: nowMs,
        HistoryItemType: 'ConfigurationUpdate',
        HistorySummary: `Alarm "${name}" deleted`,
        HistoryData: javaJson({ version: '1.0', type: 'Delete', deletedAlarm: configuration(record.definition) }),
      });
    }
    return [];
  }

  /** SetAlarmState: the state holds until the alarm's next evaluation, as in CloudWatch. */
  setState(accountId: string, name: string, next: Omit<AlarmState, 'updatedMs' | 'transitionedMs'>, nowMs: number) {
    const account = this.accounts.get(accountId);
    const record = account?.alarms.get(name);
    if (!account || !record) return false;
    this.transition(account, record, next, nowMs);
    return true;
  }

  history(accountId: string, filter: HistoryFilter): HistoryItem[] {
    const items = this.accounts.get(accountId)?.history ?? [];
    return items.filter(
      (item) =>
        (filter.alarmName === undefined || item.AlarmName === filter.alarmName) &&
        (filter.itemType === undefined || item.HistoryItemType === filter.itemType) &&
        (filter.startMs === undefined || item.timestampMs >= filter.startMs) &&
        (filter.endMs === undefined || item.timestampMs <= filter.endMs),
    );
  }

  /**
   * Evaluates every alarm whose period has ended since its last evaluation (all of them when `force`), at `nowMs`.
   * Returns how many were evaluated.
   */
  evaluate(nowMs: number, force = false): number {
    let evaluated = 0;
    for (const [accountId, account] of this.accounts) {
      for (const record of account.alarms.values()) {
        const period = record.definition.Period;
        const end = Math.floor(nowMs / 1000 / period) * period;
        if (!force && end <= record.evaluatedThrough) continue;
        record.evaluatedThrough = end;
        evaluated++;
        const change = evaluateAlarm(record.definition, this.range(accountId, record.definition, end), nowMs);
        if (change && change.state !== record.state.value) {
          this.transition(
            account,
            record,
            { value: change.state, reason: change.reason, reasonData: change.reasonData },
            nowMs,
          );
        }
      }
    }
    return evaluated;
  }

  /** The evaluation range ending at `end` (epoch seconds, a period boundary), oldest period first. */
  private range(accountId: string, alarm: AlarmDefinition, end: number): PeriodDatapoint[] {
    const periods = evaluationRangePeriods(alarm.EvaluationPeriods);
    const start = end - periods * alarm.Period;
    const identity = { namespace: alarm.Namespace, name: alarm.MetricName, dimensions: alarm.Dimensions };
    const points = this.store.points(accountId, identity, start, end, alarm.Unit);
    const statistic = parseStatistic(alarm.Statistic ?? alarm.ExtendedStatistic ?? '');
    const byStart = aggregateByPeriod(points, start, alarm.Period, statistic?.kind === 'percentile');
    const byPeriod = new Map(byStart.map(({ t, aggregate }) => [t, aggregate]));
    return Array.from({ length: periods }, (_, i) => {
      const t = start + i * alarm.Period;
      const aggregate = byPeriod.get(t);
      const value = aggregate && statistic ? computeStatistic(aggregate, statistic) : undefined;
      if (value === undefined || !aggregate) return { t };
      const lowSampleCount =
        statistic?.kind === 'percentile' &&
        alarm.EvaluateLowSampleCountPercentile === 'ignore' &&
        tooFewSamplesForPercentile(statistic.percent, aggregate.count);
      return { t, value, sampleCount: aggregate.count, ...(lowSampleCount ? { lowSampleCount } : {}) };
    });
  }

  private transition(
    account: Account,
    record: AlarmRecord,
    next: Omit<AlarmState, 'updatedMs' | 'transitionedMs'>,
    nowMs: number,
  ) {
    const previous = record.state;
    const changed = previous.value !== next.value;
    record.state = {
      ...next,
      updatedMs: nowMs,
      transitionedMs: changed ? nowMs : previous.transitionedMs,
    };
    if (!changed) return;
    this.record(account, {
      AlarmName: record.definition.AlarmName,
      AlarmType: 'MetricAlarm',
      timestampMs: nowMs,
      HistoryItemType: 'StateUpdate',
      HistorySummary: `Alarm updated from ${previous.value} to ${next.value}`,
      HistoryData: `{"version":"1.0","oldState":${stateJson(previous)},"newState":${stateJson(record.state)}}`,
    });
  }

  private record(account: Account, item: Omit<HistoryItem, 'seq'>) {
    account.history.push({ ...item, seq: this.nextSeq++ });
    const expired = account.history.findIndex(
      (kept) => kept.timestampMs >= item.timestampMs - this.limits.historyRetentionMs,
    );
    const excess = account.history.length - this.limits.maxHistoryPerAccount;
    const drop = Math.max(expired, excess, 0);
    if (drop > 0) account.history.splice(0, drop);
  }

  private account(accountId: string): Account {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = { alarms: new Map(), history: [] };
      this.accounts.set(accountId, account);
    }
    return account;
  }
}

// The state as HistoryData nests it: stateReasonData is the reason data's JSON itself, not a string of it.
function stateJson(state: AlarmState): string {
  const data = state.reasonData === undefined ? '' : `,"stateReasonData":${state.reasonData}`;
  return `{"stateValue":${JSON.stringify(state.value)},"stateReason":${JSON.stringify(state.reason)}${data}}`;
}

function configuration(definition: AlarmDefinition): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(definition).map(([name, value]) => [
      name.replace(/^[A-Z]+(?=[A-Z][a-z])|^[A-Z]/, (head) => head.toLowerCase()),
      value,
    ]),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
