import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import type { Endpoint, PendingVariantSummary } from '@/lib/schemas/endpoint';
import { makeEndpoint, referenceEndpoint, runningVariant } from './fixtures.test-support';
import { newFleetShare, planSteps } from './traffic-split';

const canary = (type_: string, value: number): DeploymentConfig => ({
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: { type_: 'CANARY', waitIntervalInSeconds: 300, canarySize: { type_, value } },
  },
});
const linear = (type_: string, value: number): DeploymentConfig => ({
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: { type_: 'LINEAR', waitIntervalInSeconds: 300, linearStepSize: { type_, value } },
  },
});
const allAtOnce: DeploymentConfig = {
  blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } },
};
const rolling = (value: number): DeploymentConfig => ({
  rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value }, waitIntervalInSeconds: 60 },
});

const pending = (
  name: string,
  stage: string | undefined,
  current: number,
  desired: number,
  // null: serverless, no instances.
  instances: number | null = 4,
): PendingVariantSummary => ({
  variantName: name,
  instanceType: 'ml.m5.large',
  currentWeight: current,
  desiredWeight: desired,
  ...(instances === null
    ? { desiredServerlessConfig: { maxConcurrency: 5, memorySizeInMB: 2048 } }
    : { currentInstanceCount: instances, desiredInstanceCount: instances }),
  ...(stage ? { variantStatus: [{ status: stage, startTime: '2026-11-25T10:05:00Z' }] } : {}),
});

function updating(policy: DeploymentConfig | undefined, variants: PendingVariantSummary[]): Endpoint {
  return makeEndpoint({
    spec: policy ? { deploymentConfig: policy } : {},
    status: {
      endpointStatus: 'Updating',
      productionVariants: [runningVariant('primary', 4, 'img:1')],
      pendingDeploymentSummary: { endpointConfigName: 'cfg-v2', productionVariants: variants },
    },
  });
}

describe('planSteps', () => {
  it.each([
    ['canary of 25 % of 4 instances', canary('CAPACITY_PERCENT', 25), 4, [0.25, 1]],
    ['canary of 1 instance of 3', canary('INSTANCE_COUNT', 1), 3, [1 / 3, 1]],
    ['canary of 10 % of 4 instances rounds to one instance', canary('CAPACITY_PERCENT', 10), 4, [0.25, 1]],
    ['linear steps of 1 instance of 3: three steps, not four', linear('INSTANCE_COUNT', 1), 3, [1 / 3, 2 / 3, 1]],
    ['linear steps of 50 %', linear('CAPACITY_PERCENT', 50), 4, [0.5, 1]],
    ['linear steps of 2 instances of 5: the last one is short', linear('INSTANCE_COUNT', 2), 5, [0.4, 0.8, 1]],
    ['all at once', allAtOnce, 4, [1]],
    ['no policy: all at once', undefined, 4, [1]],
    ['rolling batches of 2 of 4 instances', rolling(2), 4, [0.5, 1]],
  ])('%s', (_, policy, instances, steps) => {
    const plan = planSteps(policy, pending('primary', 'Creating', 0, 1, instances));
    expect(plan).toHaveLength(steps.length);
    plan!.forEach((share, index) => expect(share).toBeCloseTo(steps[index]!, 9));
  });

  it('sizes a serverless variant by a percentage only, and Inf1 falls back to all at once', () => {
    expect(planSteps(linear('CAPACITY_PERCENT', 50), pending('s', 'Creating', 0, 1, null))).toEqual([0.5, 1]);
    expect(planSteps(linear('INSTANCE_COUNT', 1), pending('s', 'Creating', 0, 1, null))).toBeUndefined();
    const inf1 = { ...pending('primary', 'Creating', 0, 1), instanceType: 'ml.inf1.xlarge' };
    expect(planSteps(canary('CAPACITY_PERCENT', 25), inf1)).toEqual([1]);
  });
});

describe('newFleetShare', () => {
  it.each<[string, DeploymentConfig | undefined, PendingVariantSummary[], number | undefined]>([
    // Blue/green launches the whole new fleet before any traffic moves.
    ['canary, launching', canary('CAPACITY_PERCENT', 25), [pending('primary', 'Creating', 0, 1)], 0],
    [
      'canary, the canary turned on',
      canary('CAPACITY_PERCENT', 25),
      [pending('primary', 'ActivatingTraffic', 0.25, 1)],
      0.25,
    ],
    ['canary, baking the canary', canary('CAPACITY_PERCENT', 25), [pending('primary', 'Baking', 0.25, 1)], 0.25],
    // SageMaker may move the weight only when a step ends: a step being turned on carries at least the first step.
    [
      'canary, first step, weight not moved yet',
      canary('CAPACITY_PERCENT', 25),
      [pending('primary', 'ActivatingTraffic', 0, 1)],
      0.25,
    ],
    ['canary, the rest turned on', canary('CAPACITY_PERCENT', 25), [pending('primary', 'ActivatingTraffic', 1, 1)], 1],
    ['canary, final bake', canary('CAPACITY_PERCENT', 25), [pending('primary', 'Baking', 3, 3)], 1],
    [
      'linear, a weight between steps rounds down',
      linear('INSTANCE_COUNT', 1),
      [pending('primary', 'Baking', 0.6, 1, 3)],
      1 / 3,
    ],
    ['linear, second of three steps', linear('INSTANCE_COUNT', 1), [pending('primary', 'Baking', 2 / 3, 1, 3)], 2 / 3],
    ['all at once, turned on', allAtOnce, [pending('primary', 'ActivatingTraffic', 0, 1)], 1],
    ['no policy, launching', undefined, [pending('primary', 'Creating', 0, 1)], 0],
    ['old fleet going', canary('CAPACITY_PERCENT', 25), [pending('primary', 'Deleting', 1, 1)], 1],
    // Rolling shifts batch by batch; a later batch launches while the earlier ones carry traffic.
    ['rolling, second batch launching', rolling(1), [pending('primary', 'Creating', 0.25, 1)], 0.25],
    ['rolling, first batch launching', rolling(1), [pending('primary', 'Creating', 0, 1)], 0],
    // Each variant steps by its own size (§13.4), weighted by its desired weight: (3 × 1/4 + 1 × 1/2) / 4.
    [
      'two variants, canary of 25 %',
      canary('CAPACITY_PERCENT', 25),
      [pending('a', 'Baking', 0.75, 3, 4), pending('b', 'Baking', 0.5, 1, 2)],
      (3 * 0.25 + 1 * 0.5) / 4,
    ],
    [
      'a serverless variant sized by count follows its weight',
      linear('INSTANCE_COUNT', 1),
      [pending('s', 'Baking', 0.4, 1, null)],
      0.4,
    ],
    ['no weights to place the step', linear('INSTANCE_COUNT', 1), [{ variantName: 'x' }], undefined],
  ])('%s', (_, policy, variants, share) => {
    const derived = newFleetShare(updating(policy, variants));
    if (share === undefined) expect(derived).toBeUndefined();
    else expect(derived).toBeCloseTo(share, 9);
  });

  it('is undefined with no deployment in flight, and during a create (no old fleet)', () => {
    expect(newFleetShare(makeEndpoint({ status: { endpointStatus: 'InService' } }))).toBeUndefined();
    const fixture = referenceEndpoint('readone/observed/updating_deployment.yaml');
    expect(newFleetShare(fixture)).toBe(0);
    const creating = {
      ...fixture,
      status: { ...fixture.status, endpointStatus: 'Creating', productionVariants: undefined },
    };
    expect(newFleetShare(creating)).toBeUndefined();
  });
});
