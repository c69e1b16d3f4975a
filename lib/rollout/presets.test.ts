import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/lib/format/duration';
import { deploymentConfigInputSchema, type DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import type { RolloutContext } from './context';
import {
  applyPreset,
  defaultTimeoutSeconds,
  presetFromSearchParams,
  presetIds,
  presets,
  presetToSearchParams,
  type PresetLink,
} from './presets';
import { validateRollout } from './validate';

const fleetOf = (instances: number): RolloutContext => ({
  endpointStatus: 'InService',
  liveConfigName: 'cfg-v1',
  variants: [
    {
      variantName: 'AllTraffic',
      instanceType: 'ml.m5.large',
      currentInstanceCount: instances,
      desiredInstanceCount: instances,
      serverless: false,
      autoscaling: false,
    },
  ],
});

// SageMaker bakes only while it watches alarms (docs/ack-behaviour.md §13.4) and no preset names one, so a
// description may promise a bake only for when alarms are added, and for as long as the preset's wait.
describe('preset descriptions', () => {
  it.each(presetIds)('%s promises a bake only with alarms named', (id) => {
    const { description, defaults } = presets[id];
    expect(defaults.alarms).toEqual([]);
    const withAlarms = `with alarms named, SageMaker bakes ${formatDuration(defaults.waitSeconds)} after`;
    expect(description).toContain(withAlarms);
    expect(description.replace(withAlarms, '')).not.toMatch(/bak/i);
  });

  it.each([
    [
      'all-at-once',
      'Launch the new fleet, move all traffic at once and keep the old fleet 5 min more; with alarms named, SageMaker bakes 10 min after the shift while it watches them.',
    ],
    [
      'canary',
      'Send 10% of capacity to the new fleet, then move the rest; with alarms named, SageMaker bakes 10 min after each step while it watches them.',
    ],
    [
      'rolling',
      'Replace 25% of the instances at a time, with no second full fleet; with alarms named, SageMaker bakes 5 min after each batch while it watches them.',
    ],
  ] as const)('%s reads in these words', (id, text) => {
    expect(presets[id].description).toBe(text);
  });
});

describe('applyPreset', () => {
  it('blue/green all at once: wait 600 s, termination wait 300 s, no alarms', () => {
    const config = applyPreset('all-at-once');
    expect(config).toEqual({
      blueGreenUpdatePolicy: {
        terminationWaitInSeconds: 300,
        maximumExecutionTimeoutInSeconds: defaultTimeoutSeconds(config, 4),
        trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 600 },
      },
    });
  });

  it('canary: 10% of capacity, wait 600 s, then the rest', () => {
    expect(applyPreset('canary').blueGreenUpdatePolicy?.trafficRoutingConfiguration).toEqual({
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 10 },
    });
  });

  it('linear: 20% per step, wait 300 s', () => {
    expect(applyPreset('linear').blueGreenUpdatePolicy?.trafficRoutingConfiguration).toEqual({
      type_: 'LINEAR',
      waitIntervalInSeconds: 300,
      linearStepSize: { type_: 'CAPACITY_PERCENT', value: 20 },
    });
  });

  it('rolling: 25% batches, wait 300 s, rollback batch left to SageMaker (100%) unless given', () => {
    expect(applyPreset('rolling').rollingUpdatePolicy).toMatchObject({
      maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 25 },
      waitIntervalInSeconds: 300,
    });
    expect(applyPreset('rolling').rollingUpdatePolicy).not.toHaveProperty('rollbackMaximumBatchSize');
    expect(applyPreset('rolling', { rollbackBatchPercent: 100 }).rollingUpdatePolicy?.rollbackMaximumBatchSize).toEqual(
      { type_: 'CAPACITY_PERCENT', value: 100 },
    );
  });

  it('takes parameters over the defaults, alarms included', () => {
    const config = applyPreset('canary', {
      canaryPercent: 25,
      waitSeconds: 120,
      terminationWaitSeconds: 0,
      timeoutSeconds: 3600,
      alarms: ['p99', 'errors'],
    });
    expect(config).toEqual({
      autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }, { alarmName: 'errors' }] },
      blueGreenUpdatePolicy: {
        terminationWaitInSeconds: 0,
        maximumExecutionTimeoutInSeconds: 3600,
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 120,
          canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
        },
      },
    });
  });

  it.each(presetIds)(
    '%s gives a config the request schema accepts and validation passes on a fleet of 4 and of 20',
    (presetId) => {
      for (const instances of [4, 20]) {
        const deploymentConfig = applyPreset(presetId, { alarms: ['p99'] }, instances);
        expect(deploymentConfigInputSchema.safeParse(deploymentConfig).success).toBe(true);
        const draft = {
          baseConfigName: 'cfg-v1',
          reason: 'r',
          deploymentConfig,
          variants: [
            {
              variantName: 'AllTraffic',
              modelName: 'm2',
              instanceType: 'ml.m5.large',
              initialInstanceCount: instances,
            },
          ],
        };
        expect(validateRollout(draft, fleetOf(instances))).toEqual([]);
      }
    },
  );
});

describe('defaultTimeoutSeconds', () => {
  it.each<[string, number, number]>([
    // all at once, 4 instances: 600 launch + 60 shift + 600 bake + 300 wait = 1560; × 1.5 = 2340, up to 2400.
    ['all-at-once', 4, 2400],
    // rolling 25% of 40: 4 batches of (600 + 60 + 300) = 3840; × 1.5 = 5760, up to 6000.
    ['rolling', 40, 6000],
    // rolling 25% of 3 is 1 instance a batch: 3 × 960 = 2880; × 1.5 = 4320.
    ['rolling', 3, 4500],
  ])('%s on %i instances: %i s', (presetId, instances, expected) => {
    expect(
      applyPreset(presetId as 'rolling', {}, instances).rollingUpdatePolicy?.maximumExecutionTimeoutInSeconds ??
        applyPreset(presetId as 'all-at-once', {}, instances).blueGreenUpdatePolicy?.maximumExecutionTimeoutInSeconds,
    ).toBe(expected);
  });

  it.each<[string, DeploymentConfigInput, number, number]>([
    [
      'a plan longer than SageMaker allows is capped at 28800 s',
      { rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 3600 } },
      10,
      28800,
    ],
    // 4 × (600 + 60 + 3600) = 17040 s; × 1.5 = 25560, up to 25800.
    [
      'a plan just under the cap is not capped',
      { rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 3600 } },
      4,
      25800,
    ],
    [
      "the shortest plan (launch and shift) stays above SageMaker's minimum of 600 s",
      { blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } } },
      0,
      1200,
    ],
  ])('%s', (_, config, instances, expected) => {
    expect(defaultTimeoutSeconds(config, instances)).toBe(expected);
  });
});

describe('preset links', () => {
  it.each<PresetLink>([
    { presetId: 'canary', params: { canaryPercent: 20, waitSeconds: 900, alarms: ['p99 latency', 'a,b'] } },
    { presetId: 'linear', params: {} },
    { presetId: 'rolling', params: { batchPercent: 5, rollbackBatchPercent: 100, timeoutSeconds: 28800 } },
    { presetId: 'all-at-once', params: { terminationWaitSeconds: 0, waitSeconds: 3600 } },
  ])('round-trips $presetId', (link) => {
    const search = presetToSearchParams(link.presetId, link.params);
    expect(presetFromSearchParams(new URLSearchParams(search.toString()))).toEqual(link);
  });

  it('writes readable links', () => {
    expect(presetToSearchParams('canary', { canaryPercent: 10, alarms: ['p99'] }).toString()).toBe(
      'preset=canary&canaryPercent=10&alarm=p99',
    );
  });

  it.each<[string, string, RegExp]>([
    ['no preset', 'canaryPercent=10', /exactly one preset/],
    ['two presets', 'preset=canary&preset=linear', /exactly one preset/],
    ['an unknown preset', 'preset=yolo', /Unknown preset "yolo"; choose one of all-at-once, canary, linear, rolling/],
    [
      'a parameter of another preset',
      'preset=canary&stepPercent=20',
      /Blue\/green canary preset has no parameter "stepPercent"; it takes canaryPercent/,
    ],
    [
      'a repeated number',
      'preset=canary&canaryPercent=10&canaryPercent=20',
      /Canary size \(canaryPercent\) is given 2 times/,
    ],
    [
      'a word',
      'preset=canary&canaryPercent=ten',
      /Canary size \(canaryPercent\) must be a whole number from 1 to 50%; it is "ten"/,
    ],
    [
      'an empty number',
      'preset=canary&waitSeconds=',
      /Wait after each step \(waitSeconds\) must be a whole number from 0 to 3600 s; it is ""/,
    ],
    ['a fraction', 'preset=canary&canaryPercent=10.5', /must be a whole number/],
    ['an exponent', 'preset=canary&canaryPercent=1e1', /must be a whole number/],
    ['a negative number', 'preset=canary&waitSeconds=-1', /must be a whole number from 0 to 3600 s/],
    ['a leading zero', 'preset=canary&canaryPercent=010', /must be a whole number/],
    ['canary size below 1%', 'preset=canary&canaryPercent=0', /from 1 to 50%; it is "0"/],
    ['canary size above 50%', 'preset=canary&canaryPercent=51', /from 1 to 50%; it is "51"/],
    [
      'linear step below 10%',
      'preset=linear&stepPercent=9',
      /Traffic step \(stepPercent\) must be a whole number from 10 to 50%/,
    ],
    ['linear step above 50%', 'preset=linear&stepPercent=51', /from 10 to 50%/],
    [
      'batch below 5%',
      'preset=rolling&batchPercent=4',
      /Batch size \(batchPercent\) must be a whole number from 5 to 50%/,
    ],
    ['batch above 50%', 'preset=rolling&batchPercent=51', /from 5 to 50%/],
    ['rollback batch above 100%', 'preset=rolling&rollbackBatchPercent=101', /from 1 to 100%/],
    ['a wait above 3600 s', 'preset=linear&waitSeconds=3601', /from 0 to 3600 s/],
    [
      'a termination wait above 3600 s',
      'preset=linear&terminationWaitSeconds=3601',
      /Wait before stopping the old fleet/,
    ],
    [
      'a timeout below 600 s',
      'preset=linear&timeoutSeconds=599',
      /Maximum execution time \(timeoutSeconds\) must be a whole number from 600 to 28800 s/,
    ],
    ['a timeout above 28800 s', 'preset=linear&timeoutSeconds=28801', /from 600 to 28800 s/],
    ['a huge number', 'preset=linear&timeoutSeconds=99999999999999999999', /must be a whole number/],
    ['a blank alarm', 'preset=linear&alarm=%20', /Alarm 1 \(alarm\) must be a name of 1 to 255 characters/],
    ['an alarm name of 256 characters', `preset=linear&alarm=${'a'.repeat(256)}`, /Alarm 1/],
    ['11 alarms', `preset=linear${'&alarm=a'.repeat(11)}`, /At most 10 alarms/],
  ])('refuses %s with a clear message', (_, query, message) => {
    const result = presetFromSearchParams(new URLSearchParams(query));
    expect(result).toHaveProperty('error');
    expect('error' in result ? result.error : '').toMatch(message);
  });

  it.each<[string, string]>([
    ['canary size of 1%', 'preset=canary&canaryPercent=1'],
    ['canary size of 50%', 'preset=canary&canaryPercent=50'],
    ['linear step of 10%', 'preset=linear&stepPercent=10'],
    ['linear step of 50%', 'preset=linear&stepPercent=50'],
    ['batch of 5%', 'preset=rolling&batchPercent=5'],
    ['batch of 50%', 'preset=rolling&batchPercent=50'],
    ['wait of 0 s', 'preset=linear&waitSeconds=0'],
    ['wait of 3600 s', 'preset=linear&waitSeconds=3600'],
    ['timeout of 600 s', 'preset=linear&timeoutSeconds=600'],
    ['an alarm name of 255 characters', `preset=linear&alarm=${'a'.repeat(255)}`],
    ['10 alarms', `preset=linear${'&alarm=a'.repeat(10)}`],
  ])('accepts %s', (_, query) => {
    expect(presetFromSearchParams(new URLSearchParams(query))).not.toHaveProperty('error');
  });

  it('lists a range for every numeric parameter that matches SageMaker', () => {
    expect(presets.canary.numbers.find((number) => number.key === 'canaryPercent')).toMatchObject({ min: 1, max: 50 });
    expect(presets.linear.numbers.find((number) => number.key === 'stepPercent')).toMatchObject({ min: 10, max: 50 });
    expect(presets.rolling.numbers.find((number) => number.key === 'batchPercent')).toMatchObject({ min: 5, max: 50 });
  });
});
