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
  // SageMaker bakes only while it watches alarms (docs/ack-behaviour.md §13.4): without any the wait goes unused.
  waitSeconds: (kind: PolicyKind) =>
    `With alarms named, SageMaker bakes this long after each ${kind === 'rolling' ? 'batch' : 'traffic shift'}; without, it moves on at once. ${wait.min} to ${wait.max}.`,
  terminationWaitSeconds: `How long the old fleet stays after all traffic moved, ${termination.min} to ${termination.max}.`,
  // The API reference bounds a blue/green timeout by the wait interval plus the termination wait, once each;
  // it states no such rule for rolling (lib/rollout/validate.ts documentedTimeoutFloorSeconds).
  timeoutSeconds: (kind: PolicyKind) =>
    kind === 'rolling'
      ? `${timeout.min} to ${timeout.max}. Past it SageMaker rolls back.`
      : `${timeout.min} to ${timeout.max}; longer than the wait interval plus the termination wait. Past it SageMaker rolls back.`,
} as const;

export const variantHints = {
  variantName: 'Letters, digits and hyphens.',
  instanceType: 'For example ml.c5.xlarge.',
  maxConcurrency: `${limits.serverlessConcurrency.min} to ${limits.serverlessConcurrency.max} requests at once.`,
  provisionedConcurrency: 'Optional; at most the maximum concurrency.',
  initialVariantWeight: 'Share of traffic: this weight over the sum of all weights.',
} as const;
