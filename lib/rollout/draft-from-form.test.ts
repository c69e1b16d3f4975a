import { describe, expect, it } from 'vitest';
import { rolloutDraftSchema } from '@/lib/schemas/rollout-request';
import type { RolloutContext } from './context';
import * as draftFromFormModule from './draft-from-form';
import { checkRolloutForm, draftFromForm, type RolloutForm, type VariantForm } from './draft-from-form';
import { draftPaths } from './draft-paths';
import { emptyPolicyForm } from './draft-from-live';

const context: RolloutContext = {
  endpointStatus: 'InService',
  liveConfigName: 'pricing-v1',
  variants: [
    {
      variantName: 'primary',
      instanceType: 'ml.c5.large',
      currentInstanceCount: 4,
      desiredInstanceCount: 4,
      currentWeight: 1,
      desiredWeight: 1,
      serverless: false,
      autoscaling: false,
    },
  ],
};

const primary: VariantForm = {
  variantName: 'primary',
  added: false,
  modelName: 'pricing-model-v2',
  serverless: false,
  instanceType: 'ml.c5.large',
  initialInstanceCount: '4',
  initialVariantWeight: '1',
  memorySizeInMB: '',
  maxConcurrency: '',
  provisionedConcurrency: '',
};

const canaryForm: RolloutForm = {
  baseConfigName: 'pricing-v1',
  variants: [primary],
  policy: {
    ...emptyPolicyForm,
    kind: 'canary',
    canarySize: { type_: 'CAPACITY_PERCENT', value: '25' },
    waitSeconds: '600',
    terminationWaitSeconds: '300',
    timeoutSeconds: '3600',
  },
  alarms: ['pricing-p99'],
  reason: 'CHG-42',
  presetId: 'canary',
};

describe('draftFromForm', () => {
  it('turns a canary form into the request body draft, numbers as numbers, only what was given', () => {
    const { draft, inputErrors } = draftFromForm(canaryForm);
    expect(inputErrors).toEqual([]);
    expect(draft).toEqual({
      baseConfigName: 'pricing-v1',
      variants: [
        {
          variantName: 'primary',
          modelName: 'pricing-model-v2',
          instanceType: 'ml.c5.large',
          initialInstanceCount: 4,
          initialVariantWeight: 1,
        },
      ],
      deploymentConfig: {
        autoRollbackConfiguration: { alarms: [{ alarmName: 'pricing-p99' }] },
        blueGreenUpdatePolicy: {
          trafficRoutingConfiguration: {
            type_: 'CANARY',
            waitIntervalInSeconds: 600,
            canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
          },
          terminationWaitInSeconds: 300,
          maximumExecutionTimeoutInSeconds: 3600,
        },
      },
      presetId: 'canary',
      reason: 'CHG-42',
    });
    expect(rolloutDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('gives a serverless variant its serverless settings and no instance fields', () => {
    const serverless = {
      ...primary,
      serverless: true,
      memorySizeInMB: '2048',
      maxConcurrency: '20',
      provisionedConcurrency: '',
    };
    const { draft } = draftFromForm({ ...canaryForm, variants: [serverless] });
    expect(draft.variants).toEqual([
      {
        variantName: 'primary',
        modelName: 'pricing-model-v2',
        initialVariantWeight: 1,
        serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 20 },
      },
    ]);
  });

  it('sends a rolling policy with its batch sizes, leaving out a blank rollback batch', () => {
    const policy = {
      ...emptyPolicyForm,
      kind: 'rolling' as const,
      batchSize: { type_: 'INSTANCE_COUNT' as const, value: '1' },
      waitSeconds: '120',
      timeoutSeconds: '',
    };
    expect(draftFromForm({ ...canaryForm, alarms: [], policy }).draft.deploymentConfig).toEqual({
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 120 },
    });
  });

  it('sends no deploymentConfig for no policy, and only the alarms when there are some', () => {
    expect(draftFromForm({ ...canaryForm, policy: emptyPolicyForm, alarms: [] }).draft).not.toHaveProperty(
      'deploymentConfig',
    );
    expect(draftFromForm({ ...canaryForm, policy: emptyPolicyForm }).draft.deploymentConfig).toEqual({
      autoRollbackConfiguration: { alarms: [{ alarmName: 'pricing-p99' }] },
    });
  });

  it('reports text that is not a number, and a blank required number, at their paths', () => {
    const form = {
      ...canaryForm,
      variants: [{ ...primary, initialInstanceCount: '4x' }],
      policy: { ...canaryForm.policy, waitSeconds: ' ' },
    };
    expect(draftFromForm(form).inputErrors).toEqual([
      { path: 'draft.variants.0.initialInstanceCount', message: 'Enter a number; "4x" is not one.' },
      { path: draftPaths.waitSeconds('canary'), message: 'Required.' },
    ]);
  });
});

describe('checkRolloutForm', () => {
  it('accepts a valid form and gives the parsed draft', () => {
    const checked = checkRolloutForm(canaryForm, context);
    expect(checked.errors).toEqual([]);
    expect(checked.parsed?.variants[0]?.modelName).toBe('pricing-model-v2');
  });

  it('reports the schema at draft paths, like the API 422', () => {
    const form = {
      ...canaryForm,
      variants: [{ ...primary, modelName: 'bad_name', serverless: true, memorySizeInMB: '512', maxConcurrency: '5' }],
    };
    const paths = checkRolloutForm(form, context).errors.map((error) => error.path);
    expect(paths).toContain('draft.variants.0.modelName');
    expect(paths).toContain('draft.variants.0.serverlessConfig.memorySizeInMB');
  });

  it('reports the rollout rules (validateRollout) at their fields, one error per path', () => {
    const form = {
      ...canaryForm,
      policy: { ...canaryForm.policy, canarySize: { type_: 'CAPACITY_PERCENT' as const, value: '60' } },
    };
    const errors = checkRolloutForm(form, context).errors;
    expect(errors).toEqual([
      { path: draftPaths.canarySize.value, message: expect.stringContaining('Canary size must be at most 50%') },
    ]);
  });

  it('keeps the typing error and drops the schema and rule errors at the same path', () => {
    const form = {
      ...canaryForm,
      policy: { ...canaryForm.policy, canarySize: { type_: 'CAPACITY_PERCENT' as const, value: '' } },
    };
    expect(checkRolloutForm(form, context).errors).toEqual([
      { path: draftPaths.canarySize.value, message: 'Required.' },
    ]);
  });

  it('still judges the rest when the schema fails, e.g. a blank alarm name and a variant the live config lacks', () => {
    const form = { ...canaryForm, alarms: [''], variants: [{ ...primary, variantName: 'other', added: true }] };
    const errors = checkRolloutForm(form, context).errors;
    expect(errors).toContainEqual({ path: draftPaths.alarm(0), message: 'Alarm 1 needs a name.' });
    expect(errors).toContainEqual({
      path: draftPaths.variants,
      message: expect.stringContaining('Variant "primary" must stay'),
    });
  });

  it('says the gate at `draft` while the endpoint cannot take a rollout', () => {
    const errors = checkRolloutForm(canaryForm, { ...context, endpointStatus: 'Updating' }).errors;
    expect(errors[0]?.path).toBe('draft');
  });
});

describe('draft-from-form exports', () => {
  it('no longer exports the deprecated formPaths alias: the paths are draftPaths (draft-paths.ts)', () => {
    expect(Object.keys(draftFromFormModule)).not.toContain('formPaths');
  });
});
