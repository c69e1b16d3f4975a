// Fleetdeck's table of SageMaker's limits (lib/rollout/sagemaker-limits.ts) and the simulated SageMaker's own
// (limits.ts) are written apart on purpose, so a rollout the dashboard accepts is tested against an independent
// model of AWS. This test is where the two meet: the simulator's code never imports lib/rollout.
import { describe, expect, it } from 'vitest';
import { sagemakerLimits } from '@/lib/rollout/sagemaker-limits';
import { simulatedLimits } from './limits';

const range = ({ min, max }: { min: number; max: number }) => ({ min, max });
const share = ({ minPercent, maxPercent }: { minPercent: number; maxPercent: number }) => ({
  min: minPercent,
  max: maxPercent,
});

describe("the dashboard's limits table and the simulator's", () => {
  it.each<[string, unknown, unknown]>([
    ['waitIntervalInSeconds', range(sagemakerLimits.waitIntervalInSeconds), simulatedLimits.waitIntervalInSeconds],
    [
      'terminationWaitInSeconds',
      range(sagemakerLimits.terminationWaitInSeconds),
      simulatedLimits.terminationWaitInSeconds,
    ],
    [
      'maximumExecutionTimeoutInSeconds',
      range(sagemakerLimits.maximumExecutionTimeoutInSeconds),
      simulatedLimits.maximumExecutionTimeoutInSeconds,
    ],
    ['CapacitySize.Value minimum', sagemakerLimits.capacitySizeMinValue, simulatedLimits.capacitySizeMinValue],
    ['canarySize', share(sagemakerLimits.canarySize), simulatedLimits.canarySizePercent],
    ['linearStepSize', share(sagemakerLimits.linearStepSize), simulatedLimits.linearStepSizePercent],
    ['maximumBatchSize', share(sagemakerLimits.maximumBatchSize), simulatedLimits.maximumBatchSizePercent],
    [
      'rollbackMaximumBatchSize',
      share(sagemakerLimits.rollbackMaximumBatchSize),
      simulatedLimits.rollbackMaximumBatchSizePercent,
    ],
    ['alarms', range(sagemakerLimits.alarms), simulatedLimits.alarms],
    ['alarm name length', sagemakerLimits.alarmNameMaxLength, simulatedLimits.alarmNameLength.max],
    ['name length', sagemakerLimits.nameMaxLength, simulatedLimits.nameMaxLength],
  ])('agree on %s', (_, dashboard, simulator) => {
    expect(dashboard).toEqual(simulator);
  });

  it('leave out of the comparison only the limits the simulator does not model', () => {
    const compared = [
      'waitIntervalInSeconds',
      'terminationWaitInSeconds',
      'maximumExecutionTimeoutInSeconds',
      'capacitySizeMinValue',
      'canarySize',
      'linearStepSize',
      'maximumBatchSize',
      'rollbackMaximumBatchSize',
      'alarms',
      'alarmNameMaxLength',
      'nameMaxLength',
    ];
    // The simulator checks no variant counts, weights or serverless sizes: SageMaker's CreateEndpointConfig
    // would, and the simulator's configs come from tests. A new limit in either table must be added above.
    const notModelled = [
      'variantsPerConfig',
      'initialInstanceCount',
      'initialVariantWeight',
      'serverlessMemorySizeInMB',
      'serverlessConcurrency',
    ];
    expect(Object.keys(sagemakerLimits).sort()).toEqual([...compared, ...notModelled].sort());
    expect(Object.keys(simulatedLimits)).toHaveLength(compared.length);
  });
});
