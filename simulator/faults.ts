import { z } from 'zod';
import type { AlarmState } from './sagemaker/endpoint-progress';
import type { Faults } from './sagemaker/types';

/**
 * Simulator-only controls, read from one ConfigMap (by default `sagemaker-simulator` in the namespace of the
 * same name; SIM_FAULTS_NAMESPACE and SIM_FAULTS_CONFIGMAP change it). No product code reads them. Keys, each
 * holding JSON:
 *
 *   alarms      {"<CloudWatch alarm name>": "OK" | "ALARM" | "INSUFFICIENT_DATA"}
 *   endpoints   {"<SageMaker endpoint name>": {
 *                  "failCreate": "<failureReason>",    the next create ends Failed with this reason
 *                  "failUpdate": "<failureReason>",    updates fail before traffic shifts; SageMaker stays on the old config
 *                  "failRollback": true,               a rolled-back rolling update ends UpdateRollbackFailed
 *                  "deletedInAwsAfter": "<RFC 3339>",  the endpoint, if created before then, vanishes from AWS
 *                  "createError": {"code", "message"}, CreateEndpoint answers this error (a terminal code: C10)
 *                  "updateError": {"code", "message"}, UpdateEndpoint answers this error (a terminal code: C8)
 *                  "describeError": {"code", "message"} DescribeEndpoint answers this error (C11)
 *               }}
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

/** The current controls; an invalid ConfigMap is reported and leaves the previous controls in place. */
export class FaultControls {
  private alarms: Record<string, AlarmState> = {};
  private endpoints: EndpointFaults = {};

  constructor(private readonly log: (message: string) => void) {}

  /** Reads a ConfigMap's data; returns the endpoint faults so out-of-band deletions can be applied. */
  update(data: Record<string, string> | undefined): EndpointFaults {
    try {
      this.alarms = alarmsSchema.parse(JSON.parse(data?.alarms ?? '{}'));
      this.endpoints = endpointFaultsSchema.parse(JSON.parse(data?.endpoints ?? '{}'));
    } catch (error) {
      this.log(`ignoring invalid fault controls: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.endpoints;
  }

  alarmState = (alarmName: string): AlarmState => this.alarms[alarmName] ?? 'OK';

  faultsFor = (endpointName: string): Faults => {
    const { deletedInAwsAfter: _deletedInAwsAfter, ...faults } = this.endpoints[endpointName] ?? {};
    return faults;
  };
}
