import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import type { Timings } from '../timings';
import { blueGreenStages, rollingStages } from './deployment-stages';
import type { SimVariant, Stage } from './types';

const timings: Timings = {
  scale: 0.001,
  createSeconds: 300,
  instanceLaunchSeconds: 200,
  trafficStepSeconds: 30,
  rollbackSeconds: 100,
  deleteSeconds: 60,
};
const variant = (variantName: string, instanceCount: number): SimVariant => ({
  variantName,
  instanceType: 'ml.c5.large',
  instanceCount,
  weight: 1,
  images: [],
});
const alarms = { autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] } };
const linear = (type_: string, value: number, extra: object = alarms): DeploymentConfig => ({
  ...extra,
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: { type_: 'LINEAR', waitIntervalInSeconds: 60, linearStepSize: { type_, value } },
  },
});
const shifts = (stages: Stage[]) =>
  stages.filter((stage) => stage.status === 'ActivatingTraffic').map((stage) => stage.trafficShare);

describe('linear steps', () => {
  it.each([
    // [size type, value, instances, shares of the variant after each step]
    ['INSTANCE_COUNT', 1, 3, [1 / 3, 2 / 3, 1]], // whole instances: 3 steps, not 4 from adding 33.3% four times
    ['INSTANCE_COUNT', 2, 5, [2 / 5, 4 / 5, 1]],
    ['CAPACITY_PERCENT', 50, 4, [0.5, 1]],
    ['CAPACITY_PERCENT', 20, 3, [1 / 3, 2 / 3, 1]], // 20% of 3 is 0.6 instance: one instance per step
    ['CAPACITY_PERCENT', 30, 5, [1 / 5, 2 / 5, 3 / 5, 4 / 5, 1]], // 1.5 instances rounds down to 1
  ])('%s %d of %d instances turns on whole instances in as many steps as it takes', (type_, value, count, expected) => {
    const stages = blueGreenStages(linear(type_, value), [variant('a', count)], timings, true);
    expect(shifts(stages)).toEqual(expected.map((share) => ({ a: share })));
  });

  it("sizes each variant's steps against its own instances, not the endpoint's", () => {
    const fleet = [variant('big', 4), variant('small', 2)];
    expect(shifts(blueGreenStages(linear('CAPACITY_PERCENT', 50), fleet, timings, true))).toEqual([
      { big: 0.5, small: 0.5 },
      { big: 1, small: 1 },
    ]);
    // One instance per step: the small variant is done after two steps, the deployment after four.
    expect(shifts(blueGreenStages(linear('INSTANCE_COUNT', 1), fleet, timings, true))).toEqual([
      { big: 0.25, small: 0.5 },
      { big: 0.5, small: 1 },
      { big: 0.75, small: 1 },
      { big: 1, small: 1 },
    ]);
  });

  it('moves a serverless variant by a percentage of its capacity', () => {
    const serverless: SimVariant = {
      variantName: 's',
      weight: 1,
      serverless: { memorySizeInMB: 2048, maxConcurrency: 5 },
      images: [],
    };
    expect(shifts(blueGreenStages(linear('CAPACITY_PERCENT', 50), [serverless], timings, true))).toEqual([
      { s: 0.5 },
      { s: 1 },
    ]);
  });
});

describe('canary steps', () => {
  it("turns on the canary portion of each variant's instances, then the rest", () => {
    const config: DeploymentConfig = {
      ...alarms,
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 60,
          canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
        },
      },
    };
    expect(shifts(blueGreenStages(config, [variant('big', 4), variant('small', 2)], timings, true))).toEqual([
      { big: 0.25, small: 0.5 },
      { big: 1, small: 1 },
    ]);
  });
});

describe('baking', () => {
  const statuses = (stages: Stage[]) => stages.map((stage) => `${stage.status} ${stage.durationMs}`);
  const withWaits = (extra: object): DeploymentConfig => ({
    ...extra,
    blueGreenUpdatePolicy: {
      terminationWaitInSeconds: 40,
      trafficRoutingConfiguration: {
        type_: 'CANARY',
        waitIntervalInSeconds: 60,
        canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
      },
    },
  });

  it('bakes after every blue/green step with alarms, the last bake holding the termination wait too', () => {
    expect(statuses(blueGreenStages(withWaits(alarms), [variant('a', 4)], timings, true))).toEqual([
      'Creating 200',
      'ActivatingTraffic 30',
      'Baking 60',
      'ActivatingTraffic 30',
      'Baking 100',
    ]);
  });

  it('does not bake between blue/green steps without alarms, and still waits before the old fleet goes', () => {
    expect(statuses(blueGreenStages(withWaits({}), [variant('a', 4)], timings, true))).toEqual([
      'Creating 200',
      'ActivatingTraffic 30',
      'ActivatingTraffic 30',
      'Baking 40',
    ]);
  });

  it('bakes rolling batches only with alarms', () => {
    const policy = {
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 2 }, waitIntervalInSeconds: 60 },
    };
    expect(rollingStages({ ...alarms, ...policy }, [variant('a', 4)], timings).map((stage) => stage.status)).toEqual([
      'Creating',
      'ActivatingTraffic',
      'Baking',
      'Creating',
      'ActivatingTraffic',
      'Baking',
    ]);
    expect(rollingStages(policy, [variant('a', 4)], timings).map((stage) => stage.status)).toEqual([
      'Creating',
      'ActivatingTraffic',
      'Creating',
      'ActivatingTraffic',
    ]);
  });

  it('turns a rolling batch on only once it has launched', () => {
    const policy: DeploymentConfig = {
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 50 }, waitIntervalInSeconds: 0 },
    };
    expect(
      rollingStages(policy, [variant('a', 4)], timings).map((stage) => `${stage.status} ${stage.trafficShare?.a}`),
    ).toEqual(['Creating 0', 'ActivatingTraffic 0.5', 'Creating 0.5', 'ActivatingTraffic 1']);
  });
});
