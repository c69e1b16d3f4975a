import { formPaths, type RolloutForm, type VariantForm } from '@/lib/rollout/draft-from-form';

// The visible label of every field, in one place: the editors label their controls with these, and the error
// summary names the field a message is about ("Initial instance count for primary: Required.").

/** The name people read a variant by: its name, or its position while a new one has none yet. */
export const variantLabel = (variant: Pick<VariantForm, 'variantName'>, index: number) => variant.variantName.trim() || `variant ${index + 1}`;

export const variantFieldLabels = {
  variantName: (_label: string, index: number) => `Name of new variant ${index + 1}`,
  modelName: (label: string) => `Model for ${label}`,
  serverless: (label: string) => `Serverless for ${label}`,
  instanceType: (label: string) => `Instance type for ${label}`,
  initialInstanceCount: (label: string) => `Initial instance count for ${label}`,
  initialVariantWeight: (label: string) => `Initial weight for ${label}`,
  memorySizeInMB: (label: string) => `Memory (MB) for ${label}`,
  maxConcurrency: (label: string) => `Maximum concurrency for ${label}`,
  provisionedConcurrency: (label: string) => `Provisioned concurrency for ${label}`,
} as const;

export const policyLabels = {
  kind: 'Deployment policy',
  canarySize: 'Canary size',
  linearStepSize: 'Linear step size',
  batchSize: 'Batch size',
  rollbackBatchSize: 'Rollback batch',
  waitSeconds: 'Wait interval (seconds)',
  terminationWaitSeconds: 'Termination wait (seconds)',
  timeoutSeconds: 'Maximum execution timeout (seconds)',
} as const;

/** The label of alarm `index` (0-based); the first is plain "Alarm name". */
export const alarmLabel = (index: number) => (index === 0 ? 'Alarm name' : `Alarm name ${index + 1}`);

const VARIANT_FIELD = /^draft\.variants\.(\d+)\.(?:serverlessConfig\.)?(\w+)$/;
const ALARM = /^draft\.deploymentConfig\.autoRollbackConfiguration\.alarms\.(\d+)\.alarmName$/;

/** The label of the field at a request-body path, or of its section; undefined when the form has none. */
export function fieldLabelOf(path: string, form: RolloutForm): string | undefined {
  if (path === formPaths.reason) return 'Reason';
  if (path === formPaths.variants || path === formPaths.baseConfigName) return 'Variants';
  if (path === formPaths.alarms) return 'Alarms';
  const variant = VARIANT_FIELD.exec(path);
  if (variant) {
    const index = Number(variant[1]);
    const field = variant[2] ?? '';
    const each = form.variants[index];
    if (!each || !Object.hasOwn(variantFieldLabels, field)) return undefined;
    return variantFieldLabels[field as keyof typeof variantFieldLabels](variantLabel(each, index), index);
  }
  const alarm = ALARM.exec(path);
  if (alarm) return alarmLabel(Number(alarm[1]));
  const kind = form.policy.kind;
  const policy: [string, string][] = [
    [formPaths.canarySize, policyLabels.canarySize],
    [formPaths.linearStepSize, policyLabels.linearStepSize],
    [formPaths.batchSize, policyLabels.batchSize],
    [formPaths.rollbackBatchSize, policyLabels.rollbackBatchSize],
    [formPaths.waitSeconds(kind), policyLabels.waitSeconds],
    [formPaths.terminationWaitSeconds, policyLabels.terminationWaitSeconds],
    [formPaths.timeoutSeconds(kind), policyLabels.timeoutSeconds],
  ];
  const found = policy.find(([at]) => at === path);
  if (found) return found[1];
  if (path.startsWith(formPaths.deploymentConfig)) return policyLabels.kind;
  return undefined;
}
