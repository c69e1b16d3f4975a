// The simulated controller creating endpoints, configs and models through the real API server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimWorld } from '../support/sagemaker-world';

let world: SimWorld;
beforeAll(async () => {
  world = await SimWorld.start('sim-create');
});
afterAll(() => world?.stop());

const types = (conditions: { type: string; status: string }[] | undefined) =>
  conditions?.map((c) => `${c.type}=${c.status}`);

describe('EndpointConfig and Model', () => {
  it('get a finalizer, an ARN, late-initialised enableNetworkIsolation and synced conditions', async () => {
    await world.createModel('m-basic');
    await world.createConfig('c-basic', [{ name: 'primary', model: 'm-basic' }]);
    // Ready, not the spec's late initialisation: that is written before the status, so a config whose first try
    // was recoverable (its model not yet in SageMaker) shows the new spec beside the old status for a moment.
    await world.configReady('c-basic');
    const config = await world.get('EndpointConfig', 'c-basic');
    expect(config!.spec.enableNetworkIsolation).toBe(false);
    expect(config!.metadata.finalizers).toEqual(['finalizers.sagemaker.services.k8s.aws/EndpointConfig']);
    expect(config!.status.ackResourceMetadata).toEqual({
      arn: 'arn:aws:sagemaker:us-west-2:123456789012:endpoint-config/c-basic',
      ownerAccountID: '123456789012',
      region: 'us-west-2',
      partition: 'aws',
    });
    expect(config!.status.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.LateInitialized',
        status: 'True',
        message: 'Late initialization successful',
        reason: 'Late initialization successful',
      }),
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'True',
        message: 'Resource synced successfully',
        reason: '',
      }),
      expect.objectContaining({ type: 'Ready', status: 'True', message: 'Resource synced successfully', reason: '' }),
    ]);
    const model = await world.get('Model', 'm-basic');
    expect(model!.spec.enableNetworkIsolation).toBe(false);
    expect(model!.status.ackResourceMetadata.arn).toBe('arn:aws:sagemaker:us-west-2:123456789012:model/m-basic');
  });

  it('a config whose model does not exist yet is recoverable and succeeds once the model appears', async () => {
    const history = await world.record('EndpointConfig', 'c-early');
    await world.createConfig('c-early', [{ name: 'primary', model: 'm-late' }]);
    const waiting = await world.waitFor(
      () => world.get('EndpointConfig', 'c-early'),
      (c) => c?.status?.conditions?.some((x: any) => x.type === 'ACK.Recoverable'),
      'recoverable config',
    );
    expect(types(waiting!.status.conditions)).toEqual([
      'ACK.Recoverable=True',
      'ACK.ResourceSynced=Unknown',
      'Ready=False',
    ]);
    expect(waiting!.status.conditions[0].message).toMatch(/^api error ValidationException: Could not find model/);
    expect(waiting!.status.conditions[1].reason).toMatch(
      /^operation error SageMaker: CreateEndpointConfig, https response error StatusCode: 400/,
    );
    // The finalizer goes on before each Create call and comes off again after a recoverable error (C9).
    history.stop();
    const finalizerStates = history.versions.map((v) => (v.metadata.finalizers ?? []).length);
    expect(finalizerStates).toContain(1);
    expect(finalizerStates.slice(finalizerStates.indexOf(1))).toContain(0);
    await world.createModel('m-late');
    await world.waitFor(
      () => world.get('EndpointConfig', 'c-early'),
      (c) => c?.status?.conditions?.some((x: any) => x.type === 'Ready' && x.status === 'True'),
      'config synced after its model appeared',
    );
  });
});

describe('Endpoint create', () => {
  it('goes Creating with a pending deployment, then InService with variants and images (C1, C2)', async () => {
    await world.createModel('m-ep', '123456789012.dkr.ecr.us-west-2.amazonaws.com/fraud:7');
    await world.createConfig('c-ep', [{ name: 'primary', model: 'm-ep', count: 3, weight: 1 }]);
    const history = await world.recordEndpoint('ep');
    await world.createEndpoint('ep', 'c-ep');
    const done = await world.waitForEndpoint('ep', (e) => e.status?.endpointStatus === 'InService', 'InService');
    history.stop();

    const creating = history.versions.find((v) => v.status?.endpointStatus === 'Creating');
    expect(creating?.status?.productionVariants).toBeUndefined();
    expect(creating?.status?.pendingDeploymentSummary).toMatchObject({
      endpointConfigName: 'c-ep',
      productionVariants: [
        {
          variantName: 'primary',
          instanceType: 'ml.c5.large',
          desiredInstanceCount: 3,
          currentWeight: 0,
          variantStatus: [{ status: 'Creating', statusMessage: 'Launching 3 instance(s).' }],
        },
      ],
    });
    expect(types(creating?.status?.conditions)).toEqual(['ACK.ResourceSynced=False', 'Ready=False']);
    expect(creating?.status?.conditions?.[0]?.message).toBe('Endpoint is in Creating status.');

    expect(done.metadata.finalizers).toEqual(['finalizers.sagemaker.services.k8s.aws/Endpoint']);
    expect(done.status?.pendingDeploymentSummary).toBeUndefined();
    expect(done.status?.productionVariants).toEqual([
      {
        variantName: 'primary',
        currentWeight: 1,
        desiredWeight: 1,
        currentInstanceCount: 3,
        desiredInstanceCount: 3,
        deployedImages: [
          {
            specifiedImage: '123456789012.dkr.ecr.us-west-2.amazonaws.com/fraud:7',
            resolvedImage: expect.stringMatching(
              /^123456789012\.dkr\.ecr\.us-west-2\.amazonaws\.com\/fraud@sha256:[0-9a-f]{64}$/,
            ),
            resolutionTime: expect.any(String),
          },
        ],
      },
    ]);
    expect(done.status?.conditions).toEqual([
      {
        type: 'ACK.ResourceSynced',
        status: 'True',
        message: 'Endpoint is in InService status.',
        lastTransitionTime: expect.any(String),
      },
      {
        type: 'Ready',
        status: 'True',
        message: 'Endpoint is in InService status.',
        lastTransitionTime: expect.any(String),
      },
    ]);
    expect(done.status?.ackResourceMetadata?.arn).toBe('arn:aws:sagemaker:us-west-2:123456789012:endpoint/ep');
    // No update was ever submitted, so the controller wrote no annotation.
    expect(done.metadata.annotations).toBeUndefined();
  });

  it('an injected create failure ends Failed with the reason and C3', async () => {
    const reason = 'Failed to download model data for container "primary" from URL s3://bucket/model.tar.gz.';
    await world.setFaults({ endpoints: { 'ep-fail': { failCreate: reason } } });
    await world.createModel('m-fail');
    await world.createConfig('c-fail', [{ name: 'primary', model: 'm-fail' }]);
    await world.createEndpoint('ep-fail', 'c-fail');
    const failed = await world.waitForEndpoint('ep-fail', (e) => e.status?.endpointStatus === 'Failed', 'Failed');
    expect(failed.status?.failureReason).toBe(reason);
    expect(failed.status?.productionVariants).toBeUndefined();
    expect(failed.status?.conditions).toEqual([
      expect.objectContaining({ type: 'ACK.ResourceSynced', status: 'True', message: 'Endpoint is in Failed status.' }),
      expect.objectContaining({
        type: 'ACK.Terminal',
        status: 'True',
        message: 'Endpoint status reached terminal state: Failed. Check the FailureReason.',
        lastTransitionTime: expect.any(String),
      }),
      expect.objectContaining({
        type: 'Ready',
        status: 'False',
        reason: 'ACK.Terminal',
        message: 'Endpoint status reached terminal state: Failed. Check the FailureReason.',
      }),
    ]);
  });

  it('an unknown config is a recoverable ValidationException (C9) until the config exists', async () => {
    await world.createEndpoint('ep-early', 'c-not-yet');
    const waiting = await world.waitForEndpoint(
      'ep-early',
      (e) => Boolean(e.status?.conditions?.length),
      'first status',
    );
    expect(types(waiting.status?.conditions)).toEqual([
      'ACK.Recoverable=True',
      'ACK.ResourceSynced=Unknown',
      'Ready=False',
    ]);
    expect(waiting.status?.conditions?.[0]?.message).toBe(
      'api error ValidationException: Could not find endpoint configuration "arn:aws:sagemaker:us-west-2:123456789012:endpoint-config/c-not-yet".',
    );
    expect(waiting.status?.endpointStatus).toBeUndefined();
    expect(waiting.status?.ackResourceMetadata).toEqual({
      ownerAccountID: '123456789012',
      region: 'us-west-2',
      partition: 'aws',
    });
    await world.createModel('m-not-yet');
    await world.createConfig('c-not-yet', [{ name: 'primary', model: 'm-not-yet' }]);
    await world.waitForEndpoint(
      'ep-early',
      (e) => e.status?.endpointStatus === 'InService',
      'InService after the config appeared',
    );
  });

  it('a name SageMaker rejects is a recoverable ValidationException', async () => {
    await world.createModel('m-badname');
    await world.createConfig('c-badname', [{ name: 'primary', model: 'm-badname' }]);
    await world.createEndpointNamed('bad-name-cr', 'bad_name!', 'c-badname');
    const rejected = await world.waitForEndpoint(
      'bad-name-cr',
      (e) => Boolean(e.status?.conditions?.length),
      'first status',
    );
    expect(rejected.status?.conditions?.[0]?.message).toMatch(
      /^api error ValidationException: 1 validation error detected: Value 'bad_name!' at 'endpointName'/,
    );
  });

  it('serverless variants report serverless capacity instead of instance counts', async () => {
    await world.createModel('m-sls');
    await world.createConfig('c-sls', [
      { name: 'AllTraffic', model: 'm-sls', serverless: { memorySizeInMB: 2048, maxConcurrency: 10 } },
    ]);
    await world.createEndpoint('ep-sls', 'c-sls');
    const done = await world.waitForEndpoint('ep-sls', (e) => e.status?.endpointStatus === 'InService', 'InService');
    expect(done.status?.productionVariants?.[0]).toMatchObject({
      variantName: 'AllTraffic',
      currentServerlessConfig: { memorySizeInMB: 2048, maxConcurrency: 10 },
      desiredServerlessConfig: { memorySizeInMB: 2048, maxConcurrency: 10 },
    });
    expect(done.status?.productionVariants?.[0]?.currentInstanceCount).toBeUndefined();
  });
});
