import { describe, expect, it } from 'vitest';
import type { EndpointSpec } from '@/lib/schemas/endpoint';
import type { EndpointConfigSpec } from '@/lib/schemas/endpoint-config';
import { diffValues, rolloutDiff, type DiffEntry } from './diff';

describe('diffValues', () => {
  it.each<[string, unknown, unknown, DiffEntry[]]>([
    ['equal values', { a: 1, b: [1, 2], c: { d: 'x' } }, { c: { d: 'x' }, b: [1, 2], a: 1 }, []],
    ['a changed scalar', { a: 1 }, { a: 2 }, [{ path: 'a', kind: 'changed', before: 1, after: 2 }]],
    ['an added field', { a: 1 }, { a: 1, b: { c: 1 } }, [{ path: 'b', kind: 'added', after: { c: 1 } }]],
    ['a removed field', { a: 1, b: 2 }, { a: 1 }, [{ path: 'b', kind: 'removed', before: 2 }]],
    [
      'a nested change',
      { a: { b: { c: 1 } } },
      { a: { b: { c: 2 } } },
      [{ path: 'a.b.c', kind: 'changed', before: 1, after: 2 }],
    ],
    ['a type change', { a: { b: 1 } }, { a: 'x' }, [{ path: 'a', kind: 'changed', before: { b: 1 }, after: 'x' }]],
    ['null against a value', { a: null }, { a: 0 }, [{ path: 'a', kind: 'changed', before: null, after: 0 }]],
    ['false against true', { a: false }, { a: true }, [{ path: 'a', kind: 'changed', before: false, after: true }]],
    ['a whole new value at the root', undefined, { a: 1 }, [{ path: '', kind: 'added', after: { a: 1 } }]],
    [
      'keys in sorted order whatever the input order',
      { z: 1, a: 1, m: 1 },
      { m: 2, z: 2, a: 2 },
      [
        { path: 'a', kind: 'changed', before: 1, after: 2 },
        { path: 'm', kind: 'changed', before: 1, after: 2 },
        { path: 'z', kind: 'changed', before: 1, after: 2 },
      ],
    ],
    [
      'plain arrays by index',
      { subnets: ['a', 'b'] },
      { subnets: ['a', 'c', 'd'] },
      [
        { path: 'subnets.1', kind: 'changed', before: 'b', after: 'c' },
        { path: 'subnets.2', kind: 'added', after: 'd' },
      ],
    ],
    [
      'a shorter plain array',
      { tags: [{ key: 'a' }, { key: 'b' }] },
      { tags: [{ key: 'a' }] },
      [{ path: 'tags.1', kind: 'removed', before: { key: 'b' } }],
    ],
    [
      'variants by name, not by position',
      {
        productionVariants: [
          { variantName: 'A', instanceType: 'x' },
          { variantName: 'B', instanceType: 'x' },
        ],
      },
      {
        productionVariants: [
          { variantName: 'C', instanceType: 'x' },
          { variantName: 'B', instanceType: 'y' },
        ],
      },
      [
        { path: 'productionVariants[A]', kind: 'removed', before: { variantName: 'A', instanceType: 'x' } },
        { path: 'productionVariants[B].instanceType', kind: 'changed', before: 'x', after: 'y' },
        { path: 'productionVariants[C]', kind: 'added', after: { variantName: 'C', instanceType: 'x' } },
      ],
    ],
    [
      'reordered variants are no change',
      { v: [{ variantName: 'A' }, { variantName: 'B' }] },
      { v: [{ variantName: 'B' }, { variantName: 'A' }] },
      [],
    ],
    [
      'alarms by name',
      { alarms: [{ alarmName: 'p99' }, { alarmName: 'errors' }] },
      { alarms: [{ alarmName: 'errors' }, { alarmName: '5xx' }] },
      [
        { path: 'alarms[p99]', kind: 'removed', before: { alarmName: 'p99' } },
        { path: 'alarms[5xx]', kind: 'added', after: { alarmName: '5xx' } },
      ],
    ],
    [
      'items with a repeated name fall back to positions',
      {
        v: [
          { variantName: 'A', w: 1 },
          { variantName: 'A', w: 2 },
        ],
      },
      {
        v: [
          { variantName: 'A', w: 1 },
          { variantName: 'A', w: 3 },
        ],
      },
      [{ path: 'v.1.w', kind: 'changed', before: 2, after: 3 }],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });
});

describe('rolloutDiff', () => {
  const liveEndpoint: EndpointSpec = { endpointName: 'ep', endpointConfigName: 'cfg-v1' };
  const newEndpoint: EndpointSpec = {
    endpointName: 'ep',
    endpointConfigName: 'cfg-v2',
    deploymentConfig: {
      blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 600 } },
    },
  };
  const liveConfig: EndpointConfigSpec = {
    endpointConfigName: 'cfg-v1',
    productionVariants: [{ variantName: 'A', modelName: 'm1', instanceType: 'ml.m5.large' }],
    kmsKeyID: 'k',
  };
  const newConfig: EndpointConfigSpec = {
    endpointConfigName: 'cfg-v2',
    productionVariants: [{ variantName: 'A', modelName: 'm2', instanceType: 'ml.m5.large' }],
    kmsKeyID: 'k',
  };

  it('diffs the endpoint spec and the config spec', () => {
    expect(rolloutDiff(liveEndpoint, newEndpoint, liveConfig, newConfig)).toEqual({
      endpoint: [
        { path: 'deploymentConfig', kind: 'added', after: newEndpoint.deploymentConfig },
        { path: 'endpointConfigName', kind: 'changed', before: 'cfg-v1', after: 'cfg-v2' },
      ],
      config: [
        { path: 'endpointConfigName', kind: 'changed', before: 'cfg-v1', after: 'cfg-v2' },
        { path: 'productionVariants[A].modelName', kind: 'changed', before: 'm1', after: 'm2' },
      ],
    });
  });

  it('shows every field of the new config as added when the live config is unknown', () => {
    expect(rolloutDiff(liveEndpoint, liveEndpoint, undefined, newConfig)).toEqual({
      endpoint: [],
      config: [
        { path: 'endpointConfigName', kind: 'added', after: 'cfg-v2' },
        { path: 'kmsKeyID', kind: 'added', after: 'k' },
        { path: 'productionVariants', kind: 'added', after: newConfig.productionVariants },
      ],
    });
  });
});
