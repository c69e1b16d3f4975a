// Which variant a canary or linear step is held against, on an endpoint with several, the API reference does not
// say ("the variant's total instance count", TrafficRoutingConfig). The dashboard's validation and the simulated
// SageMaker each take the permissive reading, written apart (docs/ack-behaviour.md §13.4): a size passes when it
// fits any one variant on instances. This test holds the two to the same answers; the simulator's code never
// imports lib/rollout.
import { describe, expect, it } from 'vitest';
import type { RolloutContext } from '@/lib/rollout/context';
import { validateRollout } from '@/lib/rollout/validate';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import type { RolloutDraft } from '@/lib/schemas/rollout-request';
import { validateDeploymentConfig } from './guardrails';
import type { SimVariant } from './types';

type Size = { type_: 'INSTANCE_COUNT' | 'CAPACITY_PERCENT'; value: number };
const count = (value: number): Size => ({ type_: 'INSTANCE_COUNT', value });
const percent = (value: number): Size => ({ type_: 'CAPACITY_PERCENT', value });
const canary = (canarySize: Size) => ({
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: { type_: 'CANARY' as const, waitIntervalInSeconds: 0, canarySize },
  },
});
const linear = (linearStepSize: Size) => ({
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: { type_: 'LINEAR' as const, waitIntervalInSeconds: 0, linearStepSize },
  },
});
const names = ['A', 'B', 'C'];

/** Whether Fleetdeck's validation lets the size through (no error at a size field). */
function dashboardAccepts(config: ReturnType<typeof canary | typeof linear>, counts: number[]): boolean {
  const context: RolloutContext = {
    endpointStatus: 'InService',
    liveConfigName: 'cfg-v1',
    variants: counts.map((count, index) => ({
      variantName: names[index]!,
      instanceType: 'ml.m5.large',
      currentInstanceCount: count,
      desiredInstanceCount: count,
      currentWeight: 1,
      desiredWeight: 1,
      serverless: false,
      autoscaling: false,
    })),
  };
  const draft: RolloutDraft = {
    baseConfigName: 'cfg-v1',
    reason: 'r',
    variants: counts.map((count, index) => ({
      variantName: names[index]!,
      modelName: 'm2',
      instanceType: 'ml.m5.large',
      initialInstanceCount: count,
      initialVariantWeight: 1,
    })),
    deploymentConfig: config,
  };
  const errors = validateRollout(draft, context);
  expect(errors.every((error) => /(canarySize|linearStepSize)\.value$/.test(error.path))).toBe(true);
  return errors.length === 0;
}

/** Whether the simulated SageMaker's UpdateEndpoint accepts it (no ValidationException). */
function simulatorAccepts(config: DeploymentConfig, counts: number[]): boolean {
  const fleet: SimVariant[] = counts.map((count, index) => ({
    variantName: names[index]!,
    instanceType: 'ml.m5.large',
    instanceCount: count,
    weight: 1,
    images: [],
  }));
  try {
    validateDeploymentConfig(config, fleet, fleet);
    return true;
  } catch {
    return false;
  }
}

describe('canary and linear step sizes: validation and the simulator agree', () => {
  it.each<[string, ReturnType<typeof canary | typeof linear>, number[], boolean]>([
    ['canary of 1 instance on 4 + 1: fits A (25%), not B (100%)', canary(count(1)), [4, 1], true],
    ['canary of 3 instances on 4 + 1: fits neither', canary(count(3)), [4, 1], false],
    ['canary of 2 instances on 4 + 4: fits both', canary(count(2)), [4, 4], true],
    ['canary of 50% on 4 + 2', canary(percent(50)), [4, 2], true],
    ['canary of 51% on 4 + 2', canary(percent(51)), [4, 2], false],
    ['canary of 2 instances on one variant of 3 (67%)', canary(count(2)), [3], false],
    ['linear step of 1 instance on 20 + 5: fits B (20%), not A (5%)', linear(count(1)), [20, 5], true],
    ['linear step of 1 instance on 20 + 20: fits neither (5%)', linear(count(1)), [20, 20], false],
    ['linear step of 3 instances on 4 + 10 + 30: fits B only', linear(count(3)), [4, 10, 30], true],
    ['linear step of 10% on 10', linear(percent(10)), [10], true],
    ['linear step of 60% on 10', linear(percent(60)), [10], false],
  ])('%s', (_, config, counts, accepted) => {
    expect(dashboardAccepts(config, counts)).toBe(accepted);
    expect(simulatorAccepts(config, counts)).toBe(accepted);
  });
});
