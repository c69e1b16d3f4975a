// Failed updates through the simulated controller: alarm rollbacks, the refusal to retry a failed config
// (C6), failures SageMaker rolls back without an alarm, and a rolling rollback that fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { SimWorld } from '../support/sagemaker-world';

let world: SimWorld;
beforeAll(async () => {
  world = await SimWorld.start('sim-rollback', { SIM_TRAFFIC_STEP_SECONDS: '150' });
});
afterAll(() => world?.stop());

const lastConfig = 'sagemaker.services.k8s.aws/last-endpoint-config-for-update';
const refusal = (live: string) =>
  `api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is ${live}`;

async function newConfig(endpoint: string, version: number) {
  await world.createModel(
    `${endpoint}-model-v${version}`,
    `123456789012.dkr.ecr.us-west-2.amazonaws.com/${endpoint}:${version}`,
  );
  await world.createConfig(`${endpoint}-v${version}`, [
    { name: 'primary', model: `${endpoint}-model-v${version}`, count: 4 },
  ]);
  await world.configReady(`${endpoint}-v${version}`);
}

const canaryWithAlarm = (alarmName: string): DeploymentConfig => ({
  autoRollbackConfiguration: { alarms: [{ alarmName }] },
  blueGreenUpdatePolicy: {
    maximumExecutionTimeoutInSeconds: 3600,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 600,
      canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
    },
  },
});

describe('auto-rollback on a CloudWatch alarm', () => {
  it('rolls back to the old config, sets failureReason, then refuses the failed config for good (C6)', async () => {
    await world.inServiceEndpoint('alarmed', [{ name: 'primary', count: 4 }]);
    await newConfig('alarmed', 2);
    await world.patch('Endpoint', 'alarmed', {
      spec: { endpointConfigName: 'alarmed-v2', deploymentConfig: canaryWithAlarm('alarmed-p99') },
    });
    await world.waitForEndpoint(
      'alarmed',
      (e) => e.status?.pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0]?.status === 'Baking',
      'the canary bake',
    );
    await world.setFaults({ alarms: { 'alarmed-p99': 'ALARM' } });
    await world.waitForEndpoint('alarmed', (e) => e.status?.endpointStatus === 'RollingBack', 'RollingBack');
    const refused = await world.waitForEndpoint(
      'alarmed',
      (e) => e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === true,
      'the terminal refusal',
    );
    expect(refused.status?.endpointStatus).toBe('InService');
    expect(refused.status?.failureReason).toMatch(/alarmed-p99/);
    expect(refused.status?.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage).toMatch(/:1$/);
    expect(refused.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: refusal('alarmed-v1'),
        lastTransitionTime: expect.any(String),
      }),
      { type: 'ACK.Terminal', status: 'True', message: refusal('alarmed-v1') },
      expect.objectContaining({
        type: 'Ready',
        status: 'False',
        reason: 'ACK.Terminal',
        message: refusal('alarmed-v1'),
      }),
    ]);

    // Terminal: no more requeues, so the status stops churning.
    const settled = await world.endpoint('alarmed');
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await world.endpoint('alarmed')).metadata.resourceVersion).toBe(settled.metadata.resourceVersion);

    // Reverting the spec to the live config clears the refusal but keeps the failure reason visible.
    await world.patch('Endpoint', 'alarmed', { spec: { endpointConfigName: 'alarmed-v1' } });
    const reverted = await world.waitForEndpoint(
      'alarmed',
      (e) => e.status?.conditions?.[0]?.status === 'True',
      'synced after revert',
    );
    expect(reverted.status?.conditions?.map((c) => c.type)).toEqual(['ACK.ResourceSynced', 'Ready']);
    expect(reverted.status?.failureReason).toMatch(/alarmed-p99/);

    // Re-applying the config that failed is refused the same way, with no new UpdateEndpoint.
    await world.patch('Endpoint', 'alarmed', { spec: { endpointConfigName: 'alarmed-v2' } });
    const again = await world.waitForEndpoint(
      'alarmed',
      (e) => e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === true,
      'refused again',
    );
    expect(again.status?.conditions?.[0]?.message).toBe(refusal('alarmed-v1'));
    expect(again.status?.endpointStatus).toBe('InService');

    // A different config name is accepted: the controller submits it and overwrites the annotation.
    await world.setFaults({ alarms: { 'alarmed-p99': 'OK' } });
    await newConfig('alarmed', 3);
    await world.patch('Endpoint', 'alarmed', { spec: { endpointConfigName: 'alarmed-v3' } });
    // The annotation is written before the status (as ACK writes metadata, then status): wait for both.
    await world.waitForEndpoint(
      'alarmed',
      (e) =>
        e.metadata.annotations?.[lastConfig] === 'alarmed-v3' &&
        e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === false,
      'the new config accepted and the refusal cleared',
    );
    const done = await world.waitForEndpoint(
      'alarmed',
      (e) => e.status?.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage?.endsWith(':3') === true,
      'v3 in service',
      30_000,
    );
    // SageMaker clears the failure reason after the next successful update.
    expect(done.status?.failureReason).toBeUndefined();
  });

  it('does not roll back for an alarm the deployment does not watch', async () => {
    await world.inServiceEndpoint('unwatched', [{ name: 'primary', count: 2 }]);
    await world.createModel('unwatched-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/unwatched:2');
    await world.createConfig('unwatched-v2', [{ name: 'primary', model: 'unwatched-model-v2', count: 2 }]);
    await world.configReady('unwatched-v2');
    await world.setFaults({ alarms: { 'someone-elses-alarm': 'ALARM' } });
    await world.patch('Endpoint', 'unwatched', {
      spec: {
        endpointConfigName: 'unwatched-v2',
        deploymentConfig: {
          autoRollbackConfiguration: { alarms: [{ alarmName: 'unwatched-errors' }] },
          blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 60 } },
        },
      },
    });
    const done = await world.waitForEndpoint(
      'unwatched',
      (e) => e.status?.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage?.endsWith(':2') === true,
      'v2 in service',
      30_000,
    );
    expect(done.status?.failureReason).toBeUndefined();
  });
});

describe('failures without an alarm', () => {
  it('a deployment that fails before traffic shifts ends InService on the old config with the reason', async () => {
    const reason = 'Failed to download model data for container "primary" from URL s3://demo/model.tar.gz.';
    await world.inServiceEndpoint('broken', [{ name: 'primary', count: 2 }]);
    await newConfig('broken', 2);
    await world.setFaults({ endpoints: { broken: { failUpdate: reason } } });
    await world.patch('Endpoint', 'broken', { spec: { endpointConfigName: 'broken-v2' } });
    const refused = await world.waitForEndpoint(
      'broken',
      (e) => e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === true,
      'C6',
    );
    expect(refused.status).toMatchObject({ endpointStatus: 'InService', failureReason: reason });
    expect(refused.status?.conditions?.[1]?.message).toBe(refusal('broken-v1'));
  });

  it('a rolling update whose rollback also fails ends UpdateRollbackFailed, which ACK reports as synced', async () => {
    await world.inServiceEndpoint('mixed', [{ name: 'primary', count: 4 }]);
    await newConfig('mixed', 2);
    await world.setFaults({ endpoints: { mixed: { failRollback: true } } });
    await world.patch('Endpoint', 'mixed', {
      spec: {
        endpointConfigName: 'mixed-v2',
        deploymentConfig: {
          autoRollbackConfiguration: { alarms: [{ alarmName: 'mixed-errors' }] },
          rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 600 },
        },
      },
    });
    await world.waitForEndpoint(
      'mixed',
      (e) => e.status?.pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0]?.status === 'Baking',
      'the first batch baking',
    );
    await world.setFaults({ endpoints: { mixed: { failRollback: true } }, alarms: { 'mixed-errors': 'ALARM' } });
    const failed = await world.waitForEndpoint(
      'mixed',
      (e) => e.status?.endpointStatus === 'UpdateRollbackFailed',
      'UpdateRollbackFailed',
    );
    expect(failed.status?.failureReason).toMatch(/mixed-errors/);
    expect(failed.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'True',
        message: 'Endpoint is in UpdateRollbackFailed status.',
      }),
      expect.objectContaining({ type: 'Ready', status: 'True' }),
    ]);
  });
});
