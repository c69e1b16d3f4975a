// Updates through the simulated controller: blue/green all at once, canary and linear, and rolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { distinctRun, observedStages } from '../support/endpoint-history';
import { SimWorld } from '../support/sagemaker-world';

let world: SimWorld;
// Traffic steps long enough that the 30-second (scaled) resync samples each one several times.
beforeAll(async () => {
  world = await SimWorld.start('sim-update', { SIM_TRAFFIC_STEP_SECONDS: '150' });
});
afterAll(() => world?.stop());

const lastConfig = 'sagemaker.services.k8s.aws/last-endpoint-config-for-update';

async function rollOut(name: string, configName: string, deploymentConfig?: DeploymentConfig) {
  await world.configReady(configName);
  const history = await world.recordEndpoint(name);
  await world.patch('Endpoint', name, {
    spec: { endpointConfigName: configName, ...(deploymentConfig ? { deploymentConfig } : {}) },
  });
  const done = await world.waitForEndpoint(
    name,
    (e) =>
      e.status?.endpointStatus === 'InService' &&
      e.status.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage?.includes(':2') === true,
    `InService on ${configName}`,
    30_000,
  );
  history.stop();
  return { done, versions: history.versions };
}

describe('blue/green canary', () => {
  it('launches, shifts the canary, bakes, shifts the rest, bakes and waits, and keeps retained variants as they were', async () => {
    await world.inServiceEndpoint('canary', [{ name: 'primary', count: 4, weight: 1 }]);
    await world.createModel('canary-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/canary:2');
    // The new config asks for 8 instances at weight 3; RetainAllVariantProperties keeps 4 and 1.
    await world.createConfig('canary-v2', [{ name: 'primary', model: 'canary-model-v2', count: 8, weight: 3 }]);
    const policy: DeploymentConfig = {
      autoRollbackConfiguration: { alarms: [{ alarmName: 'canary-5xx' }] },
      blueGreenUpdatePolicy: {
        terminationWaitInSeconds: 150,
        maximumExecutionTimeoutInSeconds: 3600,
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 300,
          canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
        },
      },
    };
    const { done, versions } = await rollOut('canary', 'canary-v2', policy);

    const stages = observedStages(versions);
    // The final bake and the termination wait are one Baking stage: SageMaker documents no status of its own for the wait.
    expect(stages.map((s) => `${s.status}: ${s.message}`)).toEqual([
      'Creating: Launching 4 instance(s).',
      'ActivatingTraffic: Turning on traffic for 1 of 4 new instance(s).',
      'Baking: Baking for 300 seconds with traffic on 1 of 4 new instance(s).',
      'ActivatingTraffic: Turning on traffic for 4 of 4 new instance(s).',
      'Baking: Baking for 450 seconds with all traffic on the new fleet.',
    ]);
    const starts = stages.map((s) => Date.parse(s.startTime));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);

    // Right after UpdateEndpoint the controller writes Updating over the otherwise stale status (C5).
    const accepted = versions.find((v) => v.status?.endpointStatus === 'Updating');
    expect(accepted?.metadata.annotations?.[lastConfig]).toBe('canary-v2');
    expect(accepted?.status?.pendingDeploymentSummary).toBeUndefined();
    expect(accepted?.status?.conditions?.[0]).toMatchObject({
      type: 'ACK.ResourceSynced',
      status: 'False',
      message: 'Endpoint is in Updating status.',
    });

    const updating = versions.filter(
      (v) => v.status?.endpointStatus === 'Updating' && v.status.pendingDeploymentSummary,
    );
    expect(updating.length).toBeGreaterThan(5);
    // While Updating, productionVariants is the old fleet and the pending summary the new one.
    expect(
      updating.every((v) => v.status?.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage?.endsWith(':1')),
    ).toBe(true);
    expect(updating.every((v) => v.status?.pendingDeploymentSummary?.endpointConfigName === 'canary-v2')).toBe(true);
    // The new fleet's weight is its share of the traffic: none while it launches, a quarter for the canary, then all.
    expect(
      distinctRun(updating, (v) => v.status?.pendingDeploymentSummary?.productionVariants?.[0]?.currentWeight),
    ).toEqual([0, 0.25, 1]);
    const launching = distinctRun(
      updating,
      (v) => v.status?.pendingDeploymentSummary?.productionVariants?.[0]?.currentInstanceCount,
    );
    expect(launching[0]).toBeLessThan(4);
    expect(launching[launching.length - 1]).toBe(4);
    expect([...launching].sort((a, b) => a - b)).toEqual(launching);

    expect(done.metadata.annotations?.[lastConfig]).toBe('canary-v2');
    expect(done.status?.failureReason).toBeUndefined();
    expect(done.status?.pendingDeploymentSummary).toBeUndefined();
    expect(done.status?.productionVariants?.[0]).toMatchObject({
      variantName: 'primary',
      desiredInstanceCount: 4,
      desiredWeight: 1,
    });
    expect(done.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'ACK.ResourceSynced=True',
      'Ready=True',
    ]);
  });
});

describe('blue/green linear', () => {
  it('turns traffic on one whole instance at a time, with a bake after each step', async () => {
    await world.inServiceEndpoint('linear', [{ name: 'primary', count: 3 }]);
    await world.createModel('linear-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/linear:2');
    await world.createConfig('linear-v2', [{ name: 'primary', model: 'linear-model-v2', count: 3 }]);
    const { versions } = await rollOut('linear', 'linear-v2', {
      autoRollbackConfiguration: { alarms: [{ alarmName: 'linear-latency' }] },
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: {
          type_: 'LINEAR',
          waitIntervalInSeconds: 150,
          linearStepSize: { type_: 'INSTANCE_COUNT', value: 1 },
        },
      },
    });
    const shifts = observedStages(versions)
      .filter((s) => s.status === 'ActivatingTraffic')
      .map((s) => s.message);
    // One instance of 3 is three steps, not four of 33.3%.
    expect(shifts).toEqual([1, 2, 3].map((n) => `Turning on traffic for ${n} of 3 new instance(s).`));
    expect(observedStages(versions).filter((s) => s.status === 'Baking')).toHaveLength(3);
  });
});

describe('blue/green all at once without a policy', () => {
  it('adds new variants at their initial values, keeps retained ones, drops removed ones, and never bakes', async () => {
    await world.inServiceEndpoint('plain', [
      { name: 'primary', count: 4, weight: 0.8 },
      { name: 'legacy', count: 1, weight: 0.2 },
    ]);
    await world.createModel('plain-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/plain:2');
    await world.createConfig('plain-v2', [
      { name: 'primary', model: 'plain-model-v2', count: 9, weight: 3 },
      { name: 'fresh', model: 'plain-model-v2', count: 2, weight: 0.5 },
    ]);
    const { done, versions } = await rollOut('plain', 'plain-v2');
    expect(observedStages(versions).map((s) => s.status)).toEqual(['Creating', 'ActivatingTraffic']);
    expect(
      done.status?.productionVariants?.map((v) => [v.variantName, v.desiredInstanceCount, v.desiredWeight]),
    ).toEqual([
      ['primary', 4, 0.8],
      ['fresh', 2, 0.5],
    ]);
  });
});

describe('rolling update', () => {
  it('replaces the fleet batch by batch: the old fleet shrinks while the new one grows', async () => {
    await world.inServiceEndpoint('rolling', [{ name: 'primary', count: 4 }]);
    await world.createModel('rolling-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/rolling:2');
    await world.createConfig('rolling-v2', [{ name: 'primary', model: 'rolling-model-v2', count: 4 }]);
    const { versions } = await rollOut('rolling', 'rolling-v2', {
      // Batches bake only with alarms to watch.
      autoRollbackConfiguration: { alarms: [{ alarmName: 'rolling-errors' }] },
      rollingUpdatePolicy: {
        maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 },
        waitIntervalInSeconds: 150,
        maximumExecutionTimeoutInSeconds: 3600,
      },
    });
    const updating = versions.filter((v) => v.status?.endpointStatus === 'Updating');
    expect(distinctRun(updating, (v) => v.status?.productionVariants?.[0]?.currentInstanceCount)).toEqual([4, 3, 2, 1]);
    const launches = observedStages(versions)
      .filter((s) => s.status === 'Creating')
      .map((s) => s.message);
    expect(launches).toEqual(Array(4).fill('Launching 1 instance(s).'));
    expect(
      observedStages(versions)
        .filter((s) => s.status === 'Baking')
        .map((s) => s.message),
    ).toEqual([1, 2, 3, 4].map((n) => `Baking for 150 seconds with ${n} of 4 new instance(s) in service.`));
  });
});

describe('changes the controller holds back or ignores', () => {
  it('defers a new config while Creating (C4) without calling UpdateEndpoint, then applies it', async () => {
    await world.createModel('deferred-model-v1');
    await world.createConfig('deferred-v1', [{ name: 'primary', model: 'deferred-model-v1' }]);
    await world.createModel('deferred-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/deferred:2');
    await world.createConfig('deferred-v2', [{ name: 'primary', model: 'deferred-model-v2' }]);
    await world.createEndpoint('deferred', 'deferred-v1');
    await world.waitForEndpoint('deferred', (e) => e.status?.endpointStatus === 'Creating', 'Creating');
    await world.patch('Endpoint', 'deferred', { spec: { endpointConfigName: 'deferred-v2' } });
    const held = await world.waitForEndpoint(
      'deferred',
      (e) => e.status?.conditions?.some((c) => c.type === 'ACK.Recoverable') === true,
      'C4',
    );
    expect(held.status?.endpointStatus).toBe('Creating');
    expect(held.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: 'Endpoint is in Creating status.',
      }),
      { type: 'ACK.Recoverable', status: 'True', message: 'Endpoint in Creating state cannot be modified or deleted.' },
      expect.objectContaining({
        type: 'Ready',
        status: 'False',
        reason: 'ACK.Recoverable',
        message: 'Endpoint in Creating state cannot be modified or deleted.',
      }),
    ]);
    // No UpdateEndpoint was accepted: the controller writes this annotation only after one.
    expect(held.metadata.annotations?.[lastConfig]).toBeUndefined();
    const applied = await world.waitForEndpoint(
      'deferred',
      (e) => e.metadata.annotations?.[lastConfig] === 'deferred-v2' && e.status?.endpointStatus !== 'Creating',
      'the update once InService',
    );
    expect(['Updating', 'InService']).toContain(applied.status?.endpointStatus);
  });

  it('ignores tag edits, restamps lastTransitionTime on every resync, and writes status every 30 s (scaled)', async () => {
    await world.inServiceEndpoint('tags', [{ name: 'primary', count: 1 }]);
    const before = await world.endpoint('tags');
    await world.patch('Endpoint', 'tags', { spec: { tags: [{ key: 'team', value: 'fraud' }] } });
    const after = await world.waitForEndpoint(
      'tags',
      (e) => e.status?.conditions?.[0]?.lastTransitionTime !== before.status?.conditions?.[0]?.lastTransitionTime,
      'a resync',
    );
    expect(after.metadata.resourceVersion).not.toBe(before.metadata.resourceVersion);
    expect(after.status?.endpointStatus).toBe('InService');
    expect(after.status?.lastModifiedTime).toBe(before.status?.lastModifiedTime);
    expect(after.metadata.annotations?.[lastConfig]).toBeUndefined();
  });
});
