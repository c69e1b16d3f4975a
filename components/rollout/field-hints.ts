import type { PolicyKind } from '@/lib/rollout/draft-from-form';
import { sagemakerLimits as limits } from '@/lib/rollout/sagemaker-limits';

// The hints under the fields, in one place, worded from SageMaker's limits so the form says what validation
// checks.

const {
  canarySize,
  linearStepSize,
  maximumBatchSize,
  waitIntervalInSeconds: wait,
  terminationWaitInSeconds: termination,
  maximumExecutionTimeoutInSeconds: timeout,
} = limits;

export const policyHints = {
  canarySize: `Up to ${canarySize.maxPercent}% of the fleet.`,
  linearStepSize: `${linearStepSize.minPercent}% to ${linearStepSize.maxPercent}% of the fleet per step.`,
  batchSize: `${maximumBatchSize.minPercent}% to ${maximumBatchSize.maxPercent}% of the fleet per batch.`,
  rollbackBatchSize: 'How much of the old fleet comes back at once on a rollback; blank brings it all back at once.',
  waitSeconds: (kind: PolicyKind) =>
    `Bake after each ${kind === 'rolling' ? 'batch' : 'traffic shift'}, ${wait.min} to ${wait.max}.`,
  terminationWaitSeconds: `How long the old fleet stays after all traffic moved, ${termination.min} to ${termination.max}.`,
  timeoutSeconds: `${timeout.min} to ${timeout.max}; longer than all the waits. Past it SageMaker rolls back.`,
} as const;

export const variantHints = {
  variantName: 'Letters, digits and hyphens.',
  instanceType: 'For example ml.c5.xlarge.',
  maxConcurrency: `${limits.serverlessConcurrency.min} to ${limits.serverlessConcurrency.max} requests at once.`,
  provisionedConcurrency: 'Optional; at most the maximum concurrency.',
  initialVariantWeight: 'Share of traffic: this weight over the sum of all weights.',
} as const;
