import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { expectedRolloutSeconds } from './expected-duration';
import { INSTANCE_LAUNCH_ALLOWANCE_SECONDS as LAUNCH, TRAFFIC_SHIFT_ALLOWANCE_SECONDS as SHIFT } from './schedule';

describe('expectedRolloutSeconds', () => {
  it.each<[string, DeploymentConfig | undefined, number, number | undefined]>([
    ['no deploymentConfig', undefined, 4, undefined],
    ['alarms but no update policy', { autoRollbackConfiguration: { alarms: [{ alarmName: 'a' }] } }, 4, undefined],
    [
      'canary with termination wait',
      { blueGreenUpdatePolicy: { terminationWaitInSeconds: 300, trafficRoutingConfiguration: { type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: { type_: 'CAPACITY_PERCENT', value: 10 } } } },
      4,
      LAUNCH + 2 * (SHIFT + 600) + 300,
    ],
    ['all at once without a wait', { blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } } }, 4, LAUNCH + SHIFT],
    ['rolling one instance at a time on 3', { rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 60 } }, 3, 3 * (LAUNCH + SHIFT + 60)],
    ['rolling one instance at a time on 4', { rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 60 } }, 4, 4 * (LAUNCH + SHIFT + 60)],
  ])('%s on %i instances', (_, config, instances, expected) => {
    expect(expectedRolloutSeconds(config, instances)).toBe(expected);
  });
});
