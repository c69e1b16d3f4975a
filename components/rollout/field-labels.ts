import type { RolloutForm, VariantForm } from '@/lib/rollout/draft-from-form';
import { alarmIndexAt, draftPaths, variantFieldAt } from '@/lib/rollout/draft-paths';

// The visible label of every field, in one place: the editors label their controls with these, and the error
// summary names the field a message is about ("Initial instance count for primary: Required.").

/** The name people read a variant by: its name, or its position while a new one has none yet. */
export const variantLabel = (variant: Pick<VariantForm, 'variantName'>, index: number) =>
  variant.variantName.trim() || `variant ${index + 1}`;

export const variantFieldLabels = {
  variantName: (_label: string, index: number) => `Name of new variant ${index + 1}`,
  modelName: (label: string) => `Model for ${label}`,
  serverless: (label: string) => `Serverless for ${label}`,
  // The draft's path for the serverless checkbox (an error there names the checkbox).
  serverlessConfig: (label: string) => `Serverless for ${label}`,
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

/** The label of the field at a request-body path, or of its section; undefined when the form has none. */
export function fieldLabelOf(path: string, form: RolloutForm): string | undefined {
  if (path === draftPaths.reason) return 'Reason';
  if (path === draftPaths.variants || path === draftPaths.baseConfigName) return 'Variants';
  if (path === draftPaths.alarms) return 'Alarms';
  const variant = variantFieldAt(path);
  if (variant) {
    const { index, field } = variant;
    const each = form.variants[index];
    if (!each || !Object.hasOwn(variantFieldLabels, field)) return undefined;
    return variantFieldLabels[field as keyof typeof variantFieldLabels](variantLabel(each, index), index);
  }
  const alarm = alarmIndexAt(path);
  if (alarm !== undefined) return alarmLabel(alarm);
  const kind = form.policy.kind;
  const policy: [string, string][] = [
    [draftPaths.canarySize.value, policyLabels.canarySize],
    [draftPaths.linearStepSize.value, policyLabels.linearStepSize],
    [draftPaths.batchSize.value, policyLabels.batchSize],
    [draftPaths.rollbackBatchSize.value, policyLabels.rollbackBatchSize],
    [draftPaths.waitSeconds(kind), policyLabels.waitSeconds],
    [draftPaths.terminationWaitSeconds, policyLabels.terminationWaitSeconds],
    [draftPaths.timeoutSeconds(kind), policyLabels.timeoutSeconds],
  ];
  const found = policy.find(([at]) => at === path);
  if (found) return found[1];
  if (path.startsWith(draftPaths.deploymentConfig)) return policyLabels.kind;
  return undefined;
}
