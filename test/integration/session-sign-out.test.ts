// Signing out ends the session everywhere: the same cookie replayed afterwards is refused on every route and
// stream, by this server and by another process sharing only the cluster and the session secret.
import { randomBytes } from 'node:crypto';
import { AuthorizationV1Api } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { call, configureServer, ORIGIN, signIn, sseReader } from '../support/api-client';
import { kubeConfigAs } from '../support/control-plane';
import { otherReplica } from '../support/route-server-process';

const sessionSecret = randomBytes(32).toString('hex');
configureServer({ FLEETDECK_SESSION_SECRET: sessionSecret });
const fleet = await import('@/app/api/fleet/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');
const handlers = { session: session.POST, me: me.GET };

// GET /api/stream is for Fleetdeck's own pages only; these headers say the request comes from one.
const sameOrigin = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };

const signOut = (signedIn: { cookie: string; csrf: string }) =>
  call(session.DELETE, {
    method: 'DELETE',
    path: '/api/session',
    headers: { cookie: signedIn.cookie, 'x-fleetdeck-csrf': signedIn.csrf, ...sameOrigin },
  });

async function statusOf(handler: typeof me.GET, path: string, cookie: string): Promise<number> {
  const response = await call(handler, { path, headers: { cookie, ...sameOrigin } });
  await response.body?.cancel();
  return response.status;
}

/** Asks `probe` every 100 ms until it answers `expected` or `withinMs` passes; the last answer. */
async function eventually(probe: () => Promise<number>, expected: number, withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const answer = await probe();
    if (answer === expected || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('signing out', () => {
  it('refuses the same cookie replayed afterwards on /api/fleet, /api/me and /api/stream', async () => {
    const signedIn = await signIn(handlers, 'oncall');
    expect(await statusOf(fleet.GET, '/api/fleet', signedIn.cookie)).toBe(200);
    const response = await signOut(signedIn);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^fleetdeck_session=; .*Max-Age=0/);

    for (const [handler, path] of [
      [fleet.GET, '/api/fleet'],
      [me.GET, '/api/me'],
      [stream.GET, '/api/stream'],
    ] as const) {
      const replay = await call(handler, { path, headers: { cookie: signedIn.cookie, ...sameOrigin } });
      expect(replay.status, path).toBe(401);
      expect((await replay.json()).error.code, path).toBe('unauthenticated');
    }
  });

  it('ends an open stream of the session with an error event, then closes it', async () => {
    const signedIn = await signIn(handlers, 'oncall');
    const response = await call(stream.GET, {
      path: '/api/stream',
      headers: { cookie: signedIn.cookie, ...sameOrigin },
    });
    expect(response.status).toBe(200);
    const events = sseReader(response);
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 5000);

    expect((await signOut(signedIn)).status).toBe(200);
    const seen = await events.until((all) => all.some((e) => e.event === 'error'), 5000);
    expect(seen.find((e) => e.event === 'error')?.data).toMatchObject({ code: 'unauthenticated' });
    const after = await events.until(() => false, 1000);
    expect(after[after.length - 1]?.event).toBe('error');
  });

  it('gives every sign-in a new session: signing one out leaves the other working', async () => {
    const first = await signIn(handlers, 'oncall');
    const second = await signIn(handlers, 'oncall');
    // The CSRF token is bound to the session id, so two sessions never share one.
    expect(second.csrf).not.toBe(first.csrf);
    expect(second.cookie).not.toBe(first.cookie);
    expect((await signOut(first)).status).toBe(200);
    expect(await statusOf(me.GET, '/api/me', first.cookie)).toBe(401);
    expect(await statusOf(me.GET, '/api/me', second.cookie)).toBe(200);
  });
});

describe('a second server process sharing the revocation list', () => {
  const other = otherReplica({ FLEETDECK_SESSION_SECRET: sessionSecret });

  const otherStatus = async (path: string, cookie: string) => {
    const response = await fetch(`${other().baseURL}${path}`, {
      headers: { cookie, ...sameOrigin, origin: other().baseURL },
    });
    await response.body?.cancel();
    return response.status;
  };

  it('refuses the cookie within a few seconds of a sign-out on this one', async () => {
    const signedIn = await signIn(handlers, 'oncall');
    expect(await otherStatus('/api/me', signedIn.cookie)).toBe(200);
    expect((await signOut(signedIn)).status).toBe(200);
    expect(await eventually(() => otherStatus('/api/me', signedIn.cookie), 401, 5000)).toBe(401);
    expect(await otherStatus('/api/fleet', signedIn.cookie)).toBe(401);
    expect(await otherStatus('/api/stream', signedIn.cookie)).toBe(401);
  });
});

describe('a token too large for a cookie', () => {
  it('is refused at sign-in with 422 at the token field', async () => {
    const token = `x${'a'.repeat(3600)}`;
    const response = await call(session.POST, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: ORIGIN },
      body: { token },
    });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual([
      { path: 'token', message: expect.stringMatching(/too large to keep in a browser cookie/) },
    ]);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe("Fleetdeck's own identity and the revocation list", () => {
  const may = async (verb: string, name?: string, namespace = 'fleetdeck') => {
    const review = await kubeConfigAs('fleetdeck-server')
      .makeApiClient(AuthorizationV1Api)
      .createSelfSubjectAccessReview({
        body: { spec: { resourceAttributes: { verb, resource: 'configmaps', namespace, ...(name ? { name } : {}) } } },
      });
    return review.status?.allowed ?? false;
  };

  it('may read, watch and update that one ConfigMap and nothing beside it', async () => {
    for (const verb of ['get', 'list', 'watch', 'update'])
      expect(await may(verb, 'fleetdeck-revoked-sessions'), verb).toBe(true);
    for (const verb of ['create', 'delete', 'patch'])
      expect(await may(verb, 'fleetdeck-revoked-sessions'), verb).toBe(false);
    expect(await may('get', 'another-configmap')).toBe(false);
    expect(await may('list')).toBe(false);
    expect(await may('get', 'fleetdeck-revoked-sessions', 'default')).toBe(false);
  });
});
