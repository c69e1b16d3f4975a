import { describe, expect, it } from 'vitest';
import type { RolloutContext } from './context';
import { checkRolloutForm, draftFromForm, type RolloutForm } from './draft-from-form';
import { emptyPolicyForm } from './draft-from-live';
import { formFromPresetLink, formWithPreset, presetLinkFromForm, withPolicyKind } from './draft-from-preset';
import { applyPreset, presetFromSearchParams, presetToSearchParams } from './presets';

const context: RolloutContext = {
  endpointStatus: 'InService',
  liveConfigName: 'fraud-v7',
  variants: [
    {
      variantName: 'primary',
      instanceType: 'ml.c5.xlarge',
      currentInstanceCount: 4,
      desiredInstanceCount: 4,
      serverless: false,
      autoscaling: false,
    },
  ],
};

const live: RolloutForm = {
  baseConfigName: 'fraud-v7',
  variants: [
    {
      variantName: 'primary',
      added: false,
      modelName: 'fraud-v8',
      serverless: false,
      instanceType: 'ml.c5.xlarge',
      initialInstanceCount: '4',
      initialVariantWeight: '',
      memorySizeInMB: '',
      maxConcurrency: '',
      provisionedConcurrency: '',
    },
  ],
  policy: emptyPolicyForm,
  alarms: ['fraud-errors'],
  reason: 'CHG-7',
};

describe('formWithPreset', () => {
  it('takes the preset policy (timeout planned for this fleet) and keeps variants, reason and alarms', () => {
    const form = formWithPreset(live, { presetId: 'canary', params: { canaryPercent: 25 } }, 4);
    expect(form.presetId).toBe('canary');
    expect(form.variants).toEqual(live.variants);
    expect(form.alarms).toEqual(['fraud-errors']);
    const { deploymentConfig } = draftFromForm(form).draft;
    expect(deploymentConfig?.blueGreenUpdatePolicy).toEqual(
      applyPreset('canary', { canaryPercent: 25 }, 4).blueGreenUpdatePolicy,
    );
    expect(checkRolloutForm(form, context).errors).toEqual([]);
  });

  it('takes the alarms a link names instead of the form ones', () => {
    expect(formWithPreset(live, { presetId: 'rolling', params: { alarms: ['a', 'b'] } }, 4).alarms).toEqual(['a', 'b']);
  });
});

describe('formFromPresetLink', () => {
  it('starts from the link preset and parameters', () => {
    const { form, error } = formFromPresetLink(
      live,
      new URLSearchParams('preset=linear&stepPercent=25&waitSeconds=120'),
      4,
    );
    expect(error).toBeUndefined();
    expect(form.policy).toMatchObject({
      kind: 'linear',
      linearStepSize: { type_: 'CAPACITY_PERCENT', value: '25' },
      waitSeconds: '120',
    });
  });

  it('keeps the form as it was and says what is wrong with a bad link', () => {
    const { form, error } = formFromPresetLink(live, new URLSearchParams('preset=canary&canaryPercent=80'), 4);
    expect(form).toBe(live);
    expect(error).toMatch(/Canary size \(canaryPercent\) must be a whole number from 1 to 50%/);
  });
});

describe('withPolicyKind', () => {
  it('fills what the new kind needs from its preset and keeps what was typed', () => {
    const canary = withPolicyKind({ ...emptyPolicyForm, waitSeconds: '45' }, 'canary');
    expect(canary).toMatchObject({
      kind: 'canary',
      waitSeconds: '45',
      terminationWaitSeconds: '300',
      canarySize: { type_: 'CAPACITY_PERCENT', value: '10' },
    });
    const rolling = withPolicyKind(canary, 'rolling');
    expect(rolling).toMatchObject({ kind: 'rolling', batchSize: { value: '25' }, canarySize: canary.canarySize });
    expect(withPolicyKind(rolling, 'none').kind).toBe('none');
  });
});

describe('presetLinkFromForm', () => {
  it('carries the policy as a preset link that reads back the same', () => {
    const form = formWithPreset(live, { presetId: 'canary', params: { canaryPercent: 20, waitSeconds: 900 } }, 4);
    const shared = presetLinkFromForm(form);
    if (!('link' in shared)) throw new Error(shared.error);
    expect(shared.link).toEqual({
      presetId: 'canary',
      params: {
        canaryPercent: 20,
        waitSeconds: 900,
        terminationWaitSeconds: 300,
        timeoutSeconds: expect.any(Number),
        alarms: ['fraud-errors'],
      },
    });
    expect(presetFromSearchParams(presetToSearchParams(shared.link.presetId, shared.link.params))).toEqual(shared.link);
  });

  it('refuses no policy, a size in instances, and a number a link may not carry', () => {
    expect(presetLinkFromForm(live)).toEqual({ error: expect.stringContaining('Choose a deployment policy first') });
    const canary = withPolicyKind(live.policy, 'canary');
    expect(
      presetLinkFromForm({ ...live, policy: { ...canary, canarySize: { type_: 'INSTANCE_COUNT', value: '1' } } }),
    ).toEqual({ error: expect.stringContaining('number of instances') });
    expect(presetLinkFromForm({ ...live, policy: { ...canary, waitSeconds: '5000' } })).toEqual({
      error: expect.stringContaining('"5000"'),
    });
  });
});
