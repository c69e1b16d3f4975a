import { describe, expect, it } from 'vitest';
import { policyHints, variantHints } from './field-hints';

// The hints say the limits validation checks (lib/rollout/sagemaker-limits.ts), in these words.
describe('policyHints', () => {
  it.each([
    [policyHints.canarySize, 'Up to 50% of the fleet.'],
    [policyHints.linearStepSize, '10% to 50% of the fleet per step.'],
    [policyHints.batchSize, '5% to 50% of the fleet per batch.'],
    [policyHints.waitSeconds('rolling'), 'Bake after each batch, 0 to 3600.'],
    [policyHints.waitSeconds('canary'), 'Bake after each traffic shift, 0 to 3600.'],
    [policyHints.terminationWaitSeconds, 'How long the old fleet stays after all traffic moved, 0 to 3600.'],
    [policyHints.timeoutSeconds, '600 to 28800; longer than all the waits. Past it SageMaker rolls back.'],
    [variantHints.maxConcurrency, '1 to 200 requests at once.'],
  ])('reads "%s"', (hint, text) => {
    expect(hint).toBe(text);
  });
});
