// The SIMULATED Amazon CloudWatch: the operations Fleetdeck and the simulated SageMaker use, over one metric
// store and one set of alarms per account, and who may call them.
import { deleteAlarms, describeAlarmHistory, describeAlarms, putMetricAlarm, setAlarmState } from './alarm-operations';
import { AlarmBook, defaultAlarmBookLimits, type AlarmBookLimits } from './alarms';
import { CloudWatchError } from './errors';
import { getMetricData, putMetricData, type CallContext } from './metric-operations';
import { defaultStoreLimits, MetricStore, type MetricStoreLimits } from './metric-store';

type Operation = (cloudwatch: SimulatedCloudWatch, body: unknown, context: CallContext) => object;

const operations: Record<string, Operation> = {
  PutMetricData: (cloudwatch, body, context) => putMetricData(cloudwatch.store, body, context),
  GetMetricData: (cloudwatch, body, context) => getMetricData(cloudwatch.store, body, context),
  PutMetricAlarm: (cloudwatch, body, context) => putMetricAlarm(cloudwatch.alarms, body, context),
  DescribeAlarms: (cloudwatch, body, context) => describeAlarms(cloudwatch.alarms, body, context),
  DescribeAlarmHistory: (cloudwatch, body, context) => describeAlarmHistory(cloudwatch.alarms, body, context),
  SetAlarmState: (cloudwatch, body, context) => setAlarmState(cloudwatch.alarms, body, context),
  DeleteAlarms: (cloudwatch, body, context) => deleteAlarms(cloudwatch.alarms, body, context),
};

export const simulatedOperations = Object.keys(operations);

export interface SimulatedCloudWatchOptions {
  region: string;
  storeLimits?: MetricStoreLimits;
  alarmLimits?: AlarmBookLimits;
}

export class SimulatedCloudWatch {
  readonly region: string;
  readonly store: MetricStore;
  readonly alarms: AlarmBook;

  constructor(options: SimulatedCloudWatchOptions) {
    this.region = options.region;
    this.store = new MetricStore(options.storeLimits ?? defaultStoreLimits);
    this.alarms = new AlarmBook(this.store, options.region, options.alarmLimits ?? defaultAlarmBookLimits);
  }

  /** Throws InvalidAction for an operation the simulator does not implement. */
  checkOperation(operation: string): void {
    if (!Object.hasOwn(operations, operation)) {
      throw new CloudWatchError(
        'InvalidAction',
        `The action ${operation} is not valid for this web service: the simulated CloudWatch implements ${simulatedOperations.join(', ')}.`,
      );
    }
  }

  /** The operation's output; throws a CloudWatchError for anything CloudWatch would refuse. */
  handle(operation: string, body: unknown, context: CallContext): object {
    this.checkOperation(operation);
    return (operations[operation] as Operation)(this, body, context);
  }
}

export interface Permissions {
  accountId: string;
  userName: string;
  /** Actions refused to this identity: `GetMetricData`, `cloudwatch:GetMetricData`, `cloudwatch:*` or `*`. */
  deny?: string[];
}

/** Throws AccessDenied, worded as IAM words it, when the identity may not call the operation. */
export function authorize(identity: Permissions, operation: string): void {
  const action = `cloudwatch:${operation}`;
  const denied = (identity.deny ?? []).some((entry) => [operation, action, 'cloudwatch:*', '*'].includes(entry));
  if (denied) {
    throw new CloudWatchError(
      'AccessDenied',
      `User: arn:aws:iam::${identity.accountId}:user/${identity.userName} is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`,
    );
  }
}
