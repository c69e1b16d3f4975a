import { describe, expect, it } from 'vitest';
import { sagemakerLimits, serverlessMemorySizesInMB } from './sagemaker-limits';

describe('sagemakerLimits', () => {
  it('has every range the right way round', () => {
    for (const [name, limit] of Object.entries(sagemakerLimits)) {
      if (typeof limit === 'number') expect(limit, name).toBeGreaterThan(0);
      else if ('min' in limit) expect(limit.min, name).toBeLessThanOrEqual(limit.max);
      else {
        expect(limit.minPercent, name).toBeGreaterThanOrEqual(0);
        expect(limit.minPercent, name).toBeLessThanOrEqual(limit.maxPercent);
        expect(limit.maxPercent, name).toBeLessThanOrEqual(100);
      }
    }
  });

  it('holds the documented guardrail bounds', () => {
    expect(sagemakerLimits.waitIntervalInSeconds).toEqual({ min: 0, max: 3600 });
    expect(sagemakerLimits.terminationWaitInSeconds).toEqual({ min: 0, max: 3600 });
    expect(sagemakerLimits.maximumExecutionTimeoutInSeconds).toEqual({ min: 600, max: 28800 });
    expect(sagemakerLimits.canarySize.maxPercent).toBe(50);
    expect(sagemakerLimits.linearStepSize).toEqual({ minPercent: 10, maxPercent: 50 });
    expect(sagemakerLimits.maximumBatchSize).toEqual({ minPercent: 5, maxPercent: 50 });
    expect(sagemakerLimits.alarms).toEqual({ min: 1, max: 10 });
  });
});

describe('serverlessMemorySizesInMB', () => {
  it('lists 1 GB steps from the smallest size to the largest', () => {
    expect(serverlessMemorySizesInMB).toEqual([1024, 2048, 3072, 4096, 5120, 6144]);
  });
});
