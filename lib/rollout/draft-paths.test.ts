import { describe, expect, it } from 'vitest';
import { alarmIndexAt, draftPaths, variantFieldAt } from './draft-paths';

// The paths are the request body's, as the API's 422 names them: spelled out here, not built.
describe('draftPaths', () => {
  it.each([
    [draftPaths.reason, 'draft.reason'],
    [draftPaths.variant(1, 'initialInstanceCount'), 'draft.variants.1.initialInstanceCount'],
    [draftPaths.serverless(0, 'memorySizeInMB'), 'draft.variants.0.serverlessConfig.memorySizeInMB'],
    [draftPaths.alarm(2), 'draft.deploymentConfig.autoRollbackConfiguration.alarms.2.alarmName'],
    [draftPaths.waitSeconds('rolling'), 'draft.deploymentConfig.rollingUpdatePolicy.waitIntervalInSeconds'],
    [
      draftPaths.waitSeconds('canary'),
      'draft.deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.waitIntervalInSeconds',
    ],
    [
      draftPaths.timeoutSeconds('rolling'),
      'draft.deploymentConfig.rollingUpdatePolicy.maximumExecutionTimeoutInSeconds',
    ],
    [
      draftPaths.timeoutSeconds('none'),
      'draft.deploymentConfig.blueGreenUpdatePolicy.maximumExecutionTimeoutInSeconds',
    ],
    [
      draftPaths.canarySize.value,
      'draft.deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.canarySize.value',
    ],
    [draftPaths.batchSize.unit, 'draft.deploymentConfig.rollingUpdatePolicy.maximumBatchSize.type_'],
    [draftPaths.rollbackBatchSize.path, 'draft.deploymentConfig.rollingUpdatePolicy.rollbackMaximumBatchSize'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });
});

describe('variantFieldAt', () => {
  it('finds the variant and field of a variant path, a serverless one by its own name', () => {
    expect(variantFieldAt(draftPaths.variant(3, 'modelName'))).toEqual({ index: 3, field: 'modelName' });
    expect(variantFieldAt(draftPaths.serverless(0, 'maxConcurrency'))).toEqual({ index: 0, field: 'maxConcurrency' });
  });

  it('finds nothing in other paths', () => {
    expect(variantFieldAt(draftPaths.variants)).toBeUndefined();
    expect(variantFieldAt('draftXvariants.0.modelName')).toBeUndefined();
    expect(variantFieldAt(draftPaths.alarm(0))).toBeUndefined();
  });
});

describe('alarmIndexAt', () => {
  it('finds the alarm of an alarm name path, and nothing elsewhere', () => {
    expect(alarmIndexAt(draftPaths.alarm(4))).toBe(4);
    expect(alarmIndexAt(draftPaths.alarms)).toBeUndefined();
    expect(alarmIndexAt(draftPaths.variant(0, 'variantName'))).toBeUndefined();
  });
});
