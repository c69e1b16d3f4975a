// GET /api/endpoints/{namespace}/{name}/rollout and the rollout history through real deployments: rollouts
// applied through the route, carried out by the simulated controller, one of them rolled back by an alarm.
import { randomUUID } from 'node:crypto';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutFormContextSchema, type RolloutFormContext } from '@/lib/api/rollout-views';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { call, configureServer, ORIGIN, signIn } from '../support/api-client';
import { kubeConfigAs } from '../support/control-plane';
import { SimWorld } from '../support/sagemaker-world';

configureServer();
const rollout = await import('@/app/api/endpoints/[namespace]/[name]/rollout/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

type User = 'ml-eng' | 'oncall' | 'outsider';
const sessions = {} as Record<User, { cookie: string; csrf: string }>;
let world: SimWorld;
const NAME = 'hist';

beforeAll(async () => {
  world = await SimWorld.start('rollout-hist', { SIM_TRAFFIC_STEP_SECONDS: '150' });
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace: world.namespace,
      body: {
        metadata: { name: 'ml-eng-deployer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-deployer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ml-eng' }],
      },
    });
  for (const user of ['ml-eng', 'oncall', 'outsider'] as const)
    sessions[user] = await signIn({ session: session.POST, me: me.GET }, user);
  await world.inServiceEndpoint(NAME, [{ name: 'primary', count: 2 }]);
  await world.createModel('hist-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/hist:2');
  await world.createModel('hist-model-v3', '123456789012.dkr.ecr.us-west-2.amazonaws.com/hist:3');
}, 120_000);
afterAll(() => world?.stop());

const path = `/api/endpoints/{ns}/${NAME}/rollout`;
const params = () => ({ namespace: world.namespace, name: NAME });

function getContext(user: User) {
  return call(rollout.GET, {
    path: path.replace('{ns}', world.namespace),
    params: params(),
    headers: { cookie: sessions[user].cookie },
  });
}

/**
 * The form context once the shared cache shows what `ready` waits for. The first read in this process starts
 * the cache, which answers 503 while it fills; any other status fails at once.
 */
async function contextWhen(
  user: User,
  ready: (context: RolloutFormContext) => boolean,
  what: string,
): Promise<RolloutFormContext> {
  const context = await world.waitFor(
    async () => {
      const response = await getContext(user);
      if (response.status === 503) return undefined;
      expect(response.status).toBe(200);
      return rolloutFormContextSchema.parse(await response.json());
    },
    (read) => read !== undefined && ready(read),
    what,
    30_000,
  );
  return context!;
}

async function apply(endpoint: Endpoint, model: string, deploymentConfig?: object) {
  const response = await call(rollout.POST, {
    method: 'POST',
    path: path.replace('{ns}', world.namespace),
    params: params(),
    headers: { cookie: sessions['ml-eng'].cookie, origin: ORIGIN, 'x-fleetdeck-csrf': sessions['ml-eng'].csrf },
    body: {
      mode: 'apply',
      baseGeneration: endpoint.metadata.generation,
      baseResourceVersion: endpoint.metadata.resourceVersion,
      requestId: randomUUID(),
      draft: {
        baseConfigName: endpoint.spec.endpointConfigName,
        variants: [{ variantName: 'primary', modelName: model, instanceType: 'ml.c5.large', initialInstanceCount: 2 }],
        reason: `roll out ${model}`,
        ...(deploymentConfig ? { deploymentConfig } : {}),
      },
    },
  });
  const body = await response.json();
  expect(response.status, JSON.stringify(body)).toBe(200);
  return body as { configName: string; endpoint: Endpoint };
}

const runningImage = (endpoint: Endpoint) =>
  endpoint.status?.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage ?? '';
const settledOn = (configName: string, image: string) => (endpoint: Endpoint) =>
  endpoint.metadata.annotations?.['sagemaker.services.k8s.aws/last-endpoint-config-for-update'] === configName &&
  endpoint.status?.endpointStatus === 'InService' &&
  !endpoint.status.pendingDeploymentSummary &&
  runningImage(endpoint).endsWith(image);

describe('the rollout form context', () => {
  it('gives ml-eng the endpoint, live config, models, gate and its right to roll out', async () => {
    const context = await contextWhen('ml-eng', (each) => each.models.length === 3, 'three models');
    const stored = await world.endpoint(NAME);
    expect(context.endpoint.metadata).toMatchObject({ name: NAME, generation: stored.metadata.generation });
    expect(context.endpoint.metadata.resourceVersion).toEqual(expect.any(String));
    expect(context.liveConfig?.metadata.name).toBe(`${NAME}-v1`);
    expect(context.models.map((model) => [model.modelName, model.image, model.marketplace])).toEqual([
      ['hist-model-v1', '123456789012.dkr.ecr.us-west-2.amazonaws.com/hist-model-v1:1', false],
      ['hist-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/hist:2', false],
      ['hist-model-v3', '123456789012.dkr.ecr.us-west-2.amazonaws.com/hist:3', false],
    ]);
    expect(context.context).toMatchObject({
      endpointStatus: 'InService',
      liveConfigName: `${NAME}-v1`,
      variants: [{ variantName: 'primary', instanceType: 'ml.c5.large' }],
    });
    expect(context.gate).toEqual({ allowed: true });
    expect(context.canRollOut).toBe(true);
    expect(context.history).toEqual([]);
    expect(context.failedConfig).toBeNull();
  });

  it('tells oncall it may not roll out, and refuses outsider', async () => {
    const context = await contextWhen('oncall', () => true, 'the context');
    expect(context.canRollOut).toBe(false);
    expect((await getContext('outsider')).status).toBe(403);
  });
});

describe('the rollout history through real deployments', () => {
  const names: string[] = [];

  it('shows a rollout in progress, then completed', async () => {
    const first = await apply(await world.endpoint(NAME), 'hist-model-v2');
    names.push(first.configName);
    // The shared cache may show the new config a moment before the patched endpoint; wait for both.
    const during = await contextWhen(
      'ml-eng',
      (each) => each.history.length === 1 && each.history[0]!.current,
      'the first rollout in the history',
    );
    expect(during.history[0]).toMatchObject({
      configName: first.configName,
      createdBy: 'ml-eng',
      previousConfig: `${NAME}-v1`,
      reason: 'roll out hist-model-v2',
      current: true,
    });
    expect(['in-progress', 'completed']).toContain(during.history[0]!.outcome.kind);

    await world.waitForEndpoint(NAME, settledOn(first.configName, ':2'), 'v2 in service', 30_000);
    const done = await contextWhen(
      'ml-eng',
      (each) => each.history[0]?.outcome.kind === 'completed',
      'the first rollout completed',
    );
    expect(done.history).toHaveLength(1);
  });

  it('shows a rollout an alarm rolled back, with the reason, and the one before it as completed', async () => {
    const canary = {
      autoRollbackConfiguration: { alarms: [{ alarmName: 'hist-p99' }] },
      blueGreenUpdatePolicy: {
        maximumExecutionTimeoutInSeconds: 3600,
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 600,
          canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
        },
      },
    };
    const second = await apply(await world.endpoint(NAME), 'hist-model-v3', canary);
    names.push(second.configName);
    await world.waitForEndpoint(
      NAME,
      (e) => e.status?.pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0]?.status === 'Baking',
      'the canary bake',
    );
    await world.setFaults({ alarms: { 'hist-p99': 'ALARM' } });
    await world.waitForEndpoint(
      NAME,
      (e) => e.status?.conditions?.some((c) => c.type === 'ACK.Terminal') === true,
      'the rollback and refusal',
      30_000,
    );

    const context = await contextWhen(
      'ml-eng',
      (each) => each.history[0]?.outcome.kind === 'rolled-back',
      'the rollback in the history',
    );
    expect(context.history.map((entry) => [entry.configName, entry.outcome.kind])).toEqual([
      [second.configName, 'rolled-back'],
      [names[0], 'completed'],
    ]);
    expect(context.history[0]!.outcome.failureReason).toMatch(/hist-p99/);
    // The form's base after a rollback is the config SageMaker rolled back to, and a new rollout may start.
    expect(context.liveConfig?.metadata.name).toBe(names[0]);
    expect(context.context.failedConfigName).toBe(second.configName);
    // The form warns about a draft that repeats the config that just failed, so it gets that config too.
    expect(context.failedConfig?.metadata.name).toBe(second.configName);
    expect(context.gate).toEqual({ allowed: true });
  });

  it('records the rolled-back outcome on the next config, so it outlives the endpoint status', async () => {
    await world.setFaults({ alarms: { 'hist-p99': 'OK' } });
    const third = await apply(await world.endpoint(NAME), 'hist-model-v3');
    names.push(third.configName);
    const created = await world.get('EndpointConfig', third.configName);
    expect(created?.metadata.annotations).toMatchObject({
      'fleetdeck.io/previous-config': names[1],
      'fleetdeck.io/previous-outcome': 'rolled-back',
      'fleetdeck.io/previous-failure-reason': expect.stringMatching(/hist-p99/),
    });

    // SageMaker clears the failure reason once the next update succeeds; the history still has it.
    await world.waitForEndpoint(
      NAME,
      (e) => settledOn(third.configName, ':3')(e) && e.status?.failureReason === undefined,
      'v3 in service',
      30_000,
    );
    const context = await contextWhen(
      'ml-eng',
      (each) => each.history[0]?.outcome.kind === 'completed',
      'the third rollout completed',
    );
    expect(context.history.map((entry) => [entry.configName, entry.outcome])).toEqual([
      [names[2], { kind: 'completed' }],
      [names[1], { kind: 'rolled-back', failureReason: expect.stringMatching(/hist-p99/) }],
      [names[0], { kind: 'completed' }],
    ]);
  });
});
