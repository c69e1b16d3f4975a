import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { realTimings, type Timings } from './timings';

const number = (fallback: number) => z.coerce.number().positive().default(fallback);

const settingsSchema = z.object({
  SIM_KUBECONFIG: z.string().min(1, 'set SIM_KUBECONFIG to the kubeconfig of the simulator identity'),
  /** Multiplies every simulated duration and requeue period: 1 mirrors AWS, 0.01 runs a hundred times faster. */
  SIM_TIME_SCALE: number(1),
  /** Optional overrides of single durations, in seconds of simulated time (before scaling). */
  SIM_CREATE_SECONDS: z.coerce.number().nonnegative().optional(),
  SIM_INSTANCE_LAUNCH_SECONDS: z.coerce.number().nonnegative().optional(),
  SIM_TRAFFIC_STEP_SECONDS: z.coerce.number().nonnegative().optional(),
  SIM_ROLLBACK_SECONDS: z.coerce.number().nonnegative().optional(),
  SIM_DELETE_SECONDS: z.coerce.number().nonnegative().optional(),
  SIM_STATE_FILE: z.string().default(join(tmpdir(), 'fleetdeck-sagemaker-simulator.json')),
  SIM_ACCOUNT_ID: z
    .string()
    .regex(/^\d{12}$/)
    .default('123456789012'),
  SIM_REGION: z.string().default('us-west-2'),
  SIM_PARTITION: z.string().default('aws'),
  /** What DescribeEndpoint reports as the config name while Updating (docs/ack-behaviour.md §14.2). */
  SIM_CONFIG_NAME_WHILE_UPDATING: z.enum(['new', 'old']).default('new'),
  /** Reconciles at once per kind; the real controller's default is 1. */
  SIM_CONCURRENCY: z.coerce.number().int().positive().default(1),
  /** Where the simulator-only controls live (see faults.ts). */
  SIM_FAULTS_NAMESPACE: z.string().default('sagemaker-simulator'),
  SIM_FAULTS_CONFIGMAP: z.string().default('sagemaker-simulator'),
  /** Watch one namespace only, like the real controller's --watch-namespace; empty watches all. */
  SIM_WATCH_NAMESPACE: z.string().default(''),
  /**
   * Where CloudWatch is, the AWS SDK's own setting; unset, the simulator publishes no metrics and reads no
   * alarms. Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY).
   */
  AWS_ENDPOINT_URL_CLOUDWATCH: z.url().optional(),
  /** Wall-clock seconds per published metric period; under 60 stores them at high resolution. */
  SIM_METRIC_PERIOD_SECONDS: z.coerce.number().int().positive().default(60),
  /** Wall-clock seconds between two reads of the in-flight deployments' alarm states. */
  SIM_ALARM_POLL_SECONDS: number(10),
  /** Requests a minute to an endpoint the fault ConfigMap's `traffic` does not name. */
  SIM_REQUESTS_PER_MINUTE: z.coerce.number().nonnegative().default(600),
});

export type SimulatorSettings = z.infer<typeof settingsSchema>;

/** Settings from the environment; a bad value stops the simulator with the variable's name. */
export function readSettings(env: NodeJS.ProcessEnv): SimulatorSettings {
  const parsed = settingsSchema.safeParse({ ...env, SIM_KUBECONFIG: env.SIM_KUBECONFIG ?? env.KUBECONFIG });
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

/** The simulated durations: the real ones, with any per-duration override, under the time scale. */
export function timingsFrom(settings: SimulatorSettings): Timings {
  return {
    scale: settings.SIM_TIME_SCALE,
    createSeconds: settings.SIM_CREATE_SECONDS ?? realTimings.createSeconds,
    instanceLaunchSeconds: settings.SIM_INSTANCE_LAUNCH_SECONDS ?? realTimings.instanceLaunchSeconds,
    trafficStepSeconds: settings.SIM_TRAFFIC_STEP_SECONDS ?? realTimings.trafficStepSeconds,
    rollbackSeconds: settings.SIM_ROLLBACK_SECONDS ?? realTimings.rollbackSeconds,
    deleteSeconds: settings.SIM_DELETE_SECONDS ?? realTimings.deleteSeconds,
  };
}
