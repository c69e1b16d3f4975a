import { describe, expect, it } from 'vitest';
import type { DraftVariant } from '@/lib/schemas/rollout-request';
import type { LiveVariant } from './context';
import { effectiveVariants, type EffectiveVariant } from './retained-variants';

const live = (over: Partial<LiveVariant> = {}): LiveVariant => ({
  variantName: 'A',
  serverless: false,
  autoscaling: false,
  ...over,
});
const draft = (over: Partial<DraftVariant> = {}): DraftVariant => ({
  variantName: 'A',
  modelName: 'm',
  instanceType: 'ml.m5.large',
  ...over,
});

describe('effectiveVariants (RetainAllVariantProperties=true)', () => {
  it.each<[string, DraftVariant, LiveVariant[], Partial<EffectiveVariant>]>([
    [
      'a new variant takes its initial count and weight',
      draft({ initialInstanceCount: 3, initialVariantWeight: 2 }),
      [],
      { retained: false, instanceCount: 3, weight: 2 },
    ],
    [
      'a new variant without a weight gets 1',
      draft({ initialInstanceCount: 3 }),
      [],
      { retained: false, instanceCount: 3, weight: 1 },
    ],
    [
      'an existing variant keeps its desired count and weight',
      draft({ initialInstanceCount: 2, initialVariantWeight: 5 }),
      [live({ currentInstanceCount: 3, desiredInstanceCount: 6, currentWeight: 1, desiredWeight: 0.5 })],
      { retained: true, instanceCount: 6, weight: 0.5, ignoredInstanceCount: 2, ignoredWeight: 5 },
    ],
    [
      'without desired values the current ones are kept',
      draft({ initialInstanceCount: 2 }),
      [live({ currentInstanceCount: 3, currentWeight: 1 })],
      { instanceCount: 3, weight: 1, ignoredInstanceCount: 2 },
    ],
    [
      "with nothing reported the draft's values stand",
      draft({ initialInstanceCount: 2, initialVariantWeight: 3 }),
      [live()],
      { retained: true, instanceCount: 2, weight: 3 },
    ],
    [
      'equal values are not reported as ignored',
      draft({ initialInstanceCount: 4, initialVariantWeight: 1 }),
      [live({ desiredInstanceCount: 4, desiredWeight: 1 })],
      { instanceCount: 4 },
    ],
    [
      'a serverless variant runs no instances',
      draft({ instanceType: undefined, serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5 } }),
      [live({ serverless: true, desiredWeight: 1 })],
      { serverless: true, instanceCount: 0 },
    ],
  ])('%s', (_, variant, running, expected) => {
    const [effective] = effectiveVariants([variant], { variants: running });
    expect(effective).toMatchObject(expected);
    if (!('ignoredInstanceCount' in expected)) expect(effective).not.toHaveProperty('ignoredInstanceCount');
    if (!('ignoredWeight' in expected)) expect(effective).not.toHaveProperty('ignoredWeight');
  });
});
