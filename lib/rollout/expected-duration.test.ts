import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { expectedRolloutSeconds, updateAllowanceSeconds } from './expected-duration';
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
