import { describe, expect, it } from 'vitest';
import { policyHints, variantHints } from './field-hints';

// The hints say the limits validation checks (lib/rollout/sagemaker-limits.ts), in these words.
describe('policyHints', () => {
  it.each([
    [policyHints.canarySize, 'Up to 50% of the fleet.'],
    [policyHints.linearStepSize, '10% to 50% of the fleet per step.'],
    [policyHints.batchSize, '5% to 50% of the fleet per batch.'],
    [
      policyHints.waitSeconds('rolling'),
      'With alarms named, SageMaker bakes this long after each batch; without, it moves on at once. 0 to 3600.',
    ],
    [
      policyHints.waitSeconds('canary'),
      'With alarms named, SageMaker bakes this long after each traffic shift; without, it moves on at once. 0 to 3600.',
    ],
    [policyHints.terminationWaitSeconds, 'How long the old fleet stays after all traffic moved, 0 to 3600.'],
    [
      policyHints.timeoutSeconds('linear'),
      '600 to 28800; longer than the wait interval plus the termination wait. Past it SageMaker rolls back.',
    ],
    [policyHints.timeoutSeconds('rolling'), '600 to 28800. Past it SageMaker rolls back.'],
    [variantHints.maxConcurrency, '1 to 200 requests at once.'],
  ])('reads "%s"', (hint, text) => {
    expect(hint).toBe(text);
  });
});
