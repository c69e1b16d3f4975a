import { describe, expect, it } from 'vitest';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import type { EndpointConfig, ProductionVariant } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import type { DraftVariant, RolloutDraft } from '@/lib/schemas/rollout-request';
import type { LiveVariant, RolloutContext } from './context';
import { rolloutWarnings, sameVariantsAs, type RolloutWarning } from './warnings';

const live = (over: Partial<LiveVariant> = {}): LiveVariant => ({
  variantName: 'AllTraffic',
  instanceType: 'ml.m5.large',
  currentInstanceCount: 4,
  desiredInstanceCount: 4,
  currentWeight: 1,
  desiredWeight: 1,
  serverless: false,
  autoscaling: false,
  modelName: 'm1',
  ...over,
});
const context = (variants: LiveVariant[] = [live()], over: Partial<RolloutContext> = {}): RolloutContext => ({
  endpointStatus: 'InService',
  liveConfigName: 'cfg-v1',
  variants,
  ...over,
});
const variant = (over: Partial<DraftVariant> = {}): DraftVariant => ({
  variantName: 'AllTraffic',
  modelName: 'm2',
  instanceType: 'ml.m5.large',
  initialInstanceCount: 4,
  initialVariantWeight: 1,
  ...over,
});
const watched: DeploymentConfigInput = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
  blueGreenUpdatePolicy: {
    maximumExecutionTimeoutInSeconds: 3600,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
    },
  },
};
// `null`: no deploymentConfig at all.
const draft = (
  variants: DraftVariant[] = [variant()],
  deploymentConfig: DeploymentConfigInput | null = watched,
): RolloutDraft => ({
  baseConfigName: 'cfg-v1',
  reason: 'r',
  variants,
  ...(deploymentConfig ? { deploymentConfig } : {}),
});
const config = (name: string, variants: ProductionVariant[]): EndpointConfig => ({
  metadata: { name },
  spec: { endpointConfigName: name, productionVariants: variants },
});
const packaged: Model = {
  metadata: { name: 'm2' },
  spec: { modelName: 'm2', containers: [{ modelPackageName: 'arn:aws:sagemaker:us-east-1:123:model-package/vendor' }] },
};

const codes = (warnings: RolloutWarning[]) => warnings.map((warning) => warning.code);

describe('rolloutWarnings', () => {
  it('has nothing to say about a watched canary that changes the model', () => {
    expect(rolloutWarnings(draft(), context())).toEqual([]);
  });

  it.each<[string, RolloutDraft, RolloutContext, Model[] | undefined, RolloutWarning | undefined]>([
    [
      'an Inf1 instance type under a policy',
      draft([variant({ instanceType: 'ml.inf1.xlarge' })]),
      context(),
      undefined,
      {
        code: 'guardrails-skipped-inf1',
        path: 'draft.variants.0.instanceType',
        message:
          'Variant "AllTraffic" runs on ml.inf1.xlarge: SageMaker applies no deployment guardrails to Inf1 instances, so this update will move all traffic at once, with no bake and no alarm watch, whatever the policy says.',
      },
    ],
    [
      'an Inf1 live fleet under a policy',
      draft(),
      context([live({ instanceType: 'ml.inf1.xlarge' })]),
      undefined,
      { code: 'guardrails-skipped-inf1', message: expect.stringContaining('ml.inf1.xlarge') },
    ],
    [
      'an Inf1 instance type without a policy (all at once anyway)',
      draft([variant({ instanceType: 'ml.inf1.xlarge' })], null),
      context(),
      undefined,
      undefined,
    ],
    ['an Inf2 instance type', draft([variant({ instanceType: 'ml.inf2.xlarge' })]), context(), undefined, undefined],
    [
      'a model package',
      draft(),
      context(),
      [packaged],
      {
        code: 'guardrails-skipped-marketplace',
        path: 'draft.variants.0.modelName',
        message: expect.stringMatching(/model "m2", which uses a model package: if it is an AWS Marketplace container/),
      },
    ],
    [
      'an initial instance count the variant will not get',
      draft([variant({ initialInstanceCount: 2 })]),
      context([live({ desiredInstanceCount: 6, currentInstanceCount: 6 })]),
      undefined,
      {
        code: 'retained-instance-count',
        path: 'draft.variants.0.initialInstanceCount',
        message:
          'Variant "AllTraffic" keeps its current 6 instances: the initial instance count 2 is ignored, because ACK always updates with RetainAllVariantProperties=true.',
      },
    ],
    [
      'an initial instance count equal to the current one',
      draft([variant({ initialInstanceCount: 4 })]),
      context(),
      undefined,
      undefined,
    ],
    [
      'an initial weight the variant will not get',
      draft([variant({ initialVariantWeight: 0.5 })]),
      context(),
      undefined,
      {
        code: 'retained-weight',
        path: 'draft.variants.0.initialVariantWeight',
        message:
          'Variant "AllTraffic" keeps its current weight 1: the initial weight 0.5 is ignored, because ACK always updates with RetainAllVariantProperties=true.',
      },
    ],
    [
      'an instance type change on an auto-scaled variant',
      draft([variant({ instanceType: 'ml.m5.xlarge' })]),
      context([live({ autoscaling: true })]),
      undefined,
      {
        code: 'autoscaling-instance-type-change',
        path: 'draft.variants.0.instanceType',
        message: expect.stringMatching(
          /changes from ml\.m5\.large to ml\.m5\.xlarge: SageMaker refuses .* deregister it first/,
        ),
      },
    ],
    [
      'an instance type change on a variant that does not scale',
      draft([variant({ instanceType: 'ml.m5.xlarge' })]),
      context(),
      undefined,
      undefined,
    ],
    [
      'a model change on an auto-scaled variant',
      draft([variant({ modelName: 'm3' })]),
      context([live({ autoscaling: true })]),
      undefined,
      undefined,
    ],
    [
      'an auto-scaled variant removed under a policy (an error of validateRollout, not repeated here)',
      draft([variant()]),
      context([live(), live({ variantName: 'B', autoscaling: true })]),
      undefined,
      undefined,
    ],
  ])('%s', (_, rollout, ctx, models, expected) => {
    const warnings = rolloutWarnings(rollout, ctx, models);
    if (expected) expect(warnings).toEqual([expected]);
    else expect(warnings.filter((warning) => warning.code !== 'no-alarms')).toEqual([]);
  });

  it('warns that an auto-scaled variant removed without a policy will make the update fail', () => {
    const warnings = rolloutWarnings(
      draft([variant()], null),
      context([live(), live({ variantName: 'B', autoscaling: true })]),
    );
    expect(warnings).toContainEqual({
      code: 'autoscaling-variant-removed',
      path: 'draft.variants',
      message: expect.stringMatching(/^Variant "B" is auto-scaled and the new config removes it/),
    });
  });

  it.each<[string, DeploymentConfigInput | null, boolean]>([
    ['no deployment policy', null, true],
    ['a policy without alarms', { blueGreenUpdatePolicy: watched.blueGreenUpdatePolicy }, true],
    ['a policy with an alarm', watched, false],
  ])('warns about no automatic rollback with %s: %s', (_, deploymentConfig, warns) => {
    expect(codes(rolloutWarnings(draft([variant()], deploymentConfig), context())).includes('no-alarms')).toBe(warns);
  });

  it.each<[number, boolean]>([
    // Canary 25% of 4 with 600 s bakes: 600 launch + 2 × (60 + 600) = 1920 s planned, 1200 s of waits.
    // SageMaker's rule is only "larger than 600 s (wait) + 0 s (termination)": at or below that validate.ts
    // reports an error; above it, a timeout short of Fleetdeck's estimate (even of its 1200 s of bakes) warns.
    [1201, true],
    [1919, true],
    [1920, false],
    [1200, true],
    [601, true],
    [600, false],
  ])('with a timeout of %i s, warns that it is tight: %s', (timeout, warns) => {
    const deploymentConfig = {
      ...watched,
      blueGreenUpdatePolicy: { ...watched.blueGreenUpdatePolicy!, maximumExecutionTimeoutInSeconds: timeout },
    };
    const found = rolloutWarnings(draft([variant()], deploymentConfig), context()).filter(
      (warning) => warning.code === 'timeout-tight',
    );
    expect(found.length).toBe(warns ? 1 : 0);
    if (warns)
      expect(found[0]?.message).toMatch(
        new RegExp(`\\(${timeout} s\\) is shorter than the plan may take .*about 1920 s`),
      );
  });
});

describe('rolloutWarnings: documented rules Fleetdeck does not enforce', () => {
  it("warns, and does not refuse, AWS's canary example (30%, wait 600 s, termination 600 s, timeout 1800 s)", () => {
    const example: DeploymentConfigInput = {
      autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
      blueGreenUpdatePolicy: {
        terminationWaitInSeconds: 600,
        maximumExecutionTimeoutInSeconds: 1800,
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 600,
          canarySize: { type_: 'CAPACITY_PERCENT', value: 30 },
        },
      },
    };
    // 600 launch + 2 × (60 + 600) + 600 termination = 2520 s planned.
    expect(
      rolloutWarnings(draft([variant()], example), context()).filter((warning) => warning.code === 'timeout-tight'),
    ).toEqual([
      {
        code: 'timeout-tight',
        message: expect.stringMatching(
          /^The maximum execution time \(1800 s\) is shorter than the plan may take with instance launches \(about 2520 s\)/,
        ),
        path: 'draft.deploymentConfig.blueGreenUpdatePolicy.maximumExecutionTimeoutInSeconds',
      },
    ]);
  });

  it('warns that a serverless variant moved to instances is undocumented, at its serverless field', () => {
    const serverless = context([
      live({ serverless: true, currentInstanceCount: undefined, desiredInstanceCount: undefined }),
    ]);
    expect(
      rolloutWarnings(draft([variant()], null), serverless).filter(
        (warning) => warning.code === 'serverless-to-instances',
      ),
    ).toEqual([
      {
        code: 'serverless-to-instances',
        message: expect.stringMatching(/^Variant "AllTraffic" is serverless now and moves to instances/),
        path: 'draft.variants.0.serverlessConfig',
      },
    ]);
    expect(codes(rolloutWarnings(draft([variant()], null), context()))).not.toContain('serverless-to-instances');
  });

  it('says a wait without alarms is not spent baking', () => {
    const found = rolloutWarnings(
      draft([variant()], { blueGreenUpdatePolicy: watched.blueGreenUpdatePolicy }),
      context(),
    ).find((warning) => warning.code === 'no-alarms');
    expect(found?.message).toMatch(
      /The 600 s wait is not spent baking: SageMaker bakes only while it watches alarms\.$/,
    );
  });
});

// The API reference does not say which variant a size is held against: validation lets through a size that fits
// some variant (docs/ack-behaviour.md §13.4), and these warnings name the others.
describe('rolloutWarnings: a step size that does not fit every variant', () => {
  const uneven = context([
    live({ variantName: 'A', currentInstanceCount: 4, desiredInstanceCount: 4 }),
    live({ variantName: 'B', currentInstanceCount: 1, desiredInstanceCount: 1 }),
  ]);
  const both = [variant({ variantName: 'A' }), variant({ variantName: 'B' })];
  const canaryOf = (canarySize: { type_: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'; value: number }) => ({
    ...watched,
    blueGreenUpdatePolicy: {
      ...watched.blueGreenUpdatePolicy!,
      trafficRoutingConfiguration: { type_: 'CANARY' as const, waitIntervalInSeconds: 600, canarySize },
    },
  });
  const sizeWarnings = (deploymentConfig: DeploymentConfigInput, ctx = uneven) =>
    rolloutWarnings(draft(both, deploymentConfig), ctx).filter((warning) => warning.code === 'size-not-every-variant');

  it('names the variant a canary of 1 instance does not fit (all of B), and the one it fits', () => {
    expect(sizeWarnings(canaryOf({ type_: 'INSTANCE_COUNT', value: 1 }))).toEqual([
      {
        code: 'size-not-every-variant',
        message:
          'Variant "B": Canary size must be at most 50% of the fleet (0 of 1 instance); it is 1 instance. It fits "A", so Fleetdeck lets it through, but the API reference does not say which variant SageMaker holds a size against: it may refuse the update.',
        path: 'draft.deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.canarySize.value',
      },
    ]);
  });

  it('says nothing when the size fits every variant, or none (then validation refuses it)', () => {
    expect(sizeWarnings(canaryOf({ type_: 'INSTANCE_COUNT', value: 1 }), context([live()]))).toEqual([]);
    expect(sizeWarnings(canaryOf({ type_: 'INSTANCE_COUNT', value: 3 }))).toEqual([]);
  });
});

describe('same as the live or the failed config', () => {
  const liveConfig = config('cfg-v1', [
    { variantName: 'AllTraffic', modelName: 'm1', instanceType: 'ml.m5.large', initialInstanceCount: 2 },
  ]);
  const failedConfig = config('cfg-v2', [
    { variantName: 'AllTraffic', modelName: 'm2', instanceType: 'ml.m5.large', initialInstanceCount: 4 },
  ]);
  const rolledBack = context([live()], { failedConfigName: 'cfg-v2', failureReason: 'alarm p99' });

  it.each<[string, DraftVariant[], RolloutWarning['code'][]]>([
    [
      'the live variants again (counts are kept anyway)',
      [variant({ modelName: 'm1', initialInstanceCount: 9 })],
      ['same-as-live', 'retained-instance-count'],
    ],
    ['the failed variants again', [variant({ modelName: 'm2' })], ['same-as-failed']],
    ['a third model', [variant({ modelName: 'm3' })], []],
    ['another instance type', [variant({ modelName: 'm2', instanceType: 'ml.c5.large' })], []],
    ['an extra variant', [variant({ modelName: 'm2' }), variant({ variantName: 'B' })], []],
  ])('%s', (_, variants, expected) => {
    const warnings = rolloutWarnings(draft(variants), rolledBack, undefined, [liveConfig, failedConfig]);
    expect(codes(warnings).sort()).toEqual([...expected].sort());
    const failed = warnings.find((warning) => warning.code === 'same-as-failed');
    if (failed)
      expect(failed.message).toBe(
        'The variants are the same as those of cfg-v2, which SageMaker just rolled back (alarm p99): it will likely fail the same way.',
      );
  });

  it('does not compare without the configs', () => {
    expect(rolloutWarnings(draft([variant({ modelName: 'm2' })]), rolledBack)).toEqual([]);
  });

  it.each<[string, DraftVariant['serverlessConfig'], ProductionVariant['serverlessConfig'], boolean]>([
    [
      'equal serverless settings',
      { memorySizeInMB: 2048, maxConcurrency: 5 },
      { memorySizeInMB: 2048, maxConcurrency: 5 },
      true,
    ],
    ['more memory', { memorySizeInMB: 3072, maxConcurrency: 5 }, { memorySizeInMB: 2048, maxConcurrency: 5 }, false],
    [
      'provisioned concurrency added',
      { memorySizeInMB: 2048, maxConcurrency: 5, provisionedConcurrency: 1 },
      { memorySizeInMB: 2048, maxConcurrency: 5 },
      false,
    ],
  ])('sameVariantsAs with %s', (_, drafted, configured, same) => {
    expect(
      sameVariantsAs(
        [{ variantName: 'S', modelName: 'm', serverlessConfig: drafted }],
        config('c', [{ variantName: 'S', modelName: 'm', serverlessConfig: configured }]),
      ),
    ).toBe(same);
  });
});
