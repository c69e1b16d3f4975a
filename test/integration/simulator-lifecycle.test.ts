// SageMaker's own validation, immutable configs and models, deletion, out-of-band changes and restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { SimWorld } from '../support/sagemaker-world';

let world: SimWorld;
beforeAll(async () => {
  world = await SimWorld.start('sim-life');
});
afterAll(() => world?.stop());

const recoverable = (e: { status?: { conditions?: { type: string; status: string }[] } }) =>
  e.status?.conditions?.some((c) => c.type === 'ACK.Recoverable' && c.status === 'True') === true;

describe('SageMaker validation of an update (ValidationException, recoverable: C7)', () => {
  const cases: [string, DeploymentConfig, RegExp][] = [
    [
      'a canary above half the fleet',
      {
        blueGreenUpdatePolicy: {
          trafficRoutingConfiguration: {
            type_: 'CANARY',
            waitIntervalInSeconds: 60,
            canarySize: { type_: 'INSTANCE_COUNT', value: 3 },
          },
        },
      },
      /at most 50%/,
    ],
    [
      'a linear step below 10%',
      {
        blueGreenUpdatePolicy: {
          trafficRoutingConfiguration: {
            type_: 'LINEAR',
            waitIntervalInSeconds: 60,
            linearStepSize: { type_: 'CAPACITY_PERCENT', value: 5 },
          },
        },
      },
      /between 10% and 50%/,
    ],
    [
      'a wait over an hour',
      { blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 3601 } } },
      /between 0 and 3600/,
    ],
    [
      'an execution timeout under 600 s',
      {
        blueGreenUpdatePolicy: {
          maximumExecutionTimeoutInSeconds: 300,
          trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 },
        },
      },
      /between 600 and 28800/,
    ],
    [
      'two policies at once',
      {
        blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } },
        rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 0 },
      },
      /Only one of/,
    ],
    [
      'eleven alarms',
      {
        autoRollbackConfiguration: { alarms: Array.from({ length: 11 }, (_, i) => ({ alarmName: `alarm-${i}` })) },
        blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } },
      },
      /between 1 and 10/,
    ],
  ];

  it.each(cases)('refuses %s, keeping the endpoint InService and synced', async (_label, deploymentConfig, message) => {
    const name = `val-${cases.findIndex((c) => c[1] === deploymentConfig)}`;
    await world.inServiceEndpoint(name, [{ name: 'primary', count: 4 }]);
    await world.createModel(`${name}-model-v2`, `123456789012.dkr.ecr.us-west-2.amazonaws.com/${name}:2`);
    await world.createConfig(`${name}-v2`, [{ name: 'primary', model: `${name}-model-v2`, count: 4 }]);
    await world.configReady(`${name}-v2`);
    await world.patch('Endpoint', name, { spec: { endpointConfigName: `${name}-v2`, deploymentConfig } });
    const refused = await world.waitForEndpoint(name, recoverable, 'C7');
    expect(refused.status?.endpointStatus).toBe('InService');
    expect(refused.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'ACK.ResourceSynced=True',
      'ACK.Recoverable=True',
      'Ready=False',
    ]);
    expect(refused.status?.conditions?.[1]?.message).toMatch(/^api error ValidationException: /);
    expect(refused.status?.conditions?.[1]?.message).toMatch(message);
    expect(refused.status?.conditions?.[1]).not.toHaveProperty('lastTransitionTime');
    expect(
      refused.metadata.annotations?.['sagemaker.services.k8s.aws/last-endpoint-config-for-update'],
    ).toBeUndefined();
  });

  it('refuses an update to a config that does not exist in SageMaker', async () => {
    await world.inServiceEndpoint('missing-config', [{ name: 'primary', count: 1 }]);
    await world.patch('Endpoint', 'missing-config', { spec: { endpointConfigName: 'never-created' } });
    const refused = await world.waitForEndpoint('missing-config', recoverable, 'C7');
    expect(refused.status?.conditions?.[1]?.message).toMatch(/Could not find endpoint configuration/);
  });
});

describe('immutable EndpointConfig and Model', () => {
  it('any spec change but tags is Terminal "not implemented"; reverting clears it', async () => {
    await world.createModel('imm-model');
    await world.createConfig('imm-config', [{ name: 'primary', model: 'imm-model', count: 2 }]);
    await world.configReady('imm-config');

    await world.patch('EndpointConfig', 'imm-config', { spec: { tags: [{ key: 'owner', value: 'ml' }] } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await world.get('EndpointConfig', 'imm-config'))!.status.conditions.map((c: any) => c.type)).not.toContain(
      'ACK.Terminal',
    );

    const original = (await world.get('EndpointConfig', 'imm-config'))!.spec.productionVariants;
    await world.patch('EndpointConfig', 'imm-config', {
      spec: { productionVariants: [{ ...original[0], initialInstanceCount: 5 }] },
    });
    const terminal = await world.waitFor(
      () => world.get('EndpointConfig', 'imm-config'),
      (c) => c?.status?.conditions?.some((x: any) => x.type === 'ACK.Terminal'),
      'not implemented',
    );
    expect(terminal!.status.conditions).toEqual([
      { type: 'ACK.Terminal', status: 'True', message: 'not implemented' },
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: 'Resource not synced',
        reason: 'resource is in terminal condition',
      }),
      expect.objectContaining({ type: 'Ready', status: 'False', message: 'not implemented', reason: 'ACK.Terminal' }),
    ]);

    await world.patch('EndpointConfig', 'imm-config', { spec: { productionVariants: original } });
    await world.waitFor(
      () => world.get('EndpointConfig', 'imm-config'),
      (c) => c?.status?.conditions?.map((x: any) => x.type).join() === 'ACK.LateInitialized,ACK.ResourceSynced,Ready',
      'synced again after revert',
    );
  });

  it('a Model is deleted at once: the finalizer comes off and the object goes', async () => {
    await world.createModel('doomed-model');
    await world.waitFor(
      () => world.get('Model', 'doomed-model'),
      (m) => m?.metadata.finalizers?.length === 1,
      'finalizer',
    );
    await world.remove('Model', 'doomed-model');
    await world.waitFor(
      () => world.get('Model', 'doomed-model'),
      (m) => m === undefined,
      'the model gone',
    );
  });
});

describe('Endpoint deletion', () => {
  it('goes Deleting with C12 conditions, then the finalizer comes off', async () => {
    await world.inServiceEndpoint('bye', [{ name: 'primary', count: 1 }]);
    const history = await world.recordEndpoint('bye');
    await world.remove('Endpoint', 'bye');
    await world.waitFor(
      () => world.get('Endpoint', 'bye'),
      (e) => e === undefined,
      'the endpoint gone',
    );
    history.stop();
    const deleting = history.versions.find((v) => v.status?.endpointStatus === 'Deleting');
    expect(deleting?.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: 'Endpoint is in Deleting status.',
      }),
      // Ready is left as the last sync wrote it: deletion does not recompute it.
      expect.objectContaining({ type: 'Ready', status: 'True', message: 'Endpoint is in InService status.' }),
      { type: 'ACK.Recoverable', status: 'True', message: 'Endpoint is Deleting.' },
    ]);
    expect(deleting?.status?.productionVariants).toHaveLength(1);
  });

  it('with deletion-policy retain the CR goes at once and SageMaker keeps the endpoint', async () => {
    await world.inServiceEndpoint('kept', [{ name: 'primary', count: 1 }]);
    await world.patch('Endpoint', 'kept', {
      metadata: { annotations: { 'services.k8s.aws/deletion-policy': 'retain' } },
    });
    await world.remove('Endpoint', 'kept');
    await world.waitFor(
      () => world.get('Endpoint', 'kept'),
      (e) => e === undefined,
      'the CR gone',
    );
    // A new CR for the same SageMaker endpoint finds it still there, unmanaged (C13).
    await world.createEndpoint('kept', 'kept-v1');
    const orphan = await world.waitForEndpoint('kept', (e) => Boolean(e.status?.conditions?.length), 'first status');
    expect(orphan.status?.conditions?.[0]).toMatchObject({
      type: 'ACK.Terminal',
      status: 'True',
      message: 'Resource already exists',
    });
  });
});

describe('out-of-band changes and restarts', () => {
  it('re-creates an endpoint deleted in AWS behind Kubernetes', async () => {
    const before = await world.inServiceEndpoint('vanishing', [{ name: 'primary', count: 1 }]);
    const history = await world.recordEndpoint('vanishing');
    await world.setFaults({
      endpoints: { vanishing: { deletedInAwsAfter: new Date(Date.now() + 1000).toISOString() } },
    });
    await world.waitForEndpoint('vanishing', (e) => e.status?.endpointStatus === 'Creating', 'Creating again');
    const recreated = await world.waitForEndpoint(
      'vanishing',
      (e) => e.status?.endpointStatus === 'InService',
      're-created and InService',
    );
    history.stop();
    expect(history.versions.map((v) => v.status?.endpointStatus)).toContain('Creating');
    expect(Date.parse(recreated.status!.creationTime!)).toBeGreaterThanOrEqual(
      Date.parse(before.status!.creationTime!),
    );
    expect(recreated.status?.ackResourceMetadata?.arn).toBe(before.status?.ackResourceMetadata?.arn);
  });

  it('a restarted simulator finds its endpoints where it left them', async () => {
    const before = await world.inServiceEndpoint('durable', [{ name: 'primary', count: 2 }]);
    await world.simulator.restart();
    const after = await world.waitForEndpoint(
      'durable',
      (e) => e.status?.conditions?.[0]?.lastTransitionTime !== before.status?.conditions?.[0]?.lastTransitionTime,
      'a reconcile after the restart',
    );
    expect(after.status?.endpointStatus).toBe('InService');
    expect(after.status?.creationTime).toBe(before.status?.creationTime);
    expect(after.status?.productionVariants).toEqual(before.status?.productionVariants);
  });
});
