// The alarm operations with JSON inputs as the SDK sends them: filters, paging and refusals.
import { describe, expect, it } from 'vitest';
import { deleteAlarms, describeAlarmHistory, describeAlarms, putMetricAlarm, setAlarmState } from './alarm-operations';
import { AlarmBook } from './alarms';
import { MetricStore } from './metric-store';
import { refusal } from './refusal.test-support';

const context = { accountId: '123456789012', nowMs: Date.parse('2026-06-12T14:00:00Z') };

const alarmInput = (AlarmName: string, overrides: Record<string, unknown> = {}) => ({
  AlarmName,
  Namespace: 'AWS/SageMaker',
  MetricName: 'Invocation5XXErrors',
  Dimensions: [{ Name: 'EndpointName', Value: 'scorer' }],
  Statistic: 'Sum',
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 1,
  ComparisonOperator: 'GreaterThanOrEqualToThreshold',
  ...overrides,
});

function bookWith(names: string[]): AlarmBook {
  const alarms = new AlarmBook(new MetricStore(), 'us-west-2');
  for (const name of names) putMetricAlarm(alarms, alarmInput(name), context);
  return alarms;
}

interface Described {
  MetricAlarms: Array<{ AlarmName: string; StateValue: string }>;
  NextToken?: string;
}

describe('DescribeAlarms', () => {
  it('pages through the alarms by name, MaxRecords at a time', () => {
    const alarms = bookWith(['c', 'a', 'e', 'b', 'd']);
    const names: string[][] = [];
    let token: string | undefined;
    do {
      const page = describeAlarms(alarms, { MaxRecords: 2, NextToken: token }, context) as Described;
      names.push(page.MetricAlarms.map((alarm) => alarm.AlarmName));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('filters by names, by prefix and by state', () => {
    const alarms = bookWith(['scorer-5xx', 'scorer-latency', 'ranker-5xx']);
    setAlarmState(alarms, { AlarmName: 'ranker-5xx', StateValue: 'ALARM', StateReason: 'testing' }, context);
    const names = (input: Record<string, unknown>) =>
      (describeAlarms(alarms, input, context) as Described).MetricAlarms.map((alarm) => alarm.AlarmName);
    expect(names({ AlarmNames: ['ranker-5xx', 'absent'] })).toEqual(['ranker-5xx']);
    expect(names({ AlarmNamePrefix: 'scorer-' })).toEqual(['scorer-5xx', 'scorer-latency']);
    expect(names({ StateValue: 'ALARM' })).toEqual(['ranker-5xx']);
    expect(names({ AlarmTypes: ['CompositeAlarm'] })).toEqual([]);
  });

  it('refuses names and a prefix together, and an empty prefix, as CloudWatch does', () => {
    const alarms = bookWith(['a']);
    expect(refusal(() => describeAlarms(alarms, { AlarmNames: ['a'], AlarmNamePrefix: 'a' }, context)).code).toBe(
      'InvalidParameterCombination',
    );
    expect(refusal(() => describeAlarms(alarms, { AlarmNamePrefix: '' }, context)).code).toBe('InvalidParameterValue');
  });
});

describe('PutMetricAlarm', () => {
  it('refuses definitions CloudWatch refuses', () => {
    const alarms = bookWith([]);
    const refused = (overrides: Record<string, unknown>) =>
      refusal(() => putMetricAlarm(alarms, alarmInput('x', overrides), context)).code;
    expect(refused({ ExtendedStatistic: 'p99' })).toBe('InvalidParameterCombination');
    expect(refused({ Statistic: undefined })).toBe('InvalidParameterCombination');
    expect(refused({ Period: 45 })).toBe('InvalidParameterValue');
    expect(refused({ Period: 3600, EvaluationPeriods: 25 })).toBe('ValidationError');
    expect(refused({ EvaluationPeriods: 2, DatapointsToAlarm: 3 })).toBe('ValidationError');
    expect(refused({ ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold' })).toBe('InvalidParameterValue');
    expect(refused({ TreatMissingData: 'sometimes' })).toBe('InvalidParameterValue');
    expect(refused({ Metrics: [] })).toBe('ValidationError');
    expect(refused({ Threshold: undefined })).toBe('MissingParameter');
  });
});

describe('SetAlarmState, DeleteAlarms and DescribeAlarmHistory', () => {
  it('refuses a state for an alarm that does not exist, and reason data that is not JSON', () => {
    const alarms = bookWith(['a']);
    expect(
      refusal(() => setAlarmState(alarms, { AlarmName: 'b', StateValue: 'OK', StateReason: 'r' }, context)),
    ).toEqual({ code: 'ResourceNotFound', message: 'Alarm b not found' });
    expect(
      refusal(() =>
        setAlarmState(alarms, { AlarmName: 'a', StateValue: 'OK', StateReason: 'r', StateReasonData: '{' }, context),
      ).code,
    ).toBe('InvalidFormat');
  });

  it('deletes nothing when one of the names does not exist', () => {
    const alarms = bookWith(['a', 'b']);
    expect(refusal(() => deleteAlarms(alarms, { AlarmNames: ['a', 'z'] }, context)).code).toBe('ResourceNotFound');
    expect((describeAlarms(alarms, {}, context) as Described).MetricAlarms).toHaveLength(2);
    deleteAlarms(alarms, { AlarmNames: ['a', 'b'] }, context);
    expect((describeAlarms(alarms, {}, context) as Described).MetricAlarms).toHaveLength(0);
  });

  it('pages the history newest first, and oldest first with ScanBy TimestampAscending', () => {
    const alarms = bookWith([]);
    for (let i = 0; i < 3; i++) {
      putMetricAlarm(alarms, alarmInput(`a${i}`), { ...context, nowMs: context.nowMs + i * 1000 });
    }
    const pages = (input: Record<string, unknown>) => {
      const seen: string[][] = [];
      let token: string | undefined;
      do {
        const page = describeAlarmHistory(alarms, { ...input, MaxRecords: 2, NextToken: token }, context) as {
          AlarmHistoryItems: Array<{ AlarmName: string }>;
          NextToken?: string;
        };
        seen.push(page.AlarmHistoryItems.map((item) => item.AlarmName));
        token = page.NextToken;
      } while (token);
      return seen;
    };
    expect(pages({})).toEqual([['a2', 'a1'], ['a0']]);
    expect(pages({ ScanBy: 'TimestampAscending' })).toEqual([['a0', 'a1'], ['a2']]);
    expect(pages({ HistoryItemType: 'StateUpdate' })).toEqual([[]]);
  });
});
