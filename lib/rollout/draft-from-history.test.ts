import { describe, expect, it } from 'vitest';
import type { RolloutContext } from './context';
import { draftFromForm, type RolloutForm } from './draft-from-form';
import { formFromConfig } from './draft-from-history';
import { emptyPolicyForm } from './draft-from-live';

const context: Pick<RolloutContext, 'variants'> = {
  variants: [
    { variantName: 'primary', currentInstanceCount: 2, desiredInstanceCount: 2, serverless: false, autoscaling: false },
  ],
};

const form: RolloutForm = {
  baseConfigName: 'pricing-v3',
  variants: [],
  policy: { ...emptyPolicyForm, kind: 'all-at-once', waitSeconds: '60' },
  alarms: ['p99'],
  reason: 'back to v1: v3 is slow',
  presetId: 'all-at-once',
};

describe('formFromConfig', () => {
  it('takes the config variants and makes it the base, keeping policy, alarms and reason', () => {
    const rolledBack = formFromConfig(
      form,
      {
        endpointConfigName: 'pricing-v1',
        productionVariants: [
          {
            variantName: 'primary',
            modelName: 'pricing-model-v1',
            instanceType: 'ml.c5.large',
            initialInstanceCount: 2,
            volumeSizeInGB: 30,
          },
          {
            variantName: 'shadow',
            modelName: 'pricing-model-v0',
            serverlessConfig: { memorySizeInMB: 1024, maxConcurrency: 1 },
          },
        ],
      },
      context,
    );
    const { draft } = draftFromForm(rolledBack);
    expect(draft).toMatchObject({
      baseConfigName: 'pricing-v1',
      reason: 'back to v1: v3 is slow',
      presetId: 'all-at-once',
    });
    expect(draft.variants).toEqual([
      { variantName: 'primary', modelName: 'pricing-model-v1', instanceType: 'ml.c5.large', initialInstanceCount: 2 },
      {
        variantName: 'shadow',
        modelName: 'pricing-model-v0',
        serverlessConfig: { memorySizeInMB: 1024, maxConcurrency: 1 },
      },
    ]);
    expect(draft.deploymentConfig?.autoRollbackConfiguration?.alarms).toEqual([{ alarmName: 'p99' }]);
    expect(rolledBack.variants.map((variant) => variant.added)).toEqual([false, true]);
  });
});
