// The list of signed-out sessions is watched from the moment a server starts, readiness waits for its first read,
// and its watch logs under its own correlation id, never under the id of the request that happened to start it.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { call, configureServer, ORIGIN, tokenOf } from '../support/api-client';
import { inject } from '../support/control-plane';
import { startRouteServer, type RouteServer } from '../support/route-server-process';
import { sessionsNamespace } from '../support/sessions-namespace';

// In-process handlers get a namespace without the list, so its watch keeps failing and logging.
const lazy = await sessionsNamespace('sessions-lazy');
configureServer({ FLEETDECK_NAMESPACE: lazy.namespace, FLEETDECK_SESSION_SECRET: randomBytes(32).toString('hex') });
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

afterEach(() => vi.restoreAllMocks());

/** Waits until `check` holds, asking every 100 ms for at most `withinMs`; whether it held. */
async function eventually(check: () => boolean | Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a server process', () => {
  let server: RouteServer | undefined;
  afterAll(() => server?.stop());

  it('watches the list from boot and is ready only once it has read it', async () => {
    const { namespace, install } = await sessionsNamespace('sessions-boot');
    server = await startRouteServer({
      KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'fleetdeck-server.kubeconfig'),
      FLEETDECK_NAMESPACE: namespace,
    });
    // No request has been made: the watch of the (not yet installed) list is already trying, under its own id.
    const path = `/api/v1/namespaces/${namespace}/configmaps`;
    const watchLogged = () =>
      server!
        .output()
        .split('\n')
        .some((line) => line.includes(path) && line.includes('revocation-watch'));
    expect(await eventually(watchLogged, 10_000), server.output()).toBe(true);

    const readyz = async () => {
      const response = await fetch(`${server!.baseURL}/api/readyz`);
      return { status: response.status, body: await response.json() };
    };
    // The fleet is listed within moments; readiness still waits for the list of signed-out sessions.
    let last = await readyz();
    await eventually(async () => /signed-out sessions/.test((last = await readyz()).body.error?.message ?? ''), 10_000);
    expect(last.status).toBe(503);
    expect(last.body.error).toMatchObject({
      code: 'cluster_unavailable',
      message: expect.stringMatching(/signed-out/),
    });

    await install();
    expect(await eventually(async () => (last = await readyz()).status === 200, 45_000), JSON.stringify(last)).toBe(
      true,
    );
    expect(last.body).toEqual({ status: 'ready' });
  }, 90_000);
});

describe('a list first needed by a request', () => {
  it("is watched under its own correlation id, not the request's", async () => {
    const warn = vi.spyOn(console, 'warn');
    const signedIn = await call(session.POST, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: ORIGIN },
      body: { token: tokenOf('oncall') },
    });
    expect(signedIn.status).toBe(200);
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
    // The first request with a session starts the watch, and cannot be answered until the list is read.
    const response = await call(me.GET, { path: '/api/me', headers: { cookie } });
    expect(response.status).toBe(503);
    const { correlationId } = (await response.json()).error;

    const path = `/api/v1/namespaces/${lazy.namespace}/configmaps`;
    const watchLines = () => warn.mock.calls.map((args) => String(args[0])).filter((line) => line.includes(path));
    expect(await eventually(() => watchLines().length >= 2, 15_000), watchLines().join('\n')).toBe(true);
    for (const line of watchLines()) {
      expect(line).toContain('revocation-watch');
      expect(line).not.toContain(correlationId);
    }
  }, 30_000);
});
