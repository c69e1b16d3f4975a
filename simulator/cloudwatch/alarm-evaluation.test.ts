import { describe, expect, it } from 'vitest';
import { evaluateAlarm, type EvaluatedAlarm, type PeriodDatapoint, type TreatMissingData } from './alarm-evaluation';
import { javaDouble, reasonTime } from './reason-format';

const t0 = Date.parse('2026-06-12T14:00:00Z') / 1000;
const nowMs = Date.parse('2026-06-12T14:05:02.250Z');

const alarm = (overrides: Partial<EvaluatedAlarm> = {}): EvaluatedAlarm => ({
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 3,
  Threshold: 5,
  ComparisonOperator: 'GreaterThanThreshold',
  ...overrides,
});

/** A row of the user guide's tables, oldest first: 0 within the threshold, X breaching, - missing. */
function row(pattern: string): PeriodDatapoint[] {
  return pattern.split(' ').map((cell, i) => {
    const t = t0 + i * 60;
    if (cell === '-') return { t };
    return { t, value: cell === 'X' ? 9 : 1, sampleCount: 1 };
  });
}

const modes: TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
const outcome = (definition: EvaluatedAlarm, pattern: string) =>
  evaluateAlarm(definition, row(pattern), nowMs)?.state ?? 'keeps its state';

describe('alarm evaluation with missing data, as the CloudWatch user guide tabulates it', () => {
  // "How alarm state is evaluated when data is missing", first table: Datapoints to Alarm and Evaluation
  // Periods both 3; CloudWatch reads the 5 most recent datapoints. Columns: missing, ignore, breaching,
  // notBreaching.
  it.each([
    ['0 - X - X', ['OK', 'OK', 'OK', 'OK']],
    ['0 - - - -', ['OK', 'OK', 'OK', 'OK']],
    ['- - - - -', ['INSUFFICIENT_DATA', 'keeps its state', 'ALARM', 'OK']],
    ['0 X X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['- - - - X', ['INSUFFICIENT_DATA', 'keeps its state', 'ALARM', 'OK']],
    ['X - - - -', ['ALARM', 'keeps its state', 'ALARM', 'OK']],
  ])('3 out of 3, datapoints %s', (pattern, expected) => {
    const states = modes.map((mode) => outcome(alarm({ TreatMissingData: mode }), pattern));
    expect(states).toEqual(expected);
  });

  // The second table: a 2 out of 3 alarm.
  it.each([
    ['0 - X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 0 X 0 X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 - X - -', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - - 0', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - - X', ['INSUFFICIENT_DATA', 'keeps its state', 'ALARM', 'OK']],
  ])('2 out of 3, datapoints %s', (pattern, expected) => {
    const states = modes.map((mode) => outcome(alarm({ DatapointsToAlarm: 2, TreatMissingData: mode }), pattern));
    expect(states).toEqual(expected);
  });

  it('treats missing data as `missing` when TreatMissingData is not set', () => {
    expect(outcome(alarm(), '- - - - -')).toBe('INSUFFICIENT_DATA');
  });

  it('takes only the most recent EvaluationPeriods datapoints when there are enough', () => {
    expect(outcome(alarm({ EvaluationPeriods: 2, DatapointsToAlarm: 2 }), 'X 0 0 X X')).toBe('ALARM');
    expect(outcome(alarm({ EvaluationPeriods: 2, DatapointsToAlarm: 2 }), 'X X X X 0')).toBe('OK');
  });

  it('compares with each operator as named', () => {
    const at = (value: number) => [{ t: t0, value, sampleCount: 1 }];
    const state = (ComparisonOperator: EvaluatedAlarm['ComparisonOperator'], value: number) =>
      evaluateAlarm(alarm({ EvaluationPeriods: 1, ComparisonOperator }), at(value), nowMs)?.state;
    expect([state('GreaterThanThreshold', 5), state('GreaterThanOrEqualToThreshold', 5)]).toEqual(['OK', 'ALARM']);
    expect([state('LessThanThreshold', 5), state('LessThanOrEqualToThreshold', 5)]).toEqual(['OK', 'ALARM']);
    expect(state('LessThanThreshold', 4.9)).toBe('ALARM');
  });

  it('keeps its state while a percentile set to ignore low sample counts has too few samples', () => {
    const lowSamples = [{ t: t0, value: 900, sampleCount: 3, lowSampleCount: true }];
    expect(evaluateAlarm(alarm({ EvaluationPeriods: 1, ExtendedStatistic: 'p99' }), lowSamples, nowMs)).toBeUndefined();
  });
});

describe('state reasons, written as CloudWatch writes them', () => {
  const twoOfTwo = alarm({ EvaluationPeriods: 2, DatapointsToAlarm: 2 });
  const datapoints = [
    { t: t0 + 60, value: 8.7, sampleCount: 12 },
    { t: t0 + 120, value: 9.1, sampleCount: 10 },
  ];

  it('an M out of N transition to ALARM lists the breaching datapoints, newest first', () => {
    const change = evaluateAlarm(twoOfTwo, datapoints, nowMs);
    expect(change?.state).toBe('ALARM');
    expect(change?.reason).toBe(
      'Threshold Crossed: 2 out of the last 2 datapoints [9.1 (12/06/26 14:02:00), 8.7 (12/06/26 14:01:00)] were ' +
        'greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).',
    );
    expect(JSON.parse(change?.reasonData ?? '')).toEqual({
      version: '1.0',
      queryDate: '2026-06-12T14:05:02.250+0000',
      startDate: '2026-06-12T14:01:00.000+0000',
      statistic: 'Average',
      period: 60,
      recentDatapoints: [8.7, 9.1],
      threshold: 5,
      evaluatedDatapoints: [
        { timestamp: '2026-06-12T14:02:00.000+0000', sampleCount: 10, value: 9.1 },
        { timestamp: '2026-06-12T14:01:00.000+0000', sampleCount: 12, value: 8.7 },
      ],
    });
    // Java doubles: the threshold and counts keep their ".0".
    expect(change?.reasonData).toContain('"threshold":5.0,');
    expect(change?.reasonData).toContain('"sampleCount":10.0,');
  });

  it('a transition to OK lists the datapoints within the threshold and the minimum for ALARM -> OK', () => {
    const change = evaluateAlarm(
      twoOfTwo,
      [datapoints[0] as PeriodDatapoint, { t: t0 + 120, value: 0, sampleCount: 1 }],
      nowMs,
    );
    expect(change?.reason).toBe(
      'Threshold Crossed: 1 out of the last 2 datapoints [0.0 (12/06/26 14:02:00)] was not greater than the ' +
        'threshold (5.0) (minimum 1 datapoint for ALARM -> OK transition).',
    );
  });

  it('an alarm without DatapointsToAlarm words it without "out of the last"', () => {
    const change = evaluateAlarm(
      alarm({ EvaluationPeriods: 1, Threshold: 0 }),
      [{ t: t0 + 120, value: 1, sampleCount: 1 }],
      nowMs,
    );
    expect(change?.reason).toBe(
      'Threshold Crossed: 1 datapoint [1.0 (12/06/26 14:02:00)] was greater than the threshold (0.0).',
    );
  });

  it('no data at all is INSUFFICIENT_DATA, naming the unknown datapoints', () => {
    const change = evaluateAlarm(alarm(), row('- - - - -'), nowMs);
    expect(change?.reason).toBe('Insufficient Data: 3 datapoints were unknown.');
    const data = JSON.parse(change?.reasonData ?? '');
    expect(data.recentDatapoints).toEqual([]);
    expect(data.startDate).toBeUndefined();
    expect(data.evaluatedDatapoints).toEqual([
      { timestamp: '2026-06-12T14:04:00.000+0000' },
      { timestamp: '2026-06-12T14:03:00.000+0000' },
      { timestamp: '2026-06-12T14:02:00.000+0000' },
    ]);
  });

  it('missing data treated as breaching says so', () => {
    const change = evaluateAlarm(alarm({ TreatMissingData: 'breaching' }), row('- - - - -'), nowMs);
    expect(change?.reason).toBe(
      'Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].',
    );
  });
});

describe('numbers and times as a Java service prints them', () => {
  it.each([
    [10, '10.0'],
    [0, '0.0'],
    [-2, '-2.0'],
    [0.01758096118768056, '0.01758096118768056'],
    [1e-4, '1.0E-4'],
    [0.00123, '0.00123'],
    [9_999_999, '9999999.0'],
    [12_345_678, '1.2345678E7'],
    [1.5e21, '1.5E21'],
  ])('%d as %s', (value, text) => {
    expect(javaDouble(value)).toBe(text);
  });

  it('a datapoint time day first, to the second', () => {
    expect(reasonTime(Date.parse('2026-12-06T14:02:09Z') / 1000)).toBe('06/12/26 14:02:09');
  });
});
