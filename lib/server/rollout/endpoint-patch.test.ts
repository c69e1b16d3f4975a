import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { endpointPatchFor, replacingValue } from './endpoint-patch';

/** RFC 7386 applied, to check that a patch really leaves `desired` behind. */
function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}

const rolling = {
  rollingUpdatePolicy: { maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 25 }, waitIntervalInSeconds: 60 },
  autoRollbackConfiguration: { alarms: [{ alarmName: 'a' }, { alarmName: 'b' }] },
};
const canary = {
  blueGreenUpdatePolicy: {
    trafficRoutingConfiguration: {
      type_: 'CANARY' as const,
      waitIntervalInSeconds: 300,
      canarySize: { type_: 'INSTANCE_COUNT' as const, value: 1 },
    },
  },
  autoRollbackConfiguration: { alarms: [{ alarmName: 'b' }] },
};

describe('replacingValue', () => {
  it.each([
    ['rolling to canary', rolling, canary],
    ['canary to rolling', canary, rolling],
    ['nothing to canary', undefined, canary],
    ['a nested key removed', { a: { b: 1, c: 2 } }, { a: { b: 1 } }],
    ['an array shortened', { list: [1, 2, 3] }, { list: [1] }],
  ])('%s leaves exactly the desired value', (_what, current, desired) => {
    expect(applyMergePatch(current, replacingValue(current, desired))).toEqual(desired);
  });

  it('nulls keys the desired value does not have', () => {
    expect(replacingValue(rolling, canary)).toEqual({ ...canary, rollingUpdatePolicy: null });
  });
});

describe('endpointPatchFor', () => {
  const endpoint: Endpoint = {
    metadata: { name: 'pricing', resourceVersion: '4711' },
    spec: { endpointName: 'pricing', endpointConfigName: 'pricing-v1', deploymentConfig: rolling },
  };

  it('sets the config, replaces the deployment config and carries the resourceVersion', () => {
    const patch = endpointPatchFor(endpoint, 'pricing-new', canary);
    expect(patch.metadata).toEqual({ resourceVersion: '4711' });
    expect(applyMergePatch(endpoint.spec, patch.spec)).toEqual({
      endpointName: 'pricing',
      endpointConfigName: 'pricing-new',
      deploymentConfig: canary,
    });
  });

  it('removes the deployment config when the draft has none', () => {
    const patch = endpointPatchFor(endpoint, 'pricing-new', undefined);
    expect(applyMergePatch(endpoint.spec, patch.spec)).toEqual({
      endpointName: 'pricing',
      endpointConfigName: 'pricing-new',
    });
  });
});
