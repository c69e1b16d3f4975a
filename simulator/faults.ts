import { z } from 'zod';
import type { AlarmState } from './sagemaker/endpoint-progress';
import type { ImageProfile } from './sagemaker/traffic-model';
import type { Faults } from './sagemaker/types';

/**
 * Simulator-only controls, read from one ConfigMap (by default `sagemaker-simulator` in the namespace of the
 * same name; SIM_FAULTS_NAMESPACE and SIM_FAULTS_CONFIGMAP change it). No product code reads them. Keys, each
 * holding JSON:
 *
 *   alarms      {"<CloudWatch alarm name>": "OK" | "ALARM" | "INSUFFICIENT_DATA"}
 *               a manual state, which wins over what CloudWatch says of the alarm
 *   endpoints   {"<SageMaker endpoint name>": {
 *                  "failCreate": "<failureReason>",    the next create ends Failed with this reason
 *                  "failUpdate": "<failureReason>",    updates fail before traffic shifts; SageMaker stays on the old config
 *                  "failRollback": true,               a rolled-back rolling update ends UpdateRollbackFailed
 *                  "deletedInAwsAfter": "<RFC 3339>",  the endpoint, if created before then, vanishes from AWS
 *                  "createError": {"code", "message"}, CreateEndpoint answers this error (a terminal code: C10)
 *                  "updateError": {"code", "message"}, UpdateEndpoint answers this error (a terminal code: C8)
 *                  "describeError": {"code", "message"} DescribeEndpoint answers this error (C11)
 *               }}
 *   cloudwatchAlarms {"<alarm name>": {
 *                  "namespace": "AWS/SageMaker",       the default
 *                  "metricName": "Invocation5XXErrors",
 *                  "dimensions": {"EndpointName", "VariantName"?, "EndpointConfigName"?},
 *                  "statistic": "Average" | "extendedStatistic": "p99",   one of the two
 *                  "periodSeconds": 60, "evaluationPeriods": 1, "datapointsToAlarm"?: 1,
 *                  "threshold": 0.05, "comparisonOperator": "GreaterThanThreshold",
 *                  "treatMissingData"?: "missing" | "notBreaching" | "breaching" | "ignore"
 *               }}
 *               alarms the simulator creates in CloudWatch (PutMetricAlarm) and deletes once they leave this key
 *   images      {"<image reference>": {"modelLatencyMs", "latencyJitterMs"?, "errorRate5xx", "errorRate4xx"}}
 *               how a model image behaves in the published metrics; rates are fractions (0.09 is 9 %)
 *   traffic     {"<SageMaker endpoint name>": {"requestsPerMinute"}}  the load, instead of SIM_REQUESTS_PER_MINUTE
 * Terminal codes are those of the controller's terminal_codes: InvalidParameterCombination,
 * InvalidParameterValue, MissingParameter (docs/ack-behaviour.md §8.4, §13.6).
 */
const alarmsSchema = z.record(z.string(), z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']));
const apiErrorSchema = z.strictObject({ code: z.string().min(1), message: z.string().min(1) });
const endpointFaultsSchema = z.record(
  z.string(),
  z.strictObject({
    failCreate: z.string().min(1).optional(),
    failUpdate: z.string().min(1).optional(),
    failRollback: z.boolean().optional(),
    deletedInAwsAfter: z.iso.datetime({ offset: true }).optional(),
    createError: apiErrorSchema.optional(),
    updateError: apiErrorSchema.optional(),
    describeError: apiErrorSchema.optional(),
  }),
);
export type EndpointFaults = z.infer<typeof endpointFaultsSchema>;

const positiveInt = z.number().int().positive();
const cloudWatchAlarmSchema = z
  .strictObject({
    namespace: z.string().min(1).default('AWS/SageMaker'),
    metricName: z.string().min(1),
    dimensions: z.strictObject({
      EndpointName: z.string().min(1),
      VariantName: z.string().min(1).optional(),
      EndpointConfigName: z.string().min(1).optional(),
    }),
    statistic: z.enum(['Average', 'Sum', 'SampleCount', 'Minimum', 'Maximum']).optional(),
    extendedStatistic: z
      .string()
      .regex(/^p\d{1,2}(\.\d{1,2})?$/, 'a percentile such as p99')
      .optional(),
    periodSeconds: positiveInt,
    evaluationPeriods: positiveInt,
    datapointsToAlarm: positiveInt.optional(),
    threshold: z.number(),
    comparisonOperator: z.enum([
      'GreaterThanOrEqualToThreshold',
      'GreaterThanThreshold',
      'LessThanThreshold',
      'LessThanOrEqualToThreshold',
    ]),
    treatMissingData: z.enum(['breaching', 'notBreaching', 'ignore', 'missing']).optional(),
  })
  .refine((alarm) => (alarm.statistic === undefined) !== (alarm.extendedStatistic === undefined), {
    message: 'give exactly one of statistic and extendedStatistic',
  })
  .refine((alarm) => alarm.datapointsToAlarm === undefined || alarm.datapointsToAlarm <= alarm.evaluationPeriods, {
    message: 'datapointsToAlarm cannot exceed evaluationPeriods',
  });
export type CloudWatchAlarmSpec = z.infer<typeof cloudWatchAlarmSchema>;
const cloudWatchAlarmsSchema = z.record(z.string().min(1).max(255), cloudWatchAlarmSchema);

const rate = z.number().min(0).max(1);
const imagesSchema = z.record(
  z.string().min(1),
  z.strictObject({
    modelLatencyMs: z.number().positive(),
    latencyJitterMs: z.number().nonnegative().optional(),
    errorRate5xx: rate,
    errorRate4xx: rate,
  }),
);
const trafficSchema = z.record(z.string().min(1), z.strictObject({ requestsPerMinute: z.number().nonnegative() }));

const parsed = (data: Record<string, string> | undefined, key: string) => JSON.parse(data?.[key] ?? '{}') as unknown;

/** The current controls; an invalid ConfigMap is reported and leaves the previous controls in place. */
export class FaultControls {
  private alarms: Record<string, AlarmState> = {};
  private endpoints: EndpointFaults = {};
  private alarmSpecs: Record<string, CloudWatchAlarmSpec> = {};
  private images: Record<string, ImageProfile> = {};
  private traffic: Record<string, { requestsPerMinute: number }> = {};

  /** `changed` runs after every ConfigMap that was read, so CloudWatch alarms follow it. */
  constructor(
    private readonly log: (message: string) => void,
    private readonly changed: () => void = () => {},
  ) {}

  /** Reads a ConfigMap's data; returns the endpoint faults so out-of-band deletions can be applied. */
  update(data: Record<string, string> | undefined): EndpointFaults {
    try {
      // Every key is checked before any is taken, so a bad one leaves all of the previous controls.
      const next = {
        alarms: alarmsSchema.parse(parsed(data, 'alarms')),
        endpoints: endpointFaultsSchema.parse(parsed(data, 'endpoints')),
        alarmSpecs: cloudWatchAlarmsSchema.parse(parsed(data, 'cloudwatchAlarms')),
        images: imagesSchema.parse(parsed(data, 'images')),
        traffic: trafficSchema.parse(parsed(data, 'traffic')),
      };
      Object.assign(this, next);
      this.changed();
    } catch (error) {
      this.log(`ignoring invalid fault controls: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.endpoints;
  }

  /** The state set by hand for an alarm, if any. */
  alarmOverride = (alarmName: string): AlarmState | undefined => this.alarms[alarmName];

  faultsFor = (endpointName: string): Faults => {
    const { deletedInAwsAfter: _deletedInAwsAfter, ...faults } = this.endpoints[endpointName] ?? {};
    return faults;
  };

  /** The alarms to keep in CloudWatch, by name. */
  cloudWatchAlarms = (): Record<string, CloudWatchAlarmSpec> => this.alarmSpecs;

  imageProfile = (image: string): ImageProfile | undefined => this.images[image];

  requestsPerMinute = (endpointName: string): number | undefined => this.traffic[endpointName]?.requestsPerMinute;
}
