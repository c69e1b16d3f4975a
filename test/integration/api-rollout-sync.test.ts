// An apply points the Endpoint at its new EndpointConfig only once SageMaker has the config, so the controller
// never sees an Endpoint naming a config it cannot find (docs/ack-behaviour.md §8.4 C9). Through the route as
// ml-eng, against the simulated controller, one that refuses the config, and none at all.
import { randomUUID } from 'node:crypto';
import { PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newConfigName } from '@/lib/rollout/build-config';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { call, configureServer, ORIGIN, signIn } from '../support/api-client';
import { customObjectsAs, freshNamespace, kubeConfigAs } from '../support/control-plane';
import { SimWorld } from '../support/sagemaker-world';
import { coordinates } from '../support/sagemaker-objects';

const SYNC_SECONDS = 15;
configureServer({ FLEETDECK_ROLLOUT_SYNC_SECONDS: String(SYNC_SECONDS) });
const rollout = await import('@/app/api/endpoints/[namespace]/[name]/rollout/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

const admin = customObjectsAs('admin');
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
let world: SimWorld;
let idle: string; // a namespace no controller watches
let mlEng: { cookie: string; csrf: string };

async function allowMlEng(namespace: string) {
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'ml-eng-deployer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-deployer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ml-eng' }],
      },
    });
}

beforeAll(async () => {
  world = await SimWorld.start('rollout-sync');
  idle = await freshNamespace('rollout-sync-idle');
  await allowMlEng(world.namespace);
  await allowMlEng(idle);
  for (const model of ['m1', 'm2'])
    await admin.createNamespacedCustomObject({
      ...coordinates('Model', idle),
      body: {
        apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
        kind: 'Model',
        metadata: { name: model },
        spec: {
          modelName: model,
          primaryContainer: { image: `123456789012.dkr.ecr.us-west-2.amazonaws.com/${model}:1` },
        },
      },
    });
  mlEng = await signIn({ session: session.POST, me: me.GET }, 'ml-eng');
}, 120_000);
afterAll(() => world?.stop());

function post(
  namespace: string,
  endpoint: Endpoint,
  mode: 'dry-run' | 'apply',
  model: string,
  requestId: string = randomUUID(),
) {
  const name = endpoint.metadata.name;
  const response = call(rollout.POST, {
    method: 'POST',
    path: `/api/endpoints/${namespace}/${name}/rollout`,
    params: { namespace, name },
    headers: { cookie: mlEng.cookie, origin: ORIGIN, 'x-fleetdeck-csrf': mlEng.csrf },
    body: {
      mode,
      baseGeneration: endpoint.metadata.generation,
      baseResourceVersion: endpoint.metadata.resourceVersion,
      requestId,
      draft: {
        baseConfigName: endpoint.spec.endpointConfigName,
        variants: [{ variantName: 'primary', modelName: model, instanceType: 'ml.c5.large', initialInstanceCount: 2 }],
        reason: `roll out ${model}`,
      },
    },
  });
  return { response, configName: newConfigName(endpoint.spec.endpointName, requestId) };
}

const conditionsOf = (object: Record<string, any> | undefined): { type: string; status: string; message?: string }[] =>
  object?.status?.conditions ?? [];

/** The simulated controller has created the Model in SageMaker, so a config naming it is not refused for that. */
const modelReady = (name: string) =>
  world.waitFor(
    () => world.get('Model', name),
    (model) => conditionsOf(model).some((c) => c.type === 'Ready' && c.status === 'True'),
    `Model ${name} ready`,
  );

describe('an apply against the simulated controller', () => {
  it('points the endpoint at the new config only after SageMaker has it', async () => {
    const initial = await world.inServiceEndpoint('synced', [{ name: 'primary', count: 2 }]);
    await world.createModel('synced-model-v2');
    await modelReady('synced-model-v2');
    const requestId = randomUUID();
    const configName = newConfigName(initial.spec.endpointName, requestId);
    const endpointVersions = await world.recordEndpoint('synced');
    const configVersions = await world.record('EndpointConfig', configName);
    const answer = await post(world.namespace, initial, 'apply', 'synced-model-v2', requestId).response;
    const body = await answer.json();
    expect(answer.status, JSON.stringify(body)).toBe(200);
    expect(body.outcome).toBe('applied');
    expect(body.config.status.ackResourceMetadata.arn).toEqual(
      expect.stringContaining(`endpoint-config/${configName}`),
    );

    // Follow the rollout to the end: the endpoint never reports a config the controller could not find.
    await world.waitForEndpoint(
      'synced',
      (endpoint) =>
        endpoint.metadata.annotations?.['sagemaker.services.k8s.aws/last-endpoint-config-for-update'] === configName &&
        endpoint.status?.endpointStatus === 'InService' &&
        !endpoint.status.pendingDeploymentSummary,
      'InService on the new config',
      30_000,
    );
    endpointVersions.stop();
    configVersions.stop();
    const stored = await world.get('EndpointConfig', configName);
    const pointed = endpointVersions.versions.find((version) => version.spec.endpointConfigName === configName);
    expect(pointed, 'the endpoint was pointed at the new config').toBeDefined();
    // The config's status had its ARN before the Endpoint's spec named it (resourceVersions of one etcd).
    const withArn = [...configVersions.versions, stored!].find((version) => version.status?.ackResourceMetadata?.arn);
    expect(withArn, 'the config was synced').toBeDefined();
    expect(BigInt(withArn!.metadata.resourceVersion)).toBeLessThan(BigInt(pointed!.metadata.resourceVersion!));
    for (const version of endpointVersions.versions)
      for (const condition of version.status?.conditions ?? [])
        expect(condition.message ?? '').not.toMatch(/Could not find endpoint configuration/);
  });

  it('leaves the endpoint alone when SageMaker refuses the config, and says why', async () => {
    const initial = await world.inServiceEndpoint('refused', [{ name: 'primary', count: 2 }]);
    // A Model that lives in another region: SageMaker in us-west-2 cannot find it, so the config is refused.
    await admin.createNamespacedCustomObject({
      ...coordinates('Model', world.namespace),
      body: {
        apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
        kind: 'Model',
        metadata: { name: 'elsewhere', annotations: { 'services.k8s.aws/region': 'eu-west-1' } },
        spec: {
          modelName: 'elsewhere',
          primaryContainer: { image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/elsewhere:1' },
        },
      },
    });
    const { response, configName } = post(world.namespace, initial, 'apply', 'elsewhere');
    const answer = await response;
    const body = await answer.json();
    expect(answer.status, JSON.stringify(body)).toBe(422);
    expect(body.error.details).toEqual({ createdConfigName: configName });
    expect(body.error.message).toContain(
      `Created EndpointConfig ${configName}, but the endpoint was not pointed at it`,
    );
    expect(body.error.message).toMatch(
      /SageMaker did not accept the config\. The controller says: .*Could not find model/,
    );
    const endpoint = await world.endpoint('refused');
    expect(endpoint.spec.endpointConfigName).toBe('refused-v1');
    expect(endpoint.metadata.generation).toBe(initial.metadata.generation);
    const config = await world.get('EndpointConfig', configName);
    expect(conditionsOf(config).find((c) => c.type === 'ACK.Recoverable')?.status).toBe('True');
  });
});

describe('with no controller running', () => {
  async function endpointWithoutController(name: string): Promise<Endpoint> {
    const typeOf = (kind: string) => ({ apiVersion: 'sagemaker.services.k8s.aws/v1alpha1', kind });
    await admin.createNamespacedCustomObject({
      ...coordinates('EndpointConfig', idle),
      body: {
        ...typeOf('EndpointConfig'),
        metadata: { name: `${name}-v1` },
        spec: {
          endpointConfigName: `${name}-v1`,
          productionVariants: [
            {
              variantName: 'primary',
              modelName: 'm1',
              instanceType: 'ml.c5.large',
              initialInstanceCount: 2,
              initialVariantWeight: 1,
            },
          ],
        },
      },
    });
    await admin.createNamespacedCustomObject({
      ...coordinates('Endpoint', idle),
      body: {
        ...typeOf('Endpoint'),
        metadata: { name },
        spec: { endpointName: name, endpointConfigName: `${name}-v1` },
      },
    });
    await admin.patchNamespacedCustomObjectStatus(
      {
        ...coordinates('Endpoint', idle),
        name,
        body: {
          status: {
            endpointStatus: 'InService',
            ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
            conditions: [{ type: 'ACK.ResourceSynced', status: 'True', lastTransitionTime: new Date().toISOString() }],
          },
        },
      },
      mergePatch,
    );
    return (await admin.getNamespacedCustomObject({ ...coordinates('Endpoint', idle), name })) as Endpoint;
  }

  it('dry-runs at once, without waiting for a sync', async () => {
    const initial = await endpointWithoutController('dry');
    const started = Date.now();
    const answer = await post(idle, initial, 'dry-run', 'm2').response;
    expect(answer.status, JSON.stringify(await answer.clone().json())).toBe(200);
    expect(Date.now() - started).toBeLessThan(SYNC_SECONDS * 1000);
  });

  it('gives up after the wait, names the created config and does not patch', async () => {
    const initial = await endpointWithoutController('unsynced');
    const started = Date.now();
    const { response, configName } = post(idle, initial, 'apply', 'm2');
    const answer = await response;
    const body = await answer.json();
    expect(answer.status, JSON.stringify(body)).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SYNC_SECONDS * 1000);
    expect(body.error.details).toEqual({ createdConfigName: configName });
    expect(body.error.message).toContain(`SageMaker did not have the config within ${SYNC_SECONDS} s`);
    const endpoint = (await admin.getNamespacedCustomObject({
      ...coordinates('Endpoint', idle),
      name: 'unsynced',
    })) as Endpoint;
    expect(endpoint.spec.endpointConfigName).toBe('unsynced-v1');
    expect(endpoint.metadata.generation).toBe(initial.metadata.generation);
    expect(
      await admin.getNamespacedCustomObject({ ...coordinates('EndpointConfig', idle), name: configName }),
    ).toBeDefined();
  });
});
