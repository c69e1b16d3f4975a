// The API as the only door: who may call it, what each test user sees, and security by default.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, configureServer, ORIGIN, signIn, sseReader } from '../support/api-client';
import { customObjectsAs, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

configureServer();
const fleet = await import('@/app/api/fleet/route');
const detail = await import('@/app/api/endpoints/[namespace]/[name]/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');
const healthz = await import('@/app/api/healthz/route');
const unknownRoute = await import('@/app/api/[...path]/route');
const handlers = { session: session.POST, me: me.GET };

const names = { a: uniqueName('sec-a'), b: uniqueName('sec-b') };
const sessions: Record<string, { cookie: string; csrf: string }> = {};
const status = {
  endpointStatus: 'InService',
  ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
  conditions: [
    {
      type: 'ACK.ResourceSynced',
      status: 'True',
      message: 'Endpoint is in InService status.',
      lastTransitionTime: '2026-11-25T10:00:00Z',
    },
  ],
};
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

beforeAll(async () => {
  const admin = customObjectsAs('admin');
  for (const [namespace, name] of [
    ['team-a', names.a],
    ['team-b', names.b],
  ] as const) {
    await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', namespace), body: endpointBody(name) });
    await admin.patchNamespacedCustomObjectStatus(
      { ...coordinates('Endpoint', namespace), name, body: { status } },
      mergePatch,
    );
  }
  for (const user of ['ml-eng', 'oncall', 'outsider'] as const) sessions[user] = await signIn(handlers, user);
});

const as = (user: string) => ({ cookie: sessions[user]!.cookie });
const withoutCorrelation = (text: string) => text.replace(/"correlationId":"[^"]+"/, '"correlationId":"-"');

async function fleetNames(user: string) {
  const response = await call(fleet.GET, { path: '/api/fleet', headers: as(user) });
  expect(response.status).toBe(200);
  const page = (await response.json()) as { items: { namespace: string; name: string }[]; namespaces: string[] | null };
  return { page, keys: page.items.map((item) => `${item.namespace}/${item.name}`) };
}

describe('who is calling', () => {
  it('answers 401 to a request with no credentials, everywhere', async () => {
    for (const [handler, path, params] of [
      [fleet.GET, '/api/fleet', {}],
      [detail.GET, `/api/endpoints/team-a/${names.a}`, { namespace: 'team-a', name: names.a }],
      [me.GET, '/api/me', {}],
      [stream.GET, '/api/stream', {}],
    ] as const) {
      const response = await call(handler, { path, params });
      expect(response.status, path).toBe(401);
      expect((await response.json()).error.code).toBe('unauthenticated');
    }
  });

  it('ignores identity headers from anyone but the configured proxy', async () => {
    const response = await call(fleet.GET, {
      path: '/api/fleet',
      headers: { 'x-forwarded-user': 'admin', 'x-forwarded-groups': 'system:masters' },
    });
    expect(response.status).toBe(401);
  });

  it('refuses a token the cluster does not accept', async () => {
    const response = await call(session.POST, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: ORIGIN },
      body: { token: 'not-a-real-token' },
    });
    expect(response.status).toBe(401);
  });

  it('keeps the session in an encrypted HttpOnly SameSite=Strict cookie', async () => {
    const response = await call(session.POST, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: ORIGIN },
      body: { demoUser: 'oncall' },
    });
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^fleetdeck_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    expect(cookie).not.toContain(await import('../support/api-client').then((m) => m.tokenOf('oncall')));
  });
});

// Other files run beside this one on the same control plane and may grant the shared test users rights in
// namespaces of their own; what these tests assert is about the harness's fixed namespaces.
const harnessNamespaces = (namespaces: string[] | null) =>
  namespaces?.filter((namespace) => namespace === 'team-a' || namespace === 'team-b') ?? null;

describe('what each user sees', () => {
  it('ml-eng sees team-a only', async () => {
    const { page, keys } = await fleetNames('ml-eng');
    expect(harnessNamespaces(page.namespaces)).toEqual(['team-a']);
    expect(keys).toContain(`team-a/${names.a}`);
    expect(keys.some((key) => key.startsWith('team-b/'))).toBe(false);
    const other = await call(detail.GET, {
      path: '/x',
      params: { namespace: 'team-b', name: names.b },
      headers: as('ml-eng'),
    });
    expect(other.status).toBe(403);
  });

  it('oncall sees every namespace', async () => {
    const { page, keys } = await fleetNames('oncall');
    expect(page.namespaces).toBeNull();
    expect(keys).toEqual(expect.arrayContaining([`team-a/${names.a}`, `team-b/${names.b}`]));
  });

  it('outsider gets the same 403 for an existing and a missing endpoint', async () => {
    const existing = await call(detail.GET, {
      path: '/x',
      params: { namespace: 'team-a', name: names.a },
      headers: as('outsider'),
    });
    const missing = await call(detail.GET, {
      path: '/x',
      params: { namespace: 'team-a', name: 'no-such-endpoint' },
      headers: as('outsider'),
    });
    expect([existing.status, missing.status]).toEqual([403, 403]);
    expect(withoutCorrelation(await existing.text())).toBe(withoutCorrelation(await missing.text()));
  });

  it('a caller whose namespaces hold no endpoint gets an empty fleet and a live stream, not a 403', async () => {
    const response = await call(fleet.GET, { path: '/api/fleet', headers: as('outsider') });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { namespace: string }[]; namespaces: string[] | null };
    expect(harnessNamespaces(page.namespaces)).toEqual([]);
    expect(page.items.filter((item) => item.namespace.startsWith('team-'))).toEqual([]);
    const events = sseReader(await call(stream.GET, { path: '/api/stream', headers: as('outsider') }));
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 5000);
    expect(events.events[0]?.event).toBe('hello');
    expect(harnessNamespaces(events.events[0]?.data.namespaces)).toEqual([]);
    await events.cancel();
  });

  it('injected Impersonate headers change nothing', async () => {
    const response = await call(fleet.GET, {
      path: '/api/fleet',
      headers: {
        ...as('ml-eng'),
        'Impersonate-User': 'admin',
        'Impersonate-Group': 'system:masters',
        Connection: 'Impersonate-User',
      },
    });
    const page = (await response.json()) as { namespaces: string[] | null };
    expect(harnessNamespaces(page.namespaces)).toEqual(['team-a']);
  });

  it('detail carries the endpoint without managedFields or the last-applied annotation', async () => {
    const response = await call(detail.GET, {
      path: '/x',
      params: { namespace: 'team-a', name: names.a },
      headers: as('oncall'),
    });
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(body.summary).toMatchObject({ name: names.a, status: 'InService', health: { level: 'healthy' } });
    expect(JSON.stringify(body)).not.toContain('managedFields');
  });
});

describe('security by default', () => {
  it('sends no-store JSON with no CORS headers', async () => {
    const response = await call(fleet.GET, {
      path: '/api/fleet',
      headers: { ...as('oncall'), origin: 'https://evil.example' },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('validates path parameters as DNS-1123 names (400) and unknown query fields', async () => {
    const response = await call(detail.GET, {
      path: '/x',
      params: { namespace: 'Team_A', name: 'x' },
      headers: as('oncall'),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[0].path).toBe('namespace');
    const query = await call(fleet.GET, { path: '/api/fleet?everything=yes', headers: as('oncall') });
    expect(query.status).toBe(400);
  });

  it('wants JSON bodies (415), at most 256 KiB (413), with known fields only (422)', async () => {
    const post = (options: object) =>
      call(session.POST, { method: 'POST', path: '/api/session', headers: { origin: ORIGIN }, ...options });
    expect(
      (
        await post({
          rawBody: 'token=x',
          headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(415);
    expect((await post({ body: { token: 'x'.repeat(300 * 1024) } })).status).toBe(413);
    const unknown = await post({ body: { token: 'x', admin: true } });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toContainEqual({ path: 'admin', message: 'unknown field' });
  });

  it('checks CSRF on every mutating route: exact origin and the session token', async () => {
    // A session of its own: the sign-out that gets through ends it on every replica.
    const own = await signIn(handlers, 'oncall');
    const signOut = (headers: Record<string, string>) =>
      call(session.DELETE, { method: 'DELETE', path: '/api/session', headers: { cookie: own.cookie, ...headers } });
    expect((await signOut({})).status).toBe(403);
    expect((await signOut({ origin: 'https://evil.example', 'x-fleetdeck-csrf': own.csrf })).status).toBe(403);
    expect((await signOut({ origin: ORIGIN })).status).toBe(403);
    expect((await signOut({ origin: ORIGIN, 'x-fleetdeck-csrf': 'forged' })).status).toBe(403);
    expect((await signOut({ 'sec-fetch-site': 'same-origin', 'x-fleetdeck-csrf': own.csrf })).status).toBe(200);
  });

  it('answers unknown API paths with the JSON envelope', async () => {
    const response = await call(unknownRoute.GET, { path: '/api/nothing-here' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await response.json()).error.code).toBe('not_found');
  });

  it('healthz answers anyone, and says the cluster is reachable', async () => {
    const response = await call(healthz.GET, { path: '/api/healthz' });
    expect(response.status).toBe(200);
    expect((await response.json()).cluster.reachable).toBe(true);
  });
});

describe('the live stream', () => {
  it('refuses a namespace the caller may not watch before any byte', async () => {
    const response = await call(stream.GET, { path: '/api/stream?namespace=team-b', headers: as('ml-eng') });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('delivers a status change within a second, and not a lastTransitionTime-only write', async () => {
    const response = await call(stream.GET, { path: '/api/stream?namespace=team-a', headers: as('oncall') });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = sseReader(response);
    const admin = customObjectsAs('admin');
    const where = { ...coordinates('Endpoint', 'team-a'), name: names.a };
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 2000);
    expect(events.events[0]?.event).toBe('hello');

    // First, a write that only restamps lastTransitionTime, as ACK does every 30 s.
    const restamp = {
      ...status,
      conditions: [{ ...status.conditions[0], lastTransitionTime: '2026-11-25T10:00:30Z' }],
    };
    await admin.patchNamespacedCustomObjectStatus({ ...where, body: { status: restamp } }, mergePatch);
    await events.until(() => false, 500);
    expect(events.events.filter((e) => e.event === 'upsert')).toEqual([]);

    // Then a real change.
    const started = Date.now();
    await admin.patchNamespacedCustomObjectStatus(
      { ...where, body: { status: { endpointStatus: 'Updating' } } },
      mergePatch,
    );
    await events.until((seen) => seen.some((e) => e.event === 'upsert'), 1000);
    const upserts = events.events.filter((e) => e.event === 'upsert' && e.data.name === names.a);
    expect(upserts).toHaveLength(1);
    expect(upserts[0]!.data.status).toBe('Updating');
    expect(Date.now() - started).toBeLessThan(1000);
    await events.cancel();
  });

  it('caps open streams per identity with 429 and Retry-After, and frees them on close', async () => {
    const open = [];
    const openOne = () => call(stream.GET, { path: '/api/stream?namespace=team-a', headers: as('ml-eng') });
    for (let i = 0; i < 8; i++) open.push(await openOne());
    expect(open.every((response) => response.status === 200)).toBe(true);
    const refused = await openOne();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    await open[0]!.body!.cancel();
    const again = await openOne();
    expect(again.status).toBe(200);
    for (const response of [...open.slice(1), again]) await response.body!.cancel();
  });
});
