import { describe, expect, it } from 'vitest';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import type { Model } from '@/lib/schemas/model';
import type { DraftVariant } from '@/lib/schemas/rollout-request';
import type { LiveVariant, RolloutContext } from './context';
import { planRollout } from './plan';

const live = (over: Partial<LiveVariant> = {}): LiveVariant => ({
  variantName: 'AllTraffic',
  instanceType: 'ml.m5.large',
  currentInstanceCount: 4,
  desiredInstanceCount: 4,
  serverless: false,
  autoscaling: false,
  modelName: 'm1',
  ...over,
});
const context = (variants: LiveVariant[] = [live()]): RolloutContext => ({
  endpointStatus: 'InService',
  liveConfigName: 'cfg-v1',
  variants,
});
const variant = (over: Partial<DraftVariant> = {}): DraftVariant => ({
  variantName: 'AllTraffic',
  modelName: 'm2',
  instanceType: 'ml.m5.large',
  initialInstanceCount: 1,
  ...over,
});
const canary: DeploymentConfigInput = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] },
  blueGreenUpdatePolicy: {
    terminationWaitInSeconds: 300,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
    },
  },
};
const rolling: DeploymentConfigInput = {
  rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 2 }, waitIntervalInSeconds: 60 },
};
const packaged: Model = {
  metadata: { name: 'm2' },
  spec: {
    modelName: 'm2',
    primaryContainer: { modelPackageName: 'arn:aws:sagemaker:us-east-1:123:model-package/vendor' },
  },
};
const imaged: Model = { metadata: { name: 'm2' }, spec: { modelName: 'm2', primaryContainer: { image: 'repo/m:2' } } };

describe('planRollout', () => {
  it.each<[string, LiveVariant, number, number]>([
    [
      "keeps the current desired count, not the config's initial count",
      live({ currentInstanceCount: 4, desiredInstanceCount: 6 }),
      4,
      6,
    ],
    [
      'falls back to the current count when no desired count is reported',
      live({ currentInstanceCount: 3, desiredInstanceCount: undefined }),
      3,
      3,
    ],
  ])('%s (RetainAllVariantProperties)', (_, running, oldInstances, newInstances) => {
    const plan = planRollout(
      { variants: [variant({ initialInstanceCount: 1 })], deploymentConfig: canary },
      context([running]),
    );
    expect(plan.steps[0]).toMatchObject({
      newFleetInstances: newInstances,
      oldFleetInstances: oldInstances,
      trafficShareNew: 0,
    });
  });

  it('gives a new variant its initial instance count', () => {
    const plan = planRollout(
      { variants: [variant(), variant({ variantName: 'B', initialInstanceCount: 3 })] },
      context(),
    );
    expect(plan.steps[0]).toMatchObject({ newFleetInstances: 7, oldFleetInstances: 4 });
  });

  it('counts no instances for a serverless variant', () => {
    const plan = planRollout(
      {
        variants: [
          { variantName: 'S', modelName: 'm2', serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5 } },
        ],
      },
      context([
        live({ variantName: 'S', serverless: true, currentInstanceCount: undefined, desiredInstanceCount: undefined }),
      ]),
    );
    expect(plan.steps[0]).toMatchObject({ newFleetInstances: 0, oldFleetInstances: 0 });
  });

  it('plans a canary with the guardrails, the bakes and the termination wait', () => {
    const plan = planRollout({ variants: [variant()], deploymentConfig: canary }, context());
    expect(plan).toMatchObject({ kind: 'canary', guardrailsApplied: true, terminationWaitSeconds: 300 });
    expect(plan.steps.map((step) => [step.trafficShareNew, step.bakeSeconds])).toEqual([
      [0, 0],
      [0.25, 600],
      [1, 600],
    ]);
  });

  it('plans rolling batch by batch on the retained count', () => {
    const plan = planRollout(
      { variants: [variant()], deploymentConfig: rolling },
      context([live({ currentInstanceCount: 5, desiredInstanceCount: 5 })]),
    );
    expect(plan.kind).toBe('rolling');
    expect(plan.steps.map((step) => [step.newFleetInstances, step.oldFleetInstances])).toEqual([
      [2, 5],
      [4, 3],
      [5, 1],
    ]);
  });

  it.each<[string, DraftVariant, LiveVariant, Model[] | undefined, boolean]>([
    ['an Inf1 instance type in the draft', variant({ instanceType: 'ml.inf1.xlarge' }), live(), undefined, false],
    ['an Inf1 instance type in the live fleet', variant(), live({ instanceType: 'ml.inf1.2xlarge' }), undefined, false],
    ['an Inf2 instance type', variant({ instanceType: 'ml.inf2.xlarge' }), live(), undefined, true],
    ['a model package in the draft', variant(), live(), [packaged], false],
    ['a model package in the live fleet', variant(), live({ marketplace: true }), undefined, false],
    ['an image model', variant(), live(), [imaged], true],
    ['no models given', variant(), live(), undefined, true],
  ])('with %s, guardrails applied is %s', (_, draftVariant, running, models, applied) => {
    const plan = planRollout({ variants: [draftVariant], deploymentConfig: canary }, context([running]), models);
    expect(plan.guardrailsApplied).toBe(applied);
    expect(plan.kind).toBe(applied ? 'canary' : 'all-at-once');
    expect(plan.terminationWaitSeconds).toBe(applied ? 300 : 0);
  });

  it("sizes the canary against each variant's own instances", () => {
    const two = context([
      live({ variantName: 'A', currentInstanceCount: 3, desiredInstanceCount: 3 }),
      live({ variantName: 'B', currentInstanceCount: 3, desiredInstanceCount: 3 }),
    ]);
    const halves: DeploymentConfigInput = {
      ...canary,
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 600,
          canarySize: { type_: 'CAPACITY_PERCENT', value: 50 },
        },
      },
    };
    const plan = planRollout(
      { variants: [variant({ variantName: 'A' }), variant({ variantName: 'B' })], deploymentConfig: halves },
      two,
    );
    // 50% of 3 is 1 instance of each variant: 2 of 6, not 3 of 6.
    expect(plan.steps.map((step) => Number(step.trafficShareNew.toFixed(4)))).toEqual([0, 0.3333, 1]);
  });

  it('without a deployment policy deploys all at once with no bake', () => {
    const plan = planRollout({ variants: [variant()] }, context());
    expect(plan).toMatchObject({ kind: 'all-at-once', guardrailsApplied: false, terminationWaitSeconds: 0 });
    expect(plan.steps.every((step) => step.bakeSeconds === 0)).toBe(true);
  });
});
