// The simulated CloudWatch's settings, from the environment, and the credentials it knows by default.
import { z } from 'zod';
import { defaultAlarmBookLimits } from './alarms';
import { defaultStoreLimits } from './metric-store';
import { roleArnPattern } from './sts';

export const simulatorCredentialSchema = z.object({
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  /** When set, requests must carry it as X-Amz-Security-Token (temporary credentials). */
  sessionToken: z.string().min(1).optional(),
  accountId: z.string().regex(/^\d{12}$/, 'accountId must be 12 digits'),
  userName: z.string().min(1),
  /** Actions refused to this identity, e.g. ["cloudwatch:GetMetricData"]; "cloudwatch:*" refuses all. */
  deny: z.array(z.string().min(1)).default([]),
});
export type SimulatorCredential = z.infer<typeof simulatorCredentialSchema>;

/**
 * Two identities of account 123456789012 (the SageMaker simulator's default account): one may call everything,
 * the other may write but not read metrics and alarms, which is how a dashboard without CloudWatch permissions
 * looks. Not secrets: they only open the simulator.
 */
export const defaultCredentials = {
  allowed: {
    accessKeyId: 'AKIAFLEETDECKSIM0001',
    secretAccessKey: 'simulated+cloudwatch/allowed/0001/secretkey',
    accountId: '123456789012',
    userName: 'fleetdeck',
    deny: [],
  },
  denied: {
    accessKeyId: 'AKIAFLEETDECKSIM0002',
    secretAccessKey: 'simulated+cloudwatch/denied/0002/secretkey',
    accountId: '123456789012',
    userName: 'fleetdeck-no-metrics',
    deny: ['cloudwatch:GetMetricData', 'cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmHistory'],
  },
} satisfies Record<string, SimulatorCredential>;

const credentialsFromJson = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON list of credentials' });
      return z.NEVER;
    }
  })
  .pipe(z.array(simulatorCredentialSchema).min(1));

const rolesFromJson = z
  .string()
  .transform((text, context) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be a JSON object of role ARNs to trusted access key ids' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(z.string(), z.array(z.string().min(1))).superRefine((roles, context) => {
      for (const arn of Object.keys(roles).filter((key) => !roleArnPattern.test(key))) {
        context.addIssue({ code: 'custom', message: `${JSON.stringify(arn)} is not an IAM role ARN` });
      }
    }),
  );

const settingsSchema = z.object({
  /** 0 takes any free port; the line printed at start names it. */
  SIM_CLOUDWATCH_PORT: z.coerce.number().int().min(0).max(65_535).default(4599),
  SIM_CLOUDWATCH_HOST: z.string().min(1).default('127.0.0.1'),
  SIM_CLOUDWATCH_REGION: z.string().min(1).default('us-west-2'),
  SIM_CLOUDWATCH_CREDENTIALS: credentialsFromJson.default([defaultCredentials.allowed, defaultCredentials.denied]),
  /**
   * The roles STS lets callers assume: role ARN → the access keys its trust policy allows, e.g.
   * {"arn:aws:iam::210987654321:role/reader":["AKIAFLEETDECKSIM0001"]}. Issued credentials act in the role's account.
   */
  SIM_STS_ROLES: rolesFromJson.default({}),
  SIM_CLOUDWATCH_RETENTION_HOURS: z.coerce
    .number()
    .positive()
    .default(defaultStoreLimits.retentionMs / 3_600_000),
  SIM_CLOUDWATCH_MAX_POINTS_PER_METRIC: z.coerce
    .number()
    .int()
    .positive()
    .default(defaultStoreLimits.maxPointsPerMetric),
  SIM_CLOUDWATCH_MAX_HISTORY_ITEMS: z.coerce
    .number()
    .int()
    .positive()
    .default(defaultAlarmBookLimits.maxHistoryPerAccount),
});

export type CloudWatchSimulatorSettings = z.infer<typeof settingsSchema>;

/** Settings from the environment; a bad value stops the simulator with the variable's name. */
export function readSettings(env: Record<string, string | undefined>): CloudWatchSimulatorSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  }
  const keys = parsed.data.SIM_CLOUDWATCH_CREDENTIALS.map((credential) => credential.accessKeyId);
  if (new Set(keys).size !== keys.length) throw new Error('SIM_CLOUDWATCH_CREDENTIALS: an access key appears twice');
  return parsed.data;
}
