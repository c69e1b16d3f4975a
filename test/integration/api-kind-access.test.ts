// Each kind a read returns is authorized on its own, as the caller: a right to read Endpoints unlocks no
// EndpointConfig, Model or Event from the shared cache. And a Model's environment values never leave the server.
import { CoreV1Api, PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointDetailSchema, type EndpointDetail } from '@/lib/api/endpoint-detail';
import { fleetPageSchema, type EndpointSummary } from '@/lib/api/endpoint-summary';
import { notVisibleToYou } from '@/lib/api/omitted-kinds';
import { rolloutFormContextSchema } from '@/lib/api/rollout-views';
import { fleetRow } from '@/lib/endpoints/fleet-row';
import { redactedValue } from '@/lib/endpoints/sanitize-object';
import { sagemakerApiVersion, sagemakerGroup } from '@/lib/schemas/resource-kinds';
import { call, configureServer, signIn, sseReader } from '../support/api-client';
import { customObjectsAs, freshNamespace, kubeConfigAs } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

configureServer();
const fleet = await import('@/app/api/fleet/route');
const detail = await import('@/app/api/endpoints/[namespace]/[name]/route');
const rollout = await import('@/app/api/endpoints/[namespace]/[name]/rollout/route');
const stream = await import('@/app/api/stream/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

const CANARY = 'canary-value';
const NAME = 'canary';
const IMAGE = '123456789012.dkr.ecr.us-west-2.amazonaws.com/canary:1';
// Values that only the EndpointConfig or the Model hold: none may reach a caller who may read Endpoints only.
const CONFIG_ONLY = 'ml.g5.xlarge';
const MODEL_NAME = 'canary-model';
const EVENT_MESSAGE = 'canary event about the endpoint';
const admin = customObjectsAs('admin');
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const sessions = {} as Record<'oncall' | 'outsider', string>;
let namespace: string;

const runningStatus = (instances: number) => ({
  endpointStatus: 'InService',
  ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
  productionVariants: [
    {
      variantName: 'primary',
      currentInstanceCount: instances,
      desiredInstanceCount: instances,
      currentWeight: 1,
      desiredWeight: 1,
      deployedImages: [{ specifiedImage: IMAGE, resolvedImage: `${IMAGE}@sha256:${'a'.repeat(64)}` }],
    },
  ],
});

beforeAll(async () => {
  namespace = await freshNamespace('kinds');
  await admin.createNamespacedCustomObject({
    ...coordinates('Model', namespace),
    body: {
      apiVersion: sagemakerApiVersion,
      kind: 'Model',
      metadata: { name: MODEL_NAME },
      spec: {
        modelName: MODEL_NAME,
        primaryContainer: { image: IMAGE, environment: { HF_TOKEN: CANARY, MODEL_ID: 'canary' } },
      },
    },
  });
  await admin.createNamespacedCustomObject({
    ...coordinates('EndpointConfig', namespace),
    body: {
      apiVersion: sagemakerApiVersion,
      kind: 'EndpointConfig',
      metadata: { name: `${NAME}-config`, labels: { 'fleetdeck.io/endpoint': NAME } },
      spec: {
        endpointConfigName: `${NAME}-config`,
        productionVariants: [
          {
            variantName: 'primary',
            modelName: MODEL_NAME,
            instanceType: CONFIG_ONLY,
            initialInstanceCount: 1,
            initialVariantWeight: 1,
          },
        ],
      },
    },
  });
  await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', namespace), body: endpointBody(NAME) });
  await admin.patchNamespacedCustomObjectStatus(
    { ...coordinates('Endpoint', namespace), name: NAME, body: { status: runningStatus(1) } },
    mergePatch,
  );
  const now = new Date();
  await kubeConfigAs('admin')
    .makeApiClient(CoreV1Api)
    .createNamespacedEvent({
      namespace,
      body: {
        metadata: { name: `${NAME}.canary` },
        involvedObject: { apiVersion: sagemakerApiVersion, kind: 'Endpoint', name: NAME, namespace },
        reason: 'Synced',
        message: EVENT_MESSAGE,
        type: 'Normal',
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        source: { component: 'test' },
      },
    });
  // outsider may read Endpoints here and nothing else.
  const rbac = kubeConfigAs('admin').makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({
    namespace,
    body: {
      metadata: { name: 'endpoints-only' },
      rules: [{ apiGroups: [sagemakerGroup], resources: ['endpoints'], verbs: ['get', 'list', 'watch'] }],
    },
  });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name: 'outsider-endpoints-only' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'endpoints-only' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'outsider' }],
    },
  });
  for (const user of ['oncall', 'outsider'] as const)
    sessions[user] = (await signIn({ session: session.POST, me: me.GET }, user)).cookie;
  // The first read starts the shared cache (503 while it fills); wait until it holds every object made above.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await getDetail('oncall');
    if (response.status === 200) {
      const body = endpointDetailSchema.parse(await response.json());
      if (body.config && body.models.length === 1 && body.events.length === 1) break;
    } else expect(response.status).toBe(503);
    if (Date.now() > deadline) throw new Error('the shared cache never showed the objects');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 60_000);

type User = keyof typeof sessions;
const params = () => ({ namespace, name: NAME });
const getDetail = (user: User) =>
  call(detail.GET, {
    path: `/api/endpoints/${namespace}/${NAME}`,
    params: params(),
    headers: { cookie: sessions[user] },
  });
const getRollout = (user: User) =>
  call(rollout.GET, {
    path: `/api/endpoints/${namespace}/${NAME}/rollout`,
    params: params(),
    headers: { cookie: sessions[user] },
  });
const getFleet = (user: User, query = '') =>
  call(fleet.GET, { path: `/api/fleet${query}`, headers: { cookie: sessions[user] } });

/** The body as text (to search for what must not be there) and as JSON. */
async function read(response: Response) {
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { text, body: JSON.parse(text) as unknown };
}

const kinds = (omitted: { kind: string }[] | undefined) => (omitted ?? []).map((entry) => entry.kind).sort();
const ours = (summaries: EndpointSummary[]) =>
  summaries.find((summary) => summary.namespace === namespace && summary.name === NAME);

describe('a caller who may read Endpoints and nothing else', () => {
  it('gets the endpoint detail without its config, models or events, and a note naming each', async () => {
    const { text, body } = await read(await getDetail('outsider'));
    const view: EndpointDetail = endpointDetailSchema.parse(body);
    expect(view.endpoint.metadata.name).toBe(NAME);
    expect(view.summary).toMatchObject({ name: NAME, status: 'InService' });
    expect({
      config: view.config,
      pendingConfig: view.pendingConfig,
      models: view.models,
      configsUsed: view.configsUsed,
      events: view.events,
    }).toEqual({
      config: null,
      pendingConfig: null,
      models: [],
      configsUsed: [],
      events: [],
    });
    expect(kinds(view.omitted)).toEqual(['EndpointConfig', 'Event', 'Model']);
    expect(view.omitted!.find((entry) => entry.kind === 'Model')?.reason).toBe(
      `You may not list Models in namespace ${namespace}.`,
    );
    expect(kinds(view.summary.omitted)).toEqual(['EndpointConfig', 'Model']);
    expect(view.summary.specVariants).toBeUndefined();
    for (const secret of [CONFIG_ONLY, MODEL_NAME, EVENT_MESSAGE]) expect(text).not.toContain(secret);
  });

  it('gets the rollout form without configs, history or models, and a note naming each', async () => {
    const { text, body } = await read(await getRollout('outsider'));
    const context = rolloutFormContextSchema.parse(body);
    expect(context.endpoint.metadata.name).toBe(NAME);
    expect({
      liveConfig: context.liveConfig,
      failedConfig: context.failedConfig,
      models: context.models,
      history: context.history,
    }).toEqual({ liveConfig: null, failedConfig: null, models: [], history: [] });
    expect(kinds(context.omitted)).toEqual(['EndpointConfig', 'Model']);
    for (const secret of [CONFIG_ONLY, MODEL_NAME]) expect(text).not.toContain(secret);
  });

  it('gets fleet rows whose config-derived columns read "not visible to you"', async () => {
    for (const query of [`?namespace=${namespace}`, '']) {
      const { text, body } = await read(await getFleet('outsider', query));
      const summary = ours(fleetPageSchema.parse(body).items);
      expect(summary, query).toBeDefined();
      expect(kinds(summary!.omitted)).toEqual(['EndpointConfig', 'Model']);
      expect(summary!.variants.map((variant) => [variant.name, variant.instanceType, variant.modelName])).toEqual([
        ['primary', undefined, undefined],
      ]);
      expect(fleetRow(summary!).instanceTypes).toEqual([notVisibleToYou]);
      for (const secret of [CONFIG_ONLY, MODEL_NAME]) expect(text).not.toContain(secret);
    }
  });

  it('gets stream updates without what configs and models would add', async () => {
    const events = sseReader(
      await call(stream.GET, { path: `/api/stream?namespace=${namespace}`, headers: { cookie: sessions.outsider } }),
    );
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 5000);
    await admin.patchNamespacedCustomObjectStatus(
      { ...coordinates('Endpoint', namespace), name: NAME, body: { status: runningStatus(3) } },
      mergePatch,
    );
    const isUpdate = (e: { event: string; data: any }) =>
      e.event === 'upsert' && e.data.name === NAME && e.data.variants[0]?.currentInstanceCount === 3;
    await events.until((seen) => seen.some(isUpdate), 10_000);
    await events.cancel();
    const upsert = events.events.find(isUpdate);
    expect(upsert, JSON.stringify(events.events)).toBeDefined();
    expect(kinds(upsert!.data.omitted)).toEqual(['EndpointConfig', 'Model']);
    for (const secret of [CONFIG_ONLY, MODEL_NAME]) expect(JSON.stringify(events.events)).not.toContain(secret);
  });
});

describe('a caller who may read every kind', () => {
  it('gets config, models and events with nothing omitted', async () => {
    const view = endpointDetailSchema.parse((await read(await getDetail('oncall'))).body);
    expect(view.omitted).toBeUndefined();
    expect(view.summary.omitted).toBeUndefined();
    expect(view.config?.metadata.name).toBe(`${NAME}-config`);
    expect(view.models.map((model) => model.spec.modelName)).toEqual([MODEL_NAME]);
    expect(view.events.map((event) => event.message)).toEqual([EVENT_MESSAGE]);
    const summary = ours(
      fleetPageSchema.parse((await read(await getFleet('oncall', `?namespace=${namespace}`))).body).items,
    );
    expect(summary?.omitted).toBeUndefined();
    expect(fleetRow(summary!).instanceTypes).toEqual([CONFIG_ONLY]);
  });

  it(`never gets a Model's environment values: names with "${redactedValue}" in detail, and nowhere else either`, async () => {
    const events = sseReader(
      await call(stream.GET, { path: `/api/stream?namespace=${namespace}`, headers: { cookie: sessions.oncall } }),
    );
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 5000);
    await admin.patchNamespacedCustomObjectStatus(
      { ...coordinates('Endpoint', namespace), name: NAME, body: { status: runningStatus(2) } },
      mergePatch,
    );
    await events.until(
      (seen) =>
        seen.some(
          (e) => e.event === 'upsert' && e.data.name === NAME && e.data.variants[0]?.currentInstanceCount === 2,
        ),
      10_000,
    );
    await events.cancel();
    expect(
      events.events.some((e) => e.event === 'upsert' && e.data.specVariants?.[0]?.images?.[0] === IMAGE),
      'the stream joined the model',
    ).toBe(true);
    expect(JSON.stringify(events.events)).not.toContain(CANARY);

    const shown = await read(await getDetail('oncall'));
    const view = endpointDetailSchema.parse(shown.body);
    expect(view.models[0]?.spec.primaryContainer?.environment).toEqual({
      HF_TOKEN: redactedValue,
      MODEL_ID: redactedValue,
    });
    expect(shown.text).not.toContain(CANARY);
    const form = await read(await getRollout('oncall'));
    expect(rolloutFormContextSchema.parse(form.body).models.map((model) => model.modelName)).toEqual([MODEL_NAME]);
    expect(form.text).not.toContain(CANARY);
    for (const query of [`?namespace=${namespace}`, ''])
      expect((await read(await getFleet('oncall', query))).text).not.toContain(CANARY);
  });
});
