// POST /api/endpoints/{namespace}/{name}/rollout against the real API server, as users with different rights:
// dry run, apply, idempotency, optimistic concurrency, validation and refusals. Statuses are written by hand
// as admin (no simulator), so each test sets exactly the state it needs.
import { randomUUID } from 'node:crypto';
import { PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, configureServer, ORIGIN, signIn } from '../support/api-client';
import { customObjectsAs, freshNamespace, kubeConfigAs, uniqueName } from '../support/control-plane';
import { coordinates } from '../support/sagemaker-objects';

// No controller runs here, so no config ever syncs: applies do not wait for one (api-rollout-sync tests the wait).
configureServer({ FLEETDECK_ROLLOUT_SYNC_SECONDS: '0' });
const rollout = await import('@/app/api/endpoints/[namespace]/[name]/rollout/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

type User = 'ml-eng' | 'oncall' | 'outsider';
const sessions = {} as Record<User, { cookie: string; csrf: string }>;
const admin = customObjectsAs('admin');
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
let namespace: string;

const inService = (
  variants: object[] = [
    { variantName: 'primary', currentInstanceCount: 2, desiredInstanceCount: 2, currentWeight: 1, desiredWeight: 1 },
  ],
) => ({
  endpointStatus: 'InService',
  ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
  conditions: [
    {
      type: 'ACK.ResourceSynced',
      status: 'True',
      message: 'Endpoint is in InService status.',
      lastTransitionTime: new Date().toISOString(),
    },
  ],
  productionVariants: variants,
});

const typeOf = (kind: string) => ({ apiVersion: 'sagemaker.services.k8s.aws/v1alpha1', kind });

async function createModel(
  ns: string,
  name: string,
  container: object = { image: `123456789012.dkr.ecr.us-west-2.amazonaws.com/${name}:1` },
) {
  await admin.createNamespacedCustomObject({
    ...coordinates('Model', ns),
    body: { ...typeOf('Model'), metadata: { name }, spec: { modelName: name, primaryContainer: container } },
  });
}

/** An InService endpoint on config `<name>-v1` (model m1, two ml.c5.large, with extras a rollout must keep). */
async function endpointInService(name: string, ns = namespace) {
  await admin.createNamespacedCustomObject({
    ...coordinates('EndpointConfig', ns),
    body: {
      ...typeOf('EndpointConfig'),
      metadata: { name: `${name}-v1` },
      spec: {
        endpointConfigName: `${name}-v1`,
        kmsKeyID: 'alias/pricing',
        productionVariants: [
          {
            variantName: 'primary',
            modelName: 'm1',
            instanceType: 'ml.c5.large',
            initialInstanceCount: 2,
            initialVariantWeight: 1,
            volumeSizeInGB: 64,
          },
        ],
      },
    },
  });
  await admin.createNamespacedCustomObject({
    ...coordinates('Endpoint', ns),
    body: { ...typeOf('Endpoint'), metadata: { name }, spec: { endpointName: name, endpointConfigName: `${name}-v1` } },
  });
  await setStatus(name, inService(), ns);
  return read(name, ns);
}

const at = (kind: string, name: string, ns = namespace) => ({ ...coordinates(kind, ns), name });
const read = async (name: string, ns = namespace) =>
  (await admin.getNamespacedCustomObject(at('Endpoint', name, ns))) as Record<string, any>;
const setStatus = (name: string, status: object, ns = namespace) =>
  admin.patchNamespacedCustomObjectStatus({ ...at('Endpoint', name, ns), body: { status } }, mergePatch);
const configNames = async (ns = namespace) =>
  (
    (await admin.listNamespacedCustomObject(coordinates('EndpointConfig', ns))) as {
      items: { metadata: { name: string } }[];
    }
  ).items
    .map((item) => item.metadata.name)
    .sort();

/** Reads until `done` holds (the shared cache follows the API server within moments), for at most 10 s. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const draft = (name: string, overrides: object = {}) => ({
  baseConfigName: `${name}-v1`,
  variants: [{ variantName: 'primary', modelName: 'm2', instanceType: 'ml.c5.large', initialInstanceCount: 2 }],
  presetId: 'all-at-once',
  reason: 'CHG-42 new model',
  ...overrides,
});

function request(endpoint: Record<string, any>, mode: 'dry-run' | 'apply', overrides: object = {}) {
  return {
    mode,
    baseGeneration: endpoint.metadata.generation,
    baseResourceVersion: endpoint.metadata.resourceVersion,
    requestId: randomUUID(),
    draft: draft(endpoint.metadata.name),
    ...overrides,
  };
}

function post(
  user: User,
  name: string,
  body: unknown,
  options: { ns?: string; headers?: Record<string, string> } = {},
) {
  const ns = options.ns ?? namespace;
  return call(rollout.POST, {
    method: 'POST',
    path: `/api/endpoints/${ns}/${name}/rollout`,
    params: { namespace: ns, name },
    headers: options.headers ?? {
      cookie: sessions[user].cookie,
      origin: ORIGIN,
      'x-fleetdeck-csrf': sessions[user].csrf,
    },
    body,
  });
}

beforeAll(async () => {
  namespace = await freshNamespace('rollout');
  const rbac = kubeConfigAs('admin').makeApiClient(RbacAuthorizationV1Api);
  // ml-eng deploys here as in team-a. outsider may create configs but not patch endpoints, so a patch can fail
  // after the create succeeded.
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name: 'ml-eng-deployer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-deployer' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ml-eng' }],
    },
  });
  await rbac.createNamespacedRole({
    namespace,
    body: {
      metadata: { name: 'config-writer' },
      rules: [
        {
          apiGroups: ['sagemaker.services.k8s.aws'],
          resources: ['endpoints', 'endpointconfigs', 'models'],
          verbs: ['get', 'list', 'watch'],
        },
        { apiGroups: ['sagemaker.services.k8s.aws'], resources: ['endpointconfigs'], verbs: ['create'] },
      ],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name: 'outsider-config-writer' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'config-writer' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'outsider' }],
    },
  });
  await createModel(namespace, 'm1');
  await createModel(namespace, 'm2');
  for (const user of ['ml-eng', 'oncall', 'outsider'] as const)
    sessions[user] = await signIn({ session: session.POST, me: me.GET }, user);
});

describe('dry run', () => {
  it('answers what would be created and patched, and creates nothing', async () => {
    const endpoint = await endpointInService(uniqueName('dry'));
    const before = await configNames();
    const response = await post('ml-eng', endpoint.metadata.name, request(endpoint, 'dry-run'));
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.outcome).toBe('dry-run');
    expect(body.configName).toMatch(new RegExp(`^${endpoint.metadata.name}-[a-z0-9]{11}$`));
    expect(body.config.metadata).toMatchObject({
      name: body.configName,
      labels: { 'fleetdeck.io/endpoint': endpoint.metadata.name },
      annotations: {
        'fleetdeck.io/created-by': 'ml-eng',
        'fleetdeck.io/previous-config': `${endpoint.metadata.name}-v1`,
      },
    });
    expect(body.config.spec).toEqual({
      endpointConfigName: body.configName,
      kmsKeyID: 'alias/pricing',
      productionVariants: [
        {
          variantName: 'primary',
          modelName: 'm2',
          instanceType: 'ml.c5.large',
          initialInstanceCount: 2,
          initialVariantWeight: 1,
          volumeSizeInGB: 64,
        },
      ],
    });
    expect(body.endpointPatch).toEqual({
      metadata: { resourceVersion: endpoint.metadata.resourceVersion },
      spec: { endpointConfigName: body.configName, deploymentConfig: null },
    });
    expect(body.endpoint.spec.endpointConfigName).toBe(body.configName);

    expect(await configNames()).toEqual(before);
    const after = await read(endpoint.metadata.name);
    expect(after.metadata.generation).toBe(endpoint.metadata.generation);
    expect(after.spec.endpointConfigName).toBe(`${endpoint.metadata.name}-v1`);
  });
});

describe('apply', () => {
  it('creates exactly one config, annotated for the history, and patches the endpoint once', async () => {
    const endpoint = await endpointInService(uniqueName('apply'));
    const before = await configNames();
    const deploymentConfig = {
      blueGreenUpdatePolicy: {
        maximumExecutionTimeoutInSeconds: 1800,
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 300,
          canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
        },
      },
    };
    const body = request(endpoint, 'apply', { draft: draft(endpoint.metadata.name, { deploymentConfig }) });
    const response = await post('ml-eng', endpoint.metadata.name, body);
    const result = await response.json();
    expect(response.status, JSON.stringify(result)).toBe(200);
    expect(result).toMatchObject({ outcome: 'applied', configReused: false });

    expect(await configNames()).toEqual([...before, result.configName].sort());
    const created = (await admin.getNamespacedCustomObject(at('EndpointConfig', result.configName))) as Record<
      string,
      any
    >;
    expect(created.metadata.labels).toEqual({ 'fleetdeck.io/endpoint': endpoint.metadata.name });
    expect(created.metadata.annotations).toEqual({
      'fleetdeck.io/created-by': 'ml-eng',
      'fleetdeck.io/created-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      'fleetdeck.io/preset': 'all-at-once',
      'fleetdeck.io/previous-config': `${endpoint.metadata.name}-v1`,
      'fleetdeck.io/previous-outcome': 'completed',
      'fleetdeck.io/reason': 'CHG-42 new model',
      'fleetdeck.io/request-id': body.requestId,
    });
    expect(created.spec.productionVariants[0]).toMatchObject({ modelName: 'm2', volumeSizeInGB: 64 });

    const after = await read(endpoint.metadata.name);
    expect(after.metadata.generation).toBe(endpoint.metadata.generation + 1);
    expect(after.spec).toEqual({
      endpointName: endpoint.metadata.name,
      endpointConfigName: result.configName,
      deploymentConfig,
    });
    expect(result.endpoint.metadata.generation).toBe(after.metadata.generation);
  });

  it('removes a deployment config the draft does not have, and replaces one it changes whole', async () => {
    const name = uniqueName('policy');
    const endpoint = await endpointInService(name);
    const rolling = {
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 50 }, waitIntervalInSeconds: 60 },
    };
    await admin.patchNamespacedCustomObject(
      { ...at('Endpoint', name), body: { spec: { deploymentConfig: rolling } } },
      mergePatch,
    );
    const withRolling = await read(name);
    const allAtOnce = {
      blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } },
    };
    const first = await post(
      'ml-eng',
      name,
      request(withRolling, 'apply', { draft: draft(name, { deploymentConfig: allAtOnce }) }),
    );
    expect(first.status).toBe(200);
    expect((await read(name)).spec.deploymentConfig).toEqual(allAtOnce);
    const second = await post('ml-eng', name, request(await read(name), 'apply'));
    expect(second.status).toBe(200);
    expect((await read(name)).spec.deploymentConfig).toBeUndefined();
    expect(endpoint.spec.deploymentConfig).toBeUndefined();
  });

  it('applies once when the same requestId comes again, after the first or at the same time', async () => {
    const endpoint = await endpointInService(uniqueName('retry'));
    const before = await configNames();
    const body = request(endpoint, 'apply');
    const [a, b] = await Promise.all([
      post('ml-eng', endpoint.metadata.name, body),
      post('ml-eng', endpoint.metadata.name, body),
    ]);
    const outcomes = [(await a.json()).outcome, (await b.json()).outcome].sort();
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(outcomes).toEqual(['already-applied', 'applied']);
    const again = await post('ml-eng', endpoint.metadata.name, body);
    expect(again.status).toBe(200);
    expect((await again.json()).outcome).toBe('already-applied');

    expect((await configNames()).length).toBe(before.length + 1);
    expect((await read(endpoint.metadata.name)).metadata.generation).toBe(endpoint.metadata.generation + 1);
  });

  it('gives 409 with the current endpoint and its config when the spec changed since the draft was made', async () => {
    const name = uniqueName('stale');
    const endpoint = await endpointInService(name);
    const before = await configNames();
    await admin.patchNamespacedCustomObject(
      { ...at('Endpoint', name), body: { spec: { tags: [{ key: 'owner', value: 'someone-else' }] } } },
      mergePatch,
    );
    for (const mode of ['dry-run', 'apply'] as const) {
      const response = await post('ml-eng', name, request(endpoint, mode));
      const body = await response.json();
      expect(response.status, mode).toBe(409);
      expect(body.error.code).toBe('conflict');
      expect(body.error.details.current.endpoint.metadata.generation).toBe(endpoint.metadata.generation + 1);
      expect(body.error.details.current.endpoint.spec.tags).toEqual([{ key: 'owner', value: 'someone-else' }]);
      expect(body.error.details.current.liveConfig.metadata.name).toBe(`${name}-v1`);
    }
    expect(await configNames()).toEqual(before);
    expect((await read(name)).spec.endpointConfigName).toBe(`${name}-v1`);
  });

  it('is not a conflict when only the status changed since the draft was made', async () => {
    const name = uniqueName('churn');
    const endpoint = await endpointInService(name);
    await setStatus(name, inService());
    const changed = await read(name);
    expect(changed.metadata.resourceVersion).not.toBe(endpoint.metadata.resourceVersion);
    const response = await post('ml-eng', name, request(endpoint, 'apply'));
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
    expect((await read(name)).metadata.generation).toBe(endpoint.metadata.generation + 1);
  });

  it('gives 404 when the endpoint was deleted since the draft was made, and creates nothing', async () => {
    const name = uniqueName('gone');
    const endpoint = await endpointInService(name);
    await admin.deleteNamespacedCustomObject(at('Endpoint', name));
    const before = await configNames();
    const response = await post('ml-eng', name, request(endpoint, 'apply'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
    expect(await configNames()).toEqual(before);
  });

  it('refuses with 409 and the reason while the endpoint cannot take a rollout', async () => {
    const name = uniqueName('busy');
    await endpointInService(name);
    await setStatus(name, { endpointStatus: 'Updating' });
    const response = await post('ml-eng', name, request(await read(name), 'apply'));
    const body = await response.json();
    expect(response.status).toBe(409);
    expect(body.error.message).toMatch(/Updating/);
    expect(body.error.details?.current).toBeUndefined();
  });

  it('says which config it created when pointing the endpoint at it then fails', async () => {
    const name = uniqueName('half');
    const endpoint = await endpointInService(name);
    const response = await post('outsider', name, request(endpoint, 'apply'));
    const body = await response.json();
    expect(response.status).toBe(403);
    expect(body.error.details.createdConfigName).toMatch(new RegExp(`^${name}-`));
    expect(body.error.message).toContain(`Created EndpointConfig ${body.error.details.createdConfigName}`);
    expect(await configNames()).toContain(body.error.details.createdConfigName);
    expect((await read(name)).spec.endpointConfigName).toBe(`${name}-v1`);

    // Not silently orphaned: the history lists it as created but not applied.
    // The first read in this process starts the shared cache, which may answer 503 while it fills.
    const history = await eventually(
      async () => {
        const context = await call(rollout.GET, {
          path: '/x',
          params: { namespace, name },
          headers: { cookie: sessions['ml-eng'].cookie },
        });
        return context.status === 200 ? ((await context.json()).history as object[]) : `status ${context.status}`;
      },
      (entries) => Array.isArray(entries) && entries.length > 0,
    );
    expect(history).toEqual([
      expect.objectContaining({
        configName: body.error.details.createdConfigName,
        createdBy: 'outsider',
        current: false,
        outcome: { kind: 'not-applied' },
      }),
    ]);
  });

  it('will not point the endpoint at a config of this request that SageMaker already rolled back', async () => {
    const name = uniqueName('refused');
    const endpoint = await endpointInService(name);
    const first = request(endpoint, 'apply');
    const applied = await (await post('ml-eng', name, first)).json();
    // SageMaker rolled it back, then someone pointed the spec back at the live config.
    await admin.patchNamespacedCustomObject(
      {
        ...at('Endpoint', name),
        body: {
          metadata: {
            annotations: { 'sagemaker.services.k8s.aws/last-endpoint-config-for-update': applied.configName },
          },
        },
      },
      mergePatch,
    );
    await setStatus(name, { ...inService(), failureReason: 'alarm p99 in ALARM' });
    await admin.patchNamespacedCustomObject(
      { ...at('Endpoint', name), body: { spec: { endpointConfigName: `${name}-v1` } } },
      mergePatch,
    );
    const reverted = await read(name);
    const response = await post('ml-eng', name, {
      ...first,
      baseGeneration: reverted.metadata.generation,
      baseResourceVersion: reverted.metadata.resourceVersion,
    });
    expect(response.status).toBe(409);
    expect((await response.json()).error.message).toMatch(/already failed/);
    expect((await read(name)).spec.endpointConfigName).toBe(`${name}-v1`);
  });
});

describe('invalid drafts', () => {
  let endpoint: Record<string, any>;
  beforeAll(async () => {
    endpoint = await endpointInService(uniqueName('invalid'));
  });

  async function fieldsOf(body: object) {
    const before = await configNames();
    const response = await post('ml-eng', endpoint.metadata.name, body);
    const envelope = await response.json();
    expect(response.status, JSON.stringify(envelope)).toBe(422);
    expect(envelope.error.code).toBe('invalid');
    expect(await configNames()).toEqual(before);
    return envelope.error.fields as { path: string; message: string }[];
  }

  it('names the fields the request schema refuses', async () => {
    const variant = {
      variantName: 'primary',
      modelName: 'm2',
      instanceType: 'ml.c5.large',
      initialInstanceCount: 0,
      colour: 'blue',
    };
    const fields = await fieldsOf({
      ...request(endpoint, 'apply', { draft: draft(endpoint.metadata.name, { variants: [variant] }) }),
      requestId: 'not-a-uuid',
    });
    expect(fields.map((field) => field.path).sort()).toEqual([
      'draft.variants.0.colour',
      'draft.variants.0.initialInstanceCount',
      'requestId',
    ]);
  });

  it('names the fields the rollout rules refuse', async () => {
    const fields = await fieldsOf(
      request(endpoint, 'dry-run', {
        draft: draft(endpoint.metadata.name, { variants: [{ variantName: 'primary', modelName: 'm2' }] }),
      }),
    );
    expect(fields.map((field) => field.path).sort()).toEqual([
      'draft.variants.0.initialInstanceCount',
      'draft.variants.0.instanceType',
    ]);
  });

  it('names a model or base config that does not exist in the namespace', async () => {
    const variants = [
      { variantName: 'primary', modelName: 'm2', instanceType: 'ml.c5.large', initialInstanceCount: 2 },
      { variantName: 'extra', modelName: 'no-such-model', instanceType: 'ml.c5.large', initialInstanceCount: 1 },
    ];
    const fields = await fieldsOf(
      request(endpoint, 'apply', {
        draft: draft(endpoint.metadata.name, { variants, baseConfigName: 'no-such-config' }),
      }),
    );
    expect(fields).toEqual([
      { path: 'draft.baseConfigName', message: 'There is no EndpointConfig no-such-config in this namespace.' },
      { path: 'draft.variants.1.modelName', message: 'There is no Model no-such-model in this namespace.' },
    ]);
  });
});

describe('who may roll out', () => {
  it('oncall (viewer) gets the API server 403 for a dry run and an apply, and nothing changes', async () => {
    const endpoint = await endpointInService(uniqueName('viewer'));
    const before = await configNames();
    for (const mode of ['dry-run', 'apply'] as const) {
      const response = await post('oncall', endpoint.metadata.name, request(endpoint, mode));
      const body = await response.json();
      expect(response.status, mode).toBe(403);
      expect(body.error.message).toMatch(/cannot create resource "endpointconfigs"/);
    }
    expect(await configNames()).toEqual(before);
    expect((await read(endpoint.metadata.name)).metadata.generation).toBe(endpoint.metadata.generation);
  });

  it('ml-eng gets 403 in team-b, where it is no deployer', async () => {
    const name = uniqueName('team-b');
    await admin.createNamespacedCustomObject({
      ...coordinates('Endpoint', 'team-b'),
      body: {
        ...typeOf('Endpoint'),
        metadata: { name },
        spec: { endpointName: name, endpointConfigName: `${name}-v1` },
      },
    });
    const endpoint = await read(name, 'team-b');
    const response = await post('ml-eng', name, request(endpoint, 'apply'), { ns: 'team-b' });
    expect(response.status).toBe(403);
    expect((await read(name, 'team-b')).metadata.generation).toBe(endpoint.metadata.generation);
  });

  it('refuses a request without the CSRF token or from another origin', async () => {
    const endpoint = await endpointInService(uniqueName('csrf'));
    const { cookie, csrf } = sessions['ml-eng'];
    const attempts: Record<string, string>[] = [
      { cookie, origin: ORIGIN },
      { cookie, origin: ORIGIN, 'x-fleetdeck-csrf': 'forged' },
      { cookie, origin: 'https://evil.example', 'x-fleetdeck-csrf': csrf },
    ];
    for (const headers of attempts) {
      const response = await post('ml-eng', endpoint.metadata.name, request(endpoint, 'apply'), { headers });
      expect(response.status).toBe(403);
    }
    expect((await read(endpoint.metadata.name)).metadata.generation).toBe(endpoint.metadata.generation);
  });

  it('refuses a body over 256 KiB with 413', async () => {
    const endpoint = await endpointInService(uniqueName('big'));
    const response = await post(
      'ml-eng',
      endpoint.metadata.name,
      request(endpoint, 'apply', { draft: draft(endpoint.metadata.name, { reason: 'x'.repeat(300 * 1024) }) }),
    );
    expect(response.status).toBe(413);
  });
});
