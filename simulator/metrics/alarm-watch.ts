import { DescribeAlarmsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { AlarmState } from '../sagemaker/endpoint-progress';
import { describeError } from './metrics-publisher';
import { throttledLog } from './throttled-log';

// DescribeAlarms takes at most 100 names a call and answers at most 100 alarms a page.
const namesPerCall = 100;
const states = new Set<string>(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

/**
 * The guardrail's view of CloudWatch: SageMaker reads the states of a deployment's alarms while it shifts
 * traffic and bakes. `poll` asks DescribeAlarms for the alarms of the deployments in flight and keeps the
 * answer; `state` answers synchronously from it, so describing an endpoint never waits on CloudWatch. An alarm
 * CloudWatch does not have has no state. A failed poll keeps the previous answer.
 */
export class AlarmWatch {
  private known = new Map<string, AlarmState>();
  private polling: Promise<void> | undefined;
  private readonly failed: (message: string) => void;

  constructor(
    private readonly client: Pick<CloudWatchClient, 'send'>,
    private readonly names: () => string[],
    log: (message: string) => void,
  ) {
    this.failed = throttledLog(log, 60_000);
  }

  state = (alarmName: string): AlarmState | undefined => this.known.get(alarmName);

  poll(): Promise<void> {
    this.polling ??= this.read().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async read(): Promise<void> {
    const names = [...new Set(this.names())];
    const next = new Map<string, AlarmState>();
    try {
      for (let from = 0; from < names.length; from += namesPerCall) {
        let nextToken: string | undefined;
        do {
          const page = await this.client.send(
            new DescribeAlarmsCommand({
              AlarmNames: names.slice(from, from + namesPerCall),
              AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
              MaxRecords: 100,
              NextToken: nextToken,
            }),
          );
          for (const alarm of [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])]) {
            if (alarm.AlarmName && alarm.StateValue && states.has(alarm.StateValue))
              next.set(alarm.AlarmName, alarm.StateValue as AlarmState);
          }
          nextToken = page.NextToken;
        } while (nextToken);
      }
    } catch (error) {
      this.failed(`DescribeAlarms failed, keeping the last answer: ${describeError(error)}`);
      return;
    }
    this.known = next;
  }
}
