import { DeleteAlarmsCommand, PutMetricAlarmCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CloudWatchAlarmSpec } from '../faults';
import { describeError } from './metrics-publisher';
import { throttledLog } from './throttled-log';

// DeleteAlarms takes at most 100 names a call (CloudWatch API reference).
const deleteBatch = 100;

/**
 * Keeps CloudWatch's alarms in line with the fault ConfigMap's `cloudwatchAlarms`: puts each new or changed
 * one and deletes those it put that have gone. Alarms it did not create are left alone. What it put is
 * remembered for the life of the process only. A failed call is tried again at the next `sync`.
 */
export class AlarmDefinitions {
  private readonly applied = new Map<string, string>();
  private running: Promise<void> | undefined;
  private again = false;
  private readonly failed: (message: string) => void;

  constructor(
    private readonly client: Pick<CloudWatchClient, 'send'>,
    private readonly desired: () => Record<string, CloudWatchAlarmSpec>,
    private readonly log: (message: string) => void,
  ) {
    this.failed = throttledLog(log, 60_000);
  }

  /** Starts bringing CloudWatch in line; calls during a run make one more run afterwards. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.once();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async once(): Promise<void> {
    const desired = this.desired();
    for (const [name, spec] of Object.entries(desired)) {
      const definition = JSON.stringify(spec);
      if (this.applied.get(name) === definition) continue;
      try {
        await this.client.send(new PutMetricAlarmCommand(putInput(name, spec)));
        this.applied.set(name, definition);
        this.log(`CloudWatch alarm ${name} put`);
      } catch (error) {
        this.failed(`PutMetricAlarm ${name} failed, trying again later: ${describeError(error)}`);
      }
    }
    const gone = [...this.applied.keys()].filter((name) => !(name in desired));
    for (let from = 0; from < gone.length; from += deleteBatch) {
      const names = gone.slice(from, from + deleteBatch);
      try {
        await this.client.send(new DeleteAlarmsCommand({ AlarmNames: names }));
        names.forEach((name) => this.applied.delete(name));
        this.log(`CloudWatch alarm(s) ${names.join(', ')} deleted`);
      } catch (error) {
        this.failed(`DeleteAlarms failed, trying again later: ${describeError(error)}`);
      }
    }
  }
}

function putInput(name: string, spec: CloudWatchAlarmSpec) {
  return {
    AlarmName: name,
    AlarmDescription: 'Put by the SageMaker simulator from its fault controls (cloudwatchAlarms).',
    ActionsEnabled: false,
    Namespace: spec.namespace,
    MetricName: spec.metricName,
    Dimensions: Object.entries(spec.dimensions).flatMap(([Name, Value]) => (Value ? [{ Name, Value }] : [])),
    ...(spec.statistic ? { Statistic: spec.statistic } : { ExtendedStatistic: spec.extendedStatistic }),
    Period: spec.periodSeconds,
    EvaluationPeriods: spec.evaluationPeriods,
    DatapointsToAlarm: spec.datapointsToAlarm,
    Threshold: spec.threshold,
    ComparisonOperator: spec.comparisonOperator,
    TreatMissingData: spec.treatMissingData,
  };
}
