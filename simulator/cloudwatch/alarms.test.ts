// Alarms over stored metrics as time passes: evaluated once per ended period, transitions recorded in the history
// as CloudWatch records them, SetAlarmState holding until the next evaluation.
import { describe, expect, it } from 'vitest';
import { AlarmBook, type AlarmDefinition } from './alarms';
import { MetricStore } from './metric-store';

const account = '123456789012';
const t0 = Date.parse('2026-06-12T14:00:00Z');
const seconds = (n: number) => t0 + n * 1000;
const dimensions = [{ Name: 'EndpointName', Value: 'scorer' }];

const definition = (overrides: Partial<AlarmDefinition> = {}): AlarmDefinition => ({
  AlarmName: 'scorer-5xx',
  ActionsEnabled: false,
  OKActions: [],
  AlarmActions: [],
  InsufficientDataActions: [],
  Namespace: 'AWS/SageMaker',
  MetricName: 'Invocation5XXErrors',
  Dimensions: dimensions,
  Statistic: 'Maximum',
  Period: 1,
  EvaluationPeriods: 3,
  DatapointsToAlarm: 2,
  Threshold: 5,
  ComparisonOperator: 'GreaterThanThreshold',
  ...overrides,
});

function world() {
  const store = new MetricStore();
  const alarms = new AlarmBook(store, 'us-west-2');
  const publish = (atMs: number, value: number) =>
    store.put(
      account,
      { namespace: 'AWS/SageMaker', name: 'Invocation5XXErrors', dimensions },
      { timestampMs: atMs, unit: 'Count', storageResolution: 1, values: [[value, 1]] },
      atMs,
    );
  const state = (name = 'scorer-5xx') => alarms.get(account, name)?.state;
  const stateUpdates = () => alarms.history(account, { itemType: 'StateUpdate' }).map((item) => item.HistorySummary);
  return { store, alarms, publish, state, stateUpdates };
}

describe('alarms evaluated as periods end', () => {
  it('start INSUFFICIENT_DATA, go to ALARM on M of N breaching periods and back to OK, recording each change', () => {
    const { alarms, publish, state, stateUpdates } = world();
    alarms.put(account, definition(), seconds(0));
    expect(state()).toMatchObject({ value: 'INSUFFICIENT_DATA', reason: 'Unchecked: Initial alarm creation' });

    publish(seconds(0.2), 1);
    alarms.evaluate(seconds(1.05));
    expect(state()?.value).toBe('OK');

    publish(seconds(1.5), 9);
    alarms.evaluate(seconds(2.05));
    expect(state()?.value).toBe('OK'); // 1 of the last 3 breaching

    publish(seconds(2.5), 8);
    alarms.evaluate(seconds(3.05));
    expect(state()).toMatchObject({
      value: 'ALARM',
      reason:
        'Threshold Crossed: 2 out of the last 3 datapoints [8.0 (12/06/26 14:00:02), 9.0 (12/06/26 14:00:01)] were ' +
        'greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).',
      transitionedMs: seconds(3.05),
    });

    publish(seconds(3.5), 0);
    publish(seconds(4.5), 0);
    alarms.evaluate(seconds(5.05));
    expect(state()?.value).toBe('OK');
    expect(stateUpdates()).toEqual([
      'Alarm updated from INSUFFICIENT_DATA to OK',
      'Alarm updated from OK to ALARM',
      'Alarm updated from ALARM to OK',
    ]);
  });

  it('writes HistoryData with the old and new states and the reason data as JSON', () => {
    const { alarms, publish } = world();
    alarms.put(account, definition({ EvaluationPeriods: 1, DatapointsToAlarm: undefined }), seconds(0));
    publish(seconds(0.5), 7);
    alarms.evaluate(seconds(1.05));
    const [item] = alarms.history(account, { alarmName: 'scorer-5xx', itemType: 'StateUpdate' });
    expect(item).toMatchObject({
      AlarmType: 'MetricAlarm',
      HistorySummary: 'Alarm updated from INSUFFICIENT_DATA to ALARM',
    });
    const data = JSON.parse(item?.HistoryData ?? '');
    expect(data).toMatchObject({
      version: '1.0',
      oldState: { stateValue: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation' },
      newState: {
        stateValue: 'ALARM',
        stateReason: 'Threshold Crossed: 1 datapoint [7.0 (12/06/26 14:00:00)] was greater than the threshold (5.0).',
        stateReasonData: { statistic: 'Maximum', period: 1, recentDatapoints: [7], threshold: 5 },
      },
    });
  });

  it('evaluates an alarm once per ended period unless forced', () => {
    const { alarms } = world();
    alarms.put(account, definition({ Period: 60, EvaluationPeriods: 1, DatapointsToAlarm: undefined }), seconds(0));
    expect(alarms.evaluate(seconds(60.1))).toBe(1);
    expect(alarms.evaluate(seconds(90))).toBe(0);
    expect(alarms.evaluate(seconds(90), true)).toBe(1);
    expect(alarms.evaluate(seconds(120.1))).toBe(1);
  });

  it('goes to INSUFFICIENT_DATA when the data stops, with TreatMissingData missing', () => {
    const { alarms, publish, state } = world();
    alarms.put(account, definition({ EvaluationPeriods: 1, DatapointsToAlarm: undefined }), seconds(0));
    publish(seconds(0.5), 1);
    alarms.evaluate(seconds(1.05));
    expect(state()?.value).toBe('OK');
    alarms.evaluate(seconds(9.05));
    expect(state()).toMatchObject({
      value: 'INSUFFICIENT_DATA',
      reason: 'Insufficient Data: 1 datapoint was unknown.',
    });
  });

  it('keeps a state set with SetAlarmState until the next evaluation', () => {
    const { alarms, publish, state, stateUpdates } = world();
    alarms.put(account, definition({ EvaluationPeriods: 1, DatapointsToAlarm: undefined }), seconds(0));
    publish(seconds(0.5), 1);
    alarms.evaluate(seconds(1.05));
    expect(
      alarms.setState(account, 'scorer-5xx', { value: 'ALARM', reason: 'testing the rollback' }, seconds(1.5)),
    ).toBe(true);
    expect(state()).toMatchObject({ value: 'ALARM', reason: 'testing the rollback' });
    publish(seconds(1.6), 1);
    alarms.evaluate(seconds(2.05));
    expect(state()?.value).toBe('OK');
    expect(stateUpdates()).toEqual([
      'Alarm updated from INSUFFICIENT_DATA to OK',
      'Alarm updated from OK to ALARM',
      'Alarm updated from ALARM to OK',
    ]);
    expect(alarms.setState(account, 'no-such-alarm', { value: 'OK', reason: 'x' }, seconds(3))).toBe(false);
  });

  it('keeps the state when the definition is replaced, and records creation, update and deletion', () => {
    const { alarms, publish, state } = world();
    alarms.put(account, definition({ EvaluationPeriods: 1, DatapointsToAlarm: undefined }), seconds(0));
    publish(seconds(0.5), 9);
    alarms.evaluate(seconds(1.05));
    alarms.put(account, definition({ EvaluationPeriods: 1, DatapointsToAlarm: undefined, Threshold: 6 }), seconds(1.5));
    expect(state()?.value).toBe('ALARM');
    expect(alarms.delete(account, ['scorer-5xx', 'no-such-alarm'], seconds(2))).toEqual(['no-such-alarm']);
    expect(alarms.get(account, 'scorer-5xx')).toBeDefined();
    expect(alarms.delete(account, ['scorer-5xx'], seconds(2))).toEqual([]);
    const configuration = alarms.history(account, { itemType: 'ConfigurationUpdate' });
    expect(configuration.map((item) => item.HistorySummary)).toEqual([
      'Alarm "scorer-5xx" created',
      'Alarm "scorer-5xx" updated',
      'Alarm "scorer-5xx" deleted',
    ]);
    expect(JSON.parse(configuration[0]?.HistoryData ?? '')).toMatchObject({
      type: 'Create',
      createdAlarm: { alarmName: 'scorer-5xx', okActions: [], threshold: 5 },
    });
  });

  it('keeps each account’s alarms apart', () => {
    const { alarms } = world();
    alarms.put(account, definition(), seconds(0));
    expect(alarms.list('210987654321')).toEqual([]);
    expect(alarms.list(account).map((record) => record.arn)).toEqual([
      'arn:aws:cloudwatch:us-west-2:123456789012:alarm:scorer-5xx',
    ]);
  });

  it('bounds the history it keeps', () => {
    const store = new MetricStore();
    const alarms = new AlarmBook(store, 'us-west-2', { historyRetentionMs: 10_000, maxHistoryPerAccount: 3 });
    for (let i = 0; i < 5; i++) alarms.put(account, definition({ AlarmName: `a${i}` }), seconds(i));
    expect(alarms.history(account, {}).map((item) => item.AlarmName)).toEqual(['a2', 'a3', 'a4']);
    alarms.put(account, definition({ AlarmName: 'late' }), seconds(13));
    expect(alarms.history(account, {}).map((item) => item.AlarmName)).toEqual(['a3', 'a4', 'late']);
  });
});
