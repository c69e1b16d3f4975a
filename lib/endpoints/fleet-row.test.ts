import { describe, expect, it } from 'vitest';
import { notVisibleToYou } from '@/lib/api/omitted-kinds';
import { makeConfig, makeEndpoint, referenceEndpoint, runningVariant, summaryOf } from './fixtures.test-support';
import { fleetRow } from './fleet-row';
import type { RunningConfigMemory } from './running-config';
import { summarizeEndpoint } from './summarize-endpoint';

describe('fleetRow', () => {
  it('shows the running fleet: variants, instance types from the config, counts and traffic', () => {
    const endpoint = makeEndpoint({
      configName: 'cfg',
      created: '2026-01-01T00:00:00Z',
      status: {
        endpointStatus: 'InService',
        lastModifiedTime: '2026-02-01T00:00:00Z',
        productionVariants: [
          { ...runningVariant('champion', 3, 'img:1', 3), currentInstanceCount: 2 },
          runningVariant('challenger', 1, 'img:2', 1),
        ],
      },
    });
    const config = makeConfig('cfg', [
      { variant: 'champion', model: 'm', instanceType: 'ml.g5.xlarge' },
      { variant: 'challenger', model: 'm', instanceType: 'ml.g5.xlarge' },
    ]);
    expect(fleetRow(summaryOf(endpoint, [config]), new Date('2026-01-02T00:00:00Z'))).toEqual({
      key: 'ns/ep',
      namespace: 'ns',
      name: 'ep',
      endpointName: 'ep',
      status: 'InService',
      statusLabel: 'In service',
      health: 'healthy',
      config: 'cfg',
      variants: ['champion', 'challenger'],
      instanceTypes: ['ml.g5.xlarge'],
      instancesCurrent: 3,
      instancesDesired: 4,
      traffic: [
        { variant: 'champion', weight: 3, share: 0.75 },
        { variant: 'challenger', weight: 1, share: 0.25 },
      ],
      lastChange: '2026-02-01T00:00:00Z',
      createdAt: '2026-01-01T00:00:00Z',
      ageSeconds: 86400,
    });
  });

  it('shows the fleet being created while nothing runs yet (controller fixture, new fleet names its type)', () => {
    const endpoint = referenceEndpoint('readone/observed/updating_deployment.yaml');
    const creating = {
      ...endpoint,
      status: { ...endpoint.status, endpointStatus: 'Creating', productionVariants: undefined },
    };
    const row = fleetRow(summaryOf(creating));
    expect(row).toMatchObject({
      statusLabel: 'Creating',
      variants: ['variant-1'],
      instanceTypes: ['m5.xlarge'],
      instancesCurrent: 0,
      instancesDesired: 3,
    });
    expect(row).not.toHaveProperty('ageSeconds');
  });

  it('names serverless capacity and has no instance counts for it', () => {
    const serverless = {
      variantName: 'AllTraffic',
      currentWeight: 1,
      desiredWeight: 1,
      currentServerlessConfig: { maxConcurrency: 20, memorySizeInMB: 1024 },
    };
    const row = fleetRow(
      summaryOf(makeEndpoint({ status: { endpointStatus: 'InService', productionVariants: [serverless] } })),
    );
    expect(row.instanceTypes).toEqual(['serverless']);
    expect(row).not.toHaveProperty('instancesCurrent');
    expect(row).not.toHaveProperty('instancesDesired');
  });

  it('says a running instance type is not visible when the caller may not read configs, and keeps the types the status names', () => {
    const endpoint = makeEndpoint({
      configName: 'cfg',
      status: { endpointStatus: 'InService', productionVariants: [runningVariant('champion', 1, 'img:1', 1)] },
    });
    const omitted = [{ kind: 'EndpointConfig' as const, reason: 'You may not list EndpointConfigs in namespace ns.' }];
    expect(fleetRow({ ...summaryOf(endpoint), omitted }).instanceTypes).toEqual([notVisibleToYou]);
    expect(fleetRow(summaryOf(endpoint)).instanceTypes).toEqual([]);
    const creating = referenceEndpoint('readone/observed/updating_deployment.yaml');
    const pending = {
      ...creating,
      status: { ...creating.status, endpointStatus: 'Creating', productionVariants: undefined },
    };
    expect(fleetRow({ ...summaryOf(pending), omitted }).instanceTypes).toEqual(['m5.xlarge']);
  });

  describe('during an update', () => {
    // An update from cfg-v1 (ml.m5.large) to cfg-v2 (ml.g5.xlarge) that the server's watch saw start, or not.
    const endpoint = makeEndpoint({
      configName: 'cfg-v2',
      status: {
        endpointStatus: 'Updating',
        productionVariants: [runningVariant('primary', 2, 'img:1')],
        pendingDeploymentSummary: {
          endpointConfigName: 'cfg-v2',
          productionVariants: [{ ...runningVariant('primary', 2, 'img:2'), instanceType: 'ml.g5.xlarge' }],
        },
      },
    });
    const configs = [
      makeConfig('cfg-v1', [{ variant: 'primary', model: 'm', instanceType: 'ml.m5.large' }]),
      makeConfig('cfg-v2', [{ variant: 'primary', model: 'm', instanceType: 'ml.g5.xlarge' }]),
    ];
    const row = (memory?: RunningConfigMemory) => fleetRow(summarizeEndpoint(endpoint, configs, [], memory));

    it('names the instance types of both fleets when the server saw the old one InService', () => {
      expect(row({ liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2' })).toMatchObject({
        instanceTypes: ['ml.m5.large'],
        newInstanceTypes: ['ml.g5.xlarge'],
      });
    });

    it('says the old fleet is unknown, not blank, when the server started mid-update', () => {
      expect(row({ deployingTo: 'cfg-v2', unknown: 'started-mid-update' })).toMatchObject({
        instanceTypes: ['unknown since this replica started mid-update'],
        newInstanceTypes: ['ml.g5.xlarge'],
      });
    });

    it('has no new instance types at rest', () => {
      expect(fleetRow(summaryOf(makeEndpoint({ status: { endpointStatus: 'InService' } })))).not.toHaveProperty(
        'newInstanceTypes',
      );
    });
  });

  it('says Pending before the controller reports', () => {
    expect(fleetRow(summaryOf(makeEndpoint({})))).toMatchObject({
      statusLabel: 'Pending',
      health: 'unknown',
      variants: [],
      traffic: [],
    });
  });
});
