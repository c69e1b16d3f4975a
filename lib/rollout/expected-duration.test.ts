import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { expectedRolloutSeconds, newFleetVariantInstances, updateAllowanceSeconds } from './expected-duration';
import { INSTANCE_LAUNCH_ALLOWANCE_SECONDS as LAUNCH, TRAFFIC_SHIFT_ALLOWANCE_SECONDS as SHIFT } from './schedule';

const alarms = { autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] } };

describe('expectedRolloutSeconds', () => {
  it.each<[string, DeploymentConfig | undefined, number, number | undefined]>([
    ['no deploymentConfig', undefined, 4, undefined],
    ['alarms but no update policy', { autoRollbackConfiguration: { alarms: [{ alarmName: 'a' }] } }, 4, undefined],
    [
      'canary with termination wait',
      {
        ...alarms,
        blueGreenUpdatePolicy: {
          terminationWaitInSeconds: 300,
          trafficRoutingConfiguration: {
            type_: 'CANARY',
            waitIntervalInSeconds: 600,
            canarySize: { type_: 'CAPACITY_PERCENT', value: 10 },
          },
        },
      },
      4,
      LAUNCH + 2 * (SHIFT + 600) + 300,
    ],
    [
      'all at once without a wait',
      { blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } } },
      4,
      LAUNCH + SHIFT,
    ],
    [
      'rolling one instance at a time on 3',
      {
        ...alarms,
        rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 60 },
      },
      3,
      3 * (LAUNCH + SHIFT + 60),
    ],
    [
      'rolling one instance at a time on 4',
      {
        ...alarms,
        rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 60 },
      },
      4,
      4 * (LAUNCH + SHIFT + 60),
    ],
  ])('%s on %i instances', (_, config, instances, expected) => {
    expect(expectedRolloutSeconds(config, instances)).toBe(expected);
  });
});

describe('expectedRolloutSeconds per variant', () => {
  const linear = (linearStepSize: { type_: string; value: number }): DeploymentConfig => ({
    ...alarms,
    blueGreenUpdatePolicy: {
      trafficRoutingConfiguration: { type_: 'LINEAR', waitIntervalInSeconds: 60, linearStepSize },
    },
  });
  const canary50: DeploymentConfig = {
    ...alarms,
    blueGreenUpdatePolicy: {
      trafficRoutingConfiguration: {
        type_: 'CANARY',
        waitIntervalInSeconds: 600,
        canarySize: { type_: 'CAPACITY_PERCENT', value: 50 },
      },
    },
  };
  // Steps are sized against each variant's own instances (docs/ack-behaviour.md §13.4): the deployment takes as
  // many steps as its slowest variant, not as many as one variant of the whole fleet would.
  it.each<[string, DeploymentConfig, number, number[] | undefined, number]>([
    ['linear 1 instance on 4 + 2: four steps', linear({ type_: 'INSTANCE_COUNT', value: 1 }), 6, [4, 2], 4],
    ['linear 1 instance on one variant of 6: six steps', linear({ type_: 'INSTANCE_COUNT', value: 1 }), 6, [6], 6],
    [
      'linear 20% on 3 + 3: one instance of each, three steps',
      linear({ type_: 'CAPACITY_PERCENT', value: 20 }),
      6,
      [3, 3],
      3,
    ],
    [
      'linear 20% on 3 + 3 unknown per variant: as one of 6',
      linear({ type_: 'CAPACITY_PERCENT', value: 20 }),
      6,
      undefined,
      6,
    ],
    ['canary 50% on 1 + 1: each canary is its whole variant, one step', canary50, 2, [1, 1], 1],
    ['canary 50% on one variant of 2: two steps', canary50, 2, [2], 2],
    ['only serverless variants (no counts): as one variant of the running count', canary50, 2, [0], 2],
  ])('%s', (_, config, running, perVariant, shifts) => {
    const wait = config.blueGreenUpdatePolicy?.trafficRoutingConfiguration?.waitIntervalInSeconds ?? 0;
    expect(expectedRolloutSeconds(config, running, [], perVariant)).toBe(LAUNCH + shifts * (SHIFT + wait));
  });
});

describe('newFleetVariantInstances', () => {
  const running = [
    { desiredInstanceCount: 4, currentInstanceCount: 4 },
    { desiredInstanceCount: 2, currentInstanceCount: 1 },
  ];
  it.each<[string, Parameters<typeof newFleetVariantInstances>[0], number[]]>([
    ['no pending deployment: the running variants, which an update retains', undefined, [4, 2]],
    [
      'a pending deployment: its desired counts',
      [{ desiredInstanceCount: 3, currentInstanceCount: 0 }, { currentInstanceCount: 5 }],
      [3, 5],
    ],
    [
      'serverless variants count for none',
      [{ desiredInstanceCount: 3 }, { desiredServerlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5 } }],
      [3],
    ],
  ])('%s', (_, pending, expected) => {
    expect(newFleetVariantInstances(pending, running)).toEqual(expected);
  });
});

describe('expectedRolloutSeconds with launch timeouts', () => {
  const canary = {
    ...alarms,
    blueGreenUpdatePolicy: {
      trafficRoutingConfiguration: {
        type_: 'CANARY',
        waitIntervalInSeconds: 600,
        canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
      },
    },
  };
  const rolling = {
    ...alarms,
    rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 60 },
  };
  const slow = [
    { modelDataDownloadTimeoutInSeconds: 1200, containerStartupHealthCheckTimeoutInSeconds: 900 },
    { containerStartupHealthCheckTimeoutInSeconds: 300 },
  ];

  it('adds the longest configured download and start-up timeouts once per launch', () => {
    expect(expectedRolloutSeconds(canary, 4, slow)).toBe(LAUNCH + 2 * (SHIFT + 600) + 2100);
    expect(expectedRolloutSeconds(rolling, 3, slow)).toBe(3 * (LAUNCH + SHIFT + 60 + 2100));
  });

  it('adds nothing for timeouts left unset (the API reference documents no default)', () => {
    expect(expectedRolloutSeconds(canary, 4, [{}])).toBe(expectedRolloutSeconds(canary, 4));
  });
});

describe('updateAllowanceSeconds', () => {
  it.each<[string, number | undefined, number]>([
    ['no policy: the no-policy allowance', undefined, 1800],
    ['a policy planning less than that: still the no-policy allowance, never sooner', LAUNCH + SHIFT, 1800],
    ['a policy planning more: its plan', 3600, 3600],
  ])('%s', (_, expected, allowed) => {
    expect(updateAllowanceSeconds(expected, 1800)).toBe(allowed);
  });
});
