// The recorded series of an endpoint: what changes add a point, who may read it, and that deletion drops it.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointSeriesSchema, type EndpointSeries } from '@/lib/api/endpoint-series';
import { call, configureServer, signIn } from '../support/api-client';
import { customObjectsAs, freshNamespace, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

configureServer();
const series = await import('@/app/api/endpoints/[namespace]/[name]/series/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const { seriesRecorder } = await import('@/lib/server/series/series-recorder');

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const name = uniqueName('series');
const sessions: Record<string, string> = {};
let namespace = '';

const synced = (status: 'True' | 'False', message: string, lastTransitionTime: string) => [
  { type: 'ACK.ResourceSynced', status, message, lastTransitionTime },
];
const variant = (variantName: string, weight: number, current: number, desired = current) => ({
  variantName,
  currentWeight: weight,
  desiredWeight: weight,
  currentInstanceCount: current,
  desiredInstanceCount: desired,
});
// Status writes as ACK makes them: JSON merge patches on /status (null removes a field, arrays are replaced).
const writes = {
  creating: {
    endpointStatus: 'Creating',
    ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
    conditions: synced('False', 'Endpoint is in Creating status.', '2026-11-25T10:00:00Z'),
    pendingDeploymentSummary: { endpointConfigName: `${name}-config`, productionVariants: [variant('blue', 0, 0, 2)] },
  },
  restamp: { conditions: synced('False', 'Endpoint is in Creating status.', '2026-11-25T10:00:30Z') },
  inService: {
    endpointStatus: 'InService',
    conditions: synced('True', 'Endpoint is in InService status.', '2026-11-25T10:01:00Z'),
    productionVariants: [variant('blue', 1, 2)],
    pendingDeploymentSummary: null,
  },
  canary: {
    endpointStatus: 'Updating',
    conditions: synced('False', 'Endpoint is in Updating status.', '2026-11-25T10:02:00Z'),
    pendingDeploymentSummary: {
      endpointConfigName: `${name}-v2`,
      productionVariants: [variant('blue', 0, 1, 2), variant('green', 1, 1)],
    },
  },
  shifted: {
    productionVariants: [variant('blue', 1, 1, 2)],
    pendingDeploymentSummary: {
      endpointConfigName: `${name}-v2`,
      productionVariants: [variant('blue', 3, 2), variant('green', 1, 1)],
    },
  },
};

const where = () => ({ ...coordinates('Endpoint', namespace), name });
const writeStatus = (status: object) =>
  customObjectsAs('admin').patchNamespacedCustomObjectStatus({ ...where(), body: { status } }, mergePatch);
const get = (user: string, endpoint = name) =>
  call(series.GET, {
    path: `/api/endpoints/${namespace}/${endpoint}/series`,
    params: { namespace, name: endpoint },
    headers: { cookie: sessions[user]! },
  });

async function read(user = 'oncall'): Promise<EndpointSeries> {
  const response = await get(user);
  expect(response.status).toBe(200);
  return endpointSeriesSchema.parse(await response.json());
}

/** The series once `ready` holds for it (the watch delivers a write within a moment), or fails after 5 s. */
async function seriesWhen(ready: (recorded: EndpointSeries['points']) => boolean): Promise<EndpointSeries> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const body = await read();
    // Every answer ends with the state now repeated; the recorded changes are the points before it.
    if (ready(body.points.slice(0, -1)) || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const lastStatus = (status: string) => (recorded: EndpointSeries['points']) => recorded.at(-1)?.status === status;
const shape = (body: EndpointSeries) =>
  body.points.map((point) => ({
    status: point.status,
    variants: point.variants.map((each) => [
      each.fleet,
      each.name,
      each.currentWeight,
      each.trafficShare,
      each.currentInstanceCount,
      each.desiredInstanceCount,
    ]),
  }));

beforeAll(async () => {
  namespace = await freshNamespace('series');
  await customObjectsAs('admin').createNamespacedCustomObject({
    ...coordinates('Endpoint', namespace),
    body: endpointBody(name),
  });
  for (const user of ['oncall', 'outsider', 'ml-eng'] as const)
    sessions[user] = (await signIn({ session: session.POST, me: me.GET }, user)).cookie;
});

describe('the series of an endpoint', () => {
  it('starts from the state at the first list and adds a point per change, in order, none for a restamp', async () => {
    const seeded = await seriesWhen((recorded) => recorded.length > 0);
    // Not reported yet: no status, no variants; and the same state again at `to`.
    expect(shape(seeded)).toEqual([{ variants: [] }, { variants: [] }]);

    await writeStatus(writes.creating);
    await seriesWhen(lastStatus('Creating'));
    await writeStatus(writes.restamp);
    await writeStatus(writes.inService);
    await seriesWhen(lastStatus('InService'));
    await writeStatus(writes.canary);
    await seriesWhen(lastStatus('Updating'));
    await writeStatus(writes.shifted);
    const body = await seriesWhen((recorded) => recorded.at(-1)?.variants[0]?.currentInstanceCount === 1);

    const running = (weight: number, current: number, desired = current) => [
      'current',
      'blue',
      weight,
      1,
      current,
      desired,
    ];
    const canary = [
      ['new', 'blue', 0, 0, 1, 2],
      ['new', 'green', 1, 1, 1, 1],
    ];
    const shifted = [
      ['new', 'blue', 3, 0.75, 2, 2],
      ['new', 'green', 1, 0.25, 1, 1],
    ];
    expect(shape(body)).toEqual([
      { variants: [] },
      // A new fleet taking no traffic yet has no share.
      { status: 'Creating', variants: [['new', 'blue', 0, undefined, 0, 2]] },
      // The restamp between Creating and InService added nothing.
      { status: 'InService', variants: [running(1, 2)] },
      { status: 'Updating', variants: [running(1, 2), ...canary] },
      { status: 'Updating', variants: [running(1, 1, 2), ...shifted] },
      { status: 'Updating', variants: [running(1, 1, 2), ...shifted] },
    ]);
    const times = body.points.map((point) => Date.parse(point.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(body.from).toBe(body.points[0]!.at);
    expect(body.to).toBe(body.points.at(-1)!.at);
    expect(Date.now() - Date.parse(body.to)).toBeLessThan(5000);
  });

  it('adds no point for a lastTransitionTime-only write on its own', async () => {
    const before = await read();
    await writeStatus({ conditions: synced('False', 'Endpoint is in Updating status.', '2026-11-25T10:03:30Z') });
    // A later real change proves the restamp was seen first: the watch delivers writes in order.
    await writeStatus({ endpointStatus: 'InService' });
    const after = await seriesWhen(lastStatus('InService'));
    expect(after.points.length - before.points.length).toBe(1);
    expect(after.points.slice(0, before.points.length - 1)).toEqual(before.points.slice(0, -1));
  });
});

describe('who may read it', () => {
  it('is answered to oncall, refused to others the same whether or not it exists, 404 when it does not', async () => {
    expect((await get('oncall')).status).toBe(200);
    const existing = await get('outsider');
    const missing = await get('outsider', 'no-such-endpoint');
    expect([existing.status, missing.status]).toEqual([403, 403]);
    const body = (response: Response) => response.text().then((text) => text.replace(/"correlationId":"[^"]+"/, ''));
    expect(await body(existing)).toBe(await body(missing));
    expect((await get('ml-eng')).status).toBe(403);
    const absent = await get('oncall', 'no-such-endpoint');
    expect(absent.status).toBe(404);
    expect((await absent.json()).error.code).toBe('not_found');
  });

  it('answers other methods with 405 and the Allow that OPTIONS gives', async () => {
    const response = await call(series.POST, {
      method: 'POST',
      path: `/api/endpoints/${namespace}/${name}/series`,
      params: { namespace, name },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
  });
});

describe('a deleted endpoint', () => {
  it('drops its series; one re-created under the name starts afresh', async () => {
    expect(seriesRecorder().tracks(namespace, name)).toBe(true);
    await customObjectsAs('admin').deleteNamespacedCustomObject(where());
    const deadline = Date.now() + 5000;
    while ((await get('oncall')).status !== 404 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await get('oncall')).status).toBe(404);
    expect(seriesRecorder().tracks(namespace, name)).toBe(false);

    await customObjectsAs('admin').createNamespacedCustomObject({
      ...coordinates('Endpoint', namespace),
      body: endpointBody(name),
    });
    let body: EndpointSeries | undefined;
    while (Date.now() < deadline + 5000) {
      const response = await get('oncall');
      if (response.status === 200) {
        body = endpointSeriesSchema.parse(await response.json());
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(body && shape(body)).toEqual([{ variants: [] }, { variants: [] }]);
  });
});
