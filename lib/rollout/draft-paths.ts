import type { DraftVariant } from '@/lib/schemas/rollout-request';
import type { PolicyKind } from './draft-from-form';

// The dotted request-body path of every field of a rollout draft ("draft.variants.0.modelName"), the one place
// they are spelled: validateRollout and rolloutWarnings put messages there, the server moves the API server's
// causes there, and the form's fields, labels and error summary look them up there.

const ROOT = 'draft';
const VARIANTS = `${ROOT}.variants`;
const DC = `${ROOT}.deploymentConfig`;
const BG = `${DC}.blueGreenUpdatePolicy`;
const ROUTING = `${BG}.trafficRoutingConfiguration`;
const ROLLING = `${DC}.rollingUpdatePolicy`;
const ALARM_SECTION = `${DC}.autoRollbackConfiguration`;
const ALARMS = `${ALARM_SECTION}.alarms`;
const ROUTING_WAIT = `${ROUTING}.waitIntervalInSeconds`;
const ROLLING_WAIT = `${ROLLING}.waitIntervalInSeconds`;
const BG_TIMEOUT = `${BG}.maximumExecutionTimeoutInSeconds`;
const ROLLING_TIMEOUT = `${ROLLING}.maximumExecutionTimeoutInSeconds`;

export type ServerlessField = keyof NonNullable<DraftVariant['serverlessConfig']>;

/** A canary, linear step or batch size: the object, its number and its unit. */
export interface SizePaths {
  path: string;
  value: string;
  unit: string;
}

const size = (path: string): SizePaths => ({ path, value: `${path}.value`, unit: `${path}.type_` });

/** The request-body path of each draft field, as validateRollout, the API's 422 and the form name them. */
export const draftPaths = {
  /** The draft as a whole (whether the endpoint may take a rollout now). */
  root: ROOT,
  reason: `${ROOT}.reason`,
  baseConfigName: `${ROOT}.baseConfigName`,
  variants: VARIANTS,
  variant: (index: number, field: keyof DraftVariant) => `${VARIANTS}.${index}.${field}`,
  serverless: (index: number, field: ServerlessField) => `${VARIANTS}.${index}.serverlessConfig.${field}`,
  deploymentConfig: DC,
  blueGreen: BG,
  routing: ROUTING,
  rolling: ROLLING,
  alarmSection: ALARM_SECTION,
  alarms: ALARMS,
  alarm: (index: number) => `${ALARMS}.${index}.alarmName`,
  routingWaitSeconds: ROUTING_WAIT,
  rollingWaitSeconds: ROLLING_WAIT,
  /** The wait of the policy the form shows: the rolling update's or the blue/green traffic routing's. */
  waitSeconds: (kind: PolicyKind) => (kind === 'rolling' ? ROLLING_WAIT : ROUTING_WAIT),
  blueGreenTimeoutSeconds: BG_TIMEOUT,
  rollingTimeoutSeconds: ROLLING_TIMEOUT,
  timeoutSeconds: (kind: PolicyKind) => (kind === 'rolling' ? ROLLING_TIMEOUT : BG_TIMEOUT),
  terminationWaitSeconds: `${BG}.terminationWaitInSeconds`,
  canarySize: size(`${ROUTING}.canarySize`),
  linearStepSize: size(`${ROUTING}.linearStepSize`),
  batchSize: size(`${ROLLING}.maximumBatchSize`),
  rollbackBatchSize: size(`${ROLLING}.rollbackMaximumBatchSize`),
} as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const VARIANT_FIELD = new RegExp(`^${escape(VARIANTS)}\\.(\\d+)\\.(?:serverlessConfig\\.)?(\\w+)$`);
const ALARM_NAME = new RegExp(`^${escape(ALARMS)}\\.(\\d+)\\.alarmName$`);

/** The variant and field (a serverless one by its own name) a path names, or undefined for any other path. */
export function variantFieldAt(path: string): { index: number; field: string } | undefined {
  const found = VARIANT_FIELD.exec(path);
  return found ? { index: Number(found[1]), field: found[2] ?? '' } : undefined;
}

/** The index of the alarm whose name a path names, or undefined for any other path. */
export function alarmIndexAt(path: string): number | undefined {
  const found = ALARM_NAME.exec(path);
  return found ? Number(found[1]) : undefined;
}
