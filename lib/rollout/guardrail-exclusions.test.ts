import { describe, expect, it } from 'vitest';
import type { Model } from '@/lib/schemas/model';
import type { DraftVariant } from '@/lib/schemas/rollout-request';
import type { LiveVariant } from './context';
import { guardrailExclusions, type GuardrailExclusion } from './guardrail-exclusions';

const live = (over: Partial<LiveVariant> = {}): LiveVariant => ({
  variantName: 'A',
  instanceType: 'ml.m5.large',
  serverless: false,
  autoscaling: false,
  ...over,
});
const draft = (over: Partial<DraftVariant> = {}): DraftVariant => ({
  variantName: 'A',
  modelName: 'm',
  instanceType: 'ml.m5.large',
  initialInstanceCount: 1,
  ...over,
});
const model = (
  containers: Model['spec']['containers'],
  primaryContainer?: Model['spec']['primaryContainer'],
): Model => ({
  metadata: { name: 'm' },
  spec: { modelName: 'm', ...(containers ? { containers } : {}), ...(primaryContainer ? { primaryContainer } : {}) },
});

describe('guardrailExclusions', () => {
  it.each<[string, DraftVariant, LiveVariant, Model[] | undefined, GuardrailExclusion[]]>([
    ['nothing special', draft(), live(), undefined, []],
    [
      'Inf1 in the draft',
      draft({ instanceType: 'ml.inf1.6xlarge' }),
      live(),
      undefined,
      [{ code: 'inf1-instances', variantName: 'A', draftIndex: 0, detail: 'ml.inf1.6xlarge' }],
    ],
    [
      'Inf1 in the draft and the live fleet, reported once',
      draft({ instanceType: 'ml.inf1.xlarge' }),
      live({ instanceType: 'ml.inf1.xlarge' }),
      undefined,
      [{ code: 'inf1-instances', variantName: 'A', draftIndex: 0, detail: 'ml.inf1.xlarge' }],
    ],
    [
      'Inf1 only in the live fleet',
      draft(),
      live({ instanceType: 'ml.inf1.xlarge' }),
      undefined,
      [{ code: 'inf1-instances', variantName: 'A', detail: 'ml.inf1.xlarge' }],
    ],
    ['Inf2 (guardrails apply)', draft({ instanceType: 'ml.inf2.xlarge' }), live(), undefined, []],
    [
      'a model package as primary container',
      draft(),
      live(),
      [model(undefined, { modelPackageName: 'p' })],
      [{ code: 'marketplace-container', variantName: 'A', draftIndex: 0, detail: 'm' }],
    ],
    [
      'a model package among containers',
      draft(),
      live(),
      [model([{ image: 'i' }, { modelPackageName: 'p' }])],
      [{ code: 'marketplace-container', variantName: 'A', draftIndex: 0, detail: 'm' }],
    ],
    ['images only', draft(), live(), [model([{ image: 'i' }])], []],
    [
      'a live variant known to run a model package',
      draft(),
      live({ marketplace: true, modelName: 'old' }),
      undefined,
      [{ code: 'marketplace-container', variantName: 'A', detail: 'old' }],
    ],
  ])('%s', (_, variant, running, models, expected) => {
    expect(guardrailExclusions([variant], { variants: [running] }, models)).toEqual(expected);
  });
});
