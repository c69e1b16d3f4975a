// One evaluation of a single-metric alarm, by the rules of the CloudWatch user guide ("Evaluating an alarm",
// "How alarm state is evaluated when data is missing", "Avoiding premature transitions to alarm state"), with its
// StateReason and StateReasonData written as CloudWatch writes them.
import { javaDouble, JavaDouble, javaJson, javaTimestamp, reasonTime } from './reason-format';

export const alarmStateValues = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;
export type AlarmStateValue = (typeof alarmStateValues)[number];

export const comparisonOperators = {
  GreaterThanOrEqualToThreshold: { test: (v: number, t: number) => v >= t, text: 'greater than or equal to' },
  GreaterThanThreshold: { test: (v: number, t: number) => v > t, text: 'greater than' },
  LessThanThreshold: { test: (v: number, t: number) => v < t, text: 'less than' },
  LessThanOrEqualToThreshold: { test: (v: number, t: number) => v <= t, text: 'less than or equal to' },
} as const;
export type ComparisonOperator = keyof typeof comparisonOperators;

export const treatMissingDataValues = ['breaching', 'notBreaching', 'ignore', 'missing'] as const;
export type TreatMissingData = (typeof treatMissingDataValues)[number];

/** What an evaluation needs to know of an alarm's definition. */
export interface EvaluatedAlarm {
  Statistic?: string;
  ExtendedStatistic?: string;
  Unit?: string;
  Period: number;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: ComparisonOperator;
  TreatMissingData?: TreatMissingData;
}

/** One period of the evaluation range: its start, and its statistic and sample count when it had data. */
export interface PeriodDatapoint {
  t: number;
  value?: number;
  sampleCount?: number;
  /** A percentile period with too few samples for an alarm set to ignore them (EvaluateLowSampleCountPercentile). */
  lowSampleCount?: boolean;
}

export interface StateChange {
  state: AlarmStateValue;
  reason: string;
  reasonData: string;
}

/**
 * How many periods an evaluation reads. AWS reads "a higher number of data points than Evaluation Periods",
 * depending on the period; the user guide's tables read 5 for 3 evaluation periods, which this follows.
 */
export function evaluationRangePeriods(evaluationPeriods: number): number {
  return evaluationPeriods + 2;
}

/**
 * The state the alarm should be in, or undefined when it keeps its current one (TreatMissingData `ignore` with
 * too little data, or percentiles on too few samples). `range` is the evaluation range, oldest period first.
 */
export function evaluateAlarm(alarm: EvaluatedAlarm, range: PeriodDatapoint[], nowMs: number): StateChange | undefined {
  const n = alarm.EvaluationPeriods;
  const m = alarm.DatapointsToAlarm ?? n;
  const mode = alarm.TreatMissingData ?? 'missing';
  const compare = comparisonOperators[alarm.ComparisonOperator];
  const breaches = (point: PeriodDatapoint) => compare.test(point.value as number, alarm.Threshold);
  const existing = range.filter((point) => point.value !== undefined);
  const recentPeriods = range.slice(-n);
  if (existing.some((point) => point.lowSampleCount)) return undefined;

  const text = new ReasonWriter(alarm, nowMs);
  if (existing.length === 0) {
    if (mode === 'ignore') return undefined;
    if (mode === 'missing') return text.insufficient(recentPeriods, n);
    return text.allMissing(mode === 'breaching' ? 'ALARM' : 'OK', recentPeriods, mode);
  }
  if (existing.length >= n) {
    const evaluated = existing.slice(-n);
    const breaching = evaluated.filter(breaches).length;
    return text.crossed(breaching >= m ? 'ALARM' : 'OK', evaluated, [], breaches);
  }
  // Fewer real datapoints than evaluation periods: every real one counts, and missing ones fill the rest only as
  // TreatMissingData says, as few times as possible.
  const breaching = existing.filter(breaches).length;
  const unfilledPeriods = recentPeriods.filter((point) => point.value === undefined);
  const fills = unfilledPeriods.slice(-(n - existing.length));
  if (mode === 'breaching' || mode === 'notBreaching') {
    const filledBreaching = breaching + (mode === 'breaching' ? fills.length : 0);
    return text.crossed(filledBreaching >= m ? 'ALARM' : 'OK', existing, fills, breaches, mode);
  }
  if (breaching >= m) return text.crossed('ALARM', existing, [], breaches);
  // A breach at least M periods old with nothing but breaches or gaps since goes to ALARM without waiting for M
  // datapoints; the user guide applies this to `missing` and keeps the state under `ignore`.
  const oldest = existing[0] as PeriodDatapoint;
  const oldestAge = range.length - range.indexOf(oldest);
  if (breaching === existing.length && oldestAge >= m) {
    return mode === 'missing' ? text.crossed('ALARM', existing, [], breaches) : undefined;
  }
  if (breaching < existing.length) return text.crossed('OK', existing, [], breaches);
  return mode === 'missing' ? text.insufficient(recentPeriods, n - existing.length) : undefined;
}

class ReasonWriter {
  constructor(
    private readonly alarm: EvaluatedAlarm,
    private readonly nowMs: number,
  ) {}

  /** Threshold Crossed: the datapoints that decided `state`, newest first, and the minimum M-of-N needs. */
  crossed(
    state: 'OK' | 'ALARM',
    evaluated: PeriodDatapoint[],
    fills: PeriodDatapoint[],
    breaches: (point: PeriodDatapoint) => boolean,
    mode?: 'breaching' | 'notBreaching',
  ): StateChange {
    const { alarm } = this;
    const n = alarm.EvaluationPeriods;
    const m = alarm.DatapointsToAlarm ?? n;
    const deciding = evaluated.filter((point) => breaches(point) === (state === 'ALARM')).reverse();
    const listed = deciding.map((point) => `${javaDouble(point.value as number)} (${reasonTime(point.t)})`);
    const counted =
      alarm.DatapointsToAlarm === undefined
        ? plural(deciding.length, 'datapoint')
        : `${deciding.length} out of the last ${n} datapoints`;
    const verb = deciding.length === 1 ? 'was' : 'were';
    const comparison = `${state === 'OK' ? 'not ' : ''}${comparisonOperators[alarm.ComparisonOperator].text}`;
    const filledText =
      mode && fills.length > 0
        ? `, and ${plural(fills.length, 'missing datapoint')} ${fills.length === 1 ? 'was' : 'were'} treated as [${treatedAs(mode)}]`
        : '';
    const minimum = state === 'ALARM' ? m : n - m + 1;
    const minimumText =
      alarm.DatapointsToAlarm === undefined
        ? ''
        : ` (minimum ${plural(minimum, 'datapoint')} for ${state === 'ALARM' ? 'OK -> ALARM' : 'ALARM -> OK'} transition)`;
    const reason =
      `Threshold Crossed: ${counted} [${listed.join(', ')}] ${verb} ${comparison} the threshold ` +
      `(${javaDouble(alarm.Threshold)})${filledText}${minimumText}.`;
    const all = [...evaluated, ...fills].sort((a, b) => a.t - b.t);
    return { state, reason, reasonData: this.data(all, all[0]?.t) };
  }

  insufficient(unknownPeriods: PeriodDatapoint[], unknown: number): StateChange {
    const reason = `Insufficient Data: ${plural(unknown, 'datapoint')} ${unknown === 1 ? 'was' : 'were'} unknown.`;
    return { state: 'INSUFFICIENT_DATA', reason, reasonData: this.data(unknownPeriods, undefined) };
  }

  allMissing(state: 'OK' | 'ALARM', periods: PeriodDatapoint[], mode: 'breaching' | 'notBreaching'): StateChange {
    const count = periods.length;
    const reason =
      `Threshold Crossed: no datapoints were received for ${plural(count, 'period')} and ` +
      `${plural(count, 'missing datapoint')} ${count === 1 ? 'was' : 'were'} treated as [${treatedAs(mode)}].`;
    return { state, reason, reasonData: this.data(periods, periods[0]?.t) };
  }

  private data(periods: PeriodDatapoint[], startT: number | undefined): string {
    const { alarm } = this;
    const real = periods.filter((point) => point.value !== undefined);
    return javaJson({
      version: '1.0',
      queryDate: javaTimestamp(this.nowMs),
      startDate: real.length > 0 && startT !== undefined ? javaTimestamp(startT * 1000) : undefined,
      unit: alarm.Unit,
      statistic: alarm.Statistic,
      extendedStatistic: alarm.ExtendedStatistic,
      period: alarm.Period,
      recentDatapoints: real.map((point) => new JavaDouble(point.value as number)),
      threshold: new JavaDouble(alarm.Threshold),
      evaluatedDatapoints: [...periods]
        .sort((a, b) => b.t - a.t)
        .map((point) => ({
          timestamp: javaTimestamp(point.t * 1000),
          sampleCount: point.value === undefined ? undefined : new JavaDouble(point.sampleCount ?? 0),
          value: point.value === undefined ? undefined : new JavaDouble(point.value),
        })),
    });
  }
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const treatedAs = (mode: 'breaching' | 'notBreaching') => (mode === 'breaching' ? 'Breaching' : 'NonBreaching');
