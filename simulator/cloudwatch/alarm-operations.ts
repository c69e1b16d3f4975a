// PutMetricAlarm, DescribeAlarms, DescribeAlarmHistory, SetAlarmState and DeleteAlarms for single-metric alarms.
import {
  alarmStateValues,
  comparisonOperators,
  treatMissingDataValues,
  type ComparisonOperator,
} from './alarm-evaluation';
import { historyItemTypes, type AlarmBook, type AlarmDefinition, type AlarmRecord } from './alarms';
import { CloudWatchError, invalidValue, missingParameter, validationError } from './errors';
import { Input } from './input';
import { isValidPeriod, readDimensions, standardUnits, type CallContext } from './metric-operations';
import { decodeToken, encodeToken, requestFingerprint } from './next-token';
import { isPercentile, simpleStatistics } from './statistics';
import { epochSeconds } from './wire';

export function putMetricAlarm(alarms: AlarmBook, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  const name = input.string('AlarmName', { min: 1, max: 255 });
  if (/[\u0000-\u001f\u007f]/.test(name)) throw invalidValue('Alarm names must not contain ASCII control characters.');
  if (input.has('Metrics') || input.has('ThresholdMetricId')) {
    throw validationError(
      'The simulated CloudWatch supports single-metric alarms only (no Metrics or ThresholdMetricId).',
    );
  }
  const statistic = input.optionalEnum('Statistic', simpleStatistics);
  const extendedStatistic = input.optionalString('ExtendedStatistic');
  if ((statistic === undefined) === (extendedStatistic === undefined)) {
    throw new CloudWatchError(
      'InvalidParameterCombination',
      'Exactly one of the parameters Statistic and ExtendedStatistic must be specified.',
    );
  }
  if (extendedStatistic !== undefined && !isPercentile(extendedStatistic)) {
    throw invalidValue(
      `The value ${extendedStatistic} for parameter ExtendedStatistic is not valid: the simulated CloudWatch computes percentiles (p0.0 to p100).`,
    );
  }
  // CloudWatch's alarms take 10, 20, 30 or a multiple of 60 seconds; the simulator also takes 1 and 5 so that tests
  // can watch alarms change state within seconds.
  const period = input.number('Period', { integer: true, min: 1 });
  if (!isValidPeriod(period)) {
    throw invalidValue(`The parameter Period must be 1, 5, 10, 20, 30, or a multiple of 60; got ${period}.`);
  }
  const evaluationPeriods = input.number('EvaluationPeriods', { integer: true, min: 1 });
  if (evaluationPeriods * period > 86_400) {
    throw validationError(
      'Metrics cannot be checked across more than a day (EvaluationPeriods * Period must be <= 86400).',
    );
  }
  const datapointsToAlarm = input.optionalNumber('DatapointsToAlarm', { integer: true, min: 1 });
  if (datapointsToAlarm !== undefined && datapointsToAlarm > evaluationPeriods) {
    throw validationError('DatapointsToAlarm must be less than or equal to EvaluationPeriods.');
  }
  const comparison = input.string('ComparisonOperator');
  if (!(comparison in comparisonOperators)) {
    throw invalidValue(
      `The value ${comparison} for parameter ComparisonOperator is not valid: the simulated CloudWatch supports ${Object.keys(comparisonOperators).join(', ')}.`,
    );
  }
  const lowSampleCount = input.optionalEnum('EvaluateLowSampleCountPercentile', ['evaluate', 'ignore']);
  if (lowSampleCount !== undefined && extendedStatistic === undefined) {
    throw validationError(
      'EvaluateLowSampleCountPercentile applies only to alarms on a percentile (ExtendedStatistic).',
    );
  }
  const definition: AlarmDefinition = {
    AlarmName: name,
    AlarmDescription: input.optionalString('AlarmDescription', { max: 1024 }),
    ActionsEnabled: input.optionalBoolean('ActionsEnabled') ?? true,
    OKActions: input.strings('OKActions', { max: 5 }),
    AlarmActions: input.strings('AlarmActions', { max: 5 }),
    InsufficientDataActions: input.strings('InsufficientDataActions', { max: 5 }),
    Namespace: input.string('Namespace', { min: 1, max: 255 }),
    MetricName: input.string('MetricName', { min: 1, max: 255 }),
    Dimensions: readDimensions(input),
    Statistic: statistic,
    ExtendedStatistic: extendedStatistic,
    Period: period,
    Unit: input.optionalEnum('Unit', standardUnits),
    EvaluationPeriods: evaluationPeriods,
    DatapointsToAlarm: datapointsToAlarm,
    Threshold: input.number('Threshold'),
    ComparisonOperator: comparison as ComparisonOperator,
    TreatMissingData: input.optionalEnum('TreatMissingData', treatMissingDataValues),
    EvaluateLowSampleCountPercentile: lowSampleCount,
  };
  alarms.put(context.accountId, definition, context.nowMs);
  return {};
}

export function describeAlarms(alarms: AlarmBook, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  const names = input.strings('AlarmNames', { max: 100 });
  const prefix = input.optionalString('AlarmNamePrefix', { min: 1, max: 255 });
  if (names.length > 0 && prefix !== undefined) {
    throw new CloudWatchError(
      'InvalidParameterCombination',
      'The parameters AlarmNames and AlarmNamePrefix are mutually exclusive and you have specified both.',
    );
  }
  const types = input.strings('AlarmTypes', { max: 2 });
  for (const type of types) {
    if (type !== 'MetricAlarm' && type !== 'CompositeAlarm') {
      throw invalidValue(
        `The value ${type} for parameter AlarmTypes is not valid. Valid values: CompositeAlarm, MetricAlarm.`,
      );
    }
  }
  const state = input.optionalEnum('StateValue', alarmStateValues);
  const actionPrefix = input.optionalString('ActionPrefix', { min: 1, max: 1024 });
  const maxRecords = input.optionalNumber('MaxRecords', { integer: true, min: 1, max: 100 }) ?? 50;
  // Only composite alarms have children or parents; the simulator has none.
  const compositeOnly = input.has('ChildrenOfAlarmName') || input.has('ParentsOfAlarmName');
  const wantMetricAlarms = (types.length === 0 || types.includes('MetricAlarm')) && !compositeOnly;

  const matching = wantMetricAlarms
    ? alarms.list(context.accountId).filter(({ definition, state: current }) => {
        if (names.length > 0 && !names.includes(definition.AlarmName)) return false;
        if (prefix !== undefined && !definition.AlarmName.startsWith(prefix)) return false;
        if (state !== undefined && current.value !== state) return false;
        const actions = [...definition.AlarmActions, ...definition.OKActions, ...definition.InsufficientDataActions];
        return actionPrefix === undefined || actions.some((action) => action.startsWith(actionPrefix));
      })
    : [];
  const fingerprint = requestFingerprint(body as Record<string, unknown>);
  const token = input.optionalString('NextToken');
  const after = token === undefined ? undefined : decodeToken(token, fingerprint);
  if (after !== undefined && typeof after !== 'string') {
    throw new CloudWatchError('InvalidNextToken', 'The next token specified is invalid.');
  }
  const remaining = after === undefined ? matching : matching.filter(({ definition }) => definition.AlarmName > after);
  const page = remaining.slice(0, maxRecords);
  const last = page[page.length - 1];
  return {
    ...(types.includes('CompositeAlarm') ? { CompositeAlarms: [] } : {}),
    MetricAlarms: page.map(metricAlarm),
    ...(remaining.length > page.length && last
      ? { NextToken: encodeToken(fingerprint, last.definition.AlarmName) }
      : {}),
  };
}

/** An alarm as DescribeAlarms answers it (MetricAlarm). */
function metricAlarm(record: AlarmRecord): object {
  const { definition, state } = record;
  return {
    AlarmName: definition.AlarmName,
    AlarmArn: record.arn,
    AlarmDescription: definition.AlarmDescription,
    AlarmConfigurationUpdatedTimestamp: epochSeconds(record.configurationUpdatedMs),
    ActionsEnabled: definition.ActionsEnabled,
    OKActions: definition.OKActions,
    AlarmActions: definition.AlarmActions,
    InsufficientDataActions: definition.InsufficientDataActions,
    StateValue: state.value,
    StateReason: state.reason,
    StateReasonData: state.reasonData,
    StateUpdatedTimestamp: epochSeconds(state.updatedMs),
    MetricName: definition.MetricName,
    Namespace: definition.Namespace,
    Statistic: definition.Statistic,
    ExtendedStatistic: definition.ExtendedStatistic,
    Dimensions: definition.Dimensions,
    Period: definition.Period,
    Unit: definition.Unit,
    EvaluationPeriods: definition.EvaluationPeriods,
    DatapointsToAlarm: definition.DatapointsToAlarm,
    Threshold: definition.Threshold,
    ComparisonOperator: definition.ComparisonOperator,
    TreatMissingData: definition.TreatMissingData,
    EvaluateLowSampleCountPercentile: definition.EvaluateLowSampleCountPercentile,
    StateTransitionedTimestamp: epochSeconds(state.transitionedMs),
  };
}

export function describeAlarmHistory(alarms: AlarmBook, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  const alarmName = input.optionalString('AlarmName', { min: 1, max: 255 });
  const types = input.strings('AlarmTypes', { max: 2 });
  const itemType = input.optionalEnum('HistoryItemType', historyItemTypes);
  const startMs = input.optionalTimestamp('StartDate');
  const endMs = input.optionalTimestamp('EndDate');
  const maxRecords = input.optionalNumber('MaxRecords', { integer: true, min: 1, max: 100 }) ?? 100;
  const descending =
    (input.optionalEnum('ScanBy', ['TimestampDescending', 'TimestampAscending']) ?? 'TimestampDescending') ===
    'TimestampDescending';
  const wantMetricAlarms = types.length === 0 || types.includes('MetricAlarm');
  const items = wantMetricAlarms
    ? alarms.history(context.accountId, { alarmName, itemType, startMs, endMs }).map((item, index) => ({ item, index }))
    : [];
  if (descending) items.reverse();

  const fingerprint = requestFingerprint(body as Record<string, unknown>);
  const token = input.optionalString('NextToken');
  const after = token === undefined ? undefined : decodeToken(token, fingerprint);
  if (after !== undefined && typeof after !== 'number') {
    throw new CloudWatchError('InvalidNextToken', 'The next token specified is invalid.');
  }
  const remaining =
    after === undefined ? items : items.filter(({ item }) => (descending ? item.seq < after : item.seq > after));
  const page = remaining.slice(0, maxRecords);
  const last = page[page.length - 1];
  return {
    AlarmHistoryItems: page.map(({ item }) => ({
      AlarmName: item.AlarmName,
      AlarmType: item.AlarmType,
      Timestamp: epochSeconds(item.timestampMs),
      HistoryItemType: item.HistoryItemType,
      HistorySummary: item.HistorySummary,
      HistoryData: item.HistoryData,
    })),
    ...(remaining.length > page.length && last ? { NextToken: encodeToken(fingerprint, last.item.seq) } : {}),
  };
}

export function setAlarmState(alarms: AlarmBook, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  const name = input.string('AlarmName', { min: 1, max: 255 });
  const value = input.enumValue('StateValue', alarmStateValues);
  const reason = input.string('StateReason', { min: 0, max: 1023 });
  const reasonData = input.optionalString('StateReasonData', { max: 4000 });
  if (reasonData !== undefined) {
    try {
      JSON.parse(reasonData);
    } catch {
      throw new CloudWatchError('InvalidFormat', 'The parameter StateReasonData must be valid JSON.');
    }
  }
  const found = alarms.setState(context.accountId, name, { value, reason, reasonData }, context.nowMs);
  if (!found) throw new CloudWatchError('ResourceNotFound', `Alarm ${name} not found`);
  return {};
}

export function deleteAlarms(alarms: AlarmBook, body: unknown, context: CallContext): object {
  const input = Input.of(body);
  const names = input.strings('AlarmNames', { max: 100 });
  if (names.length === 0) throw missingParameter('AlarmNames');
  const missing = alarms.delete(context.accountId, names, context.nowMs);
  if (missing.length > 0) {
    throw new CloudWatchError(
      'ResourceNotFound',
      `${missing.length} of the alarms given do not exist, so none were deleted: ${missing.join(', ')}`,
    );
  }
  return {};
}
