// The list of signed-out sessions stays bounded: past FLEETDECK_REVOKED_SESSIONS_MAX entries the oldest half
// gives way to an epoch that ends every session ending by then, on every replica, and no sign-out is forgotten.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, configureServer, ORIGIN, signIn } from '../support/api-client';
import { inject } from '../support/control-plane';
import { startRouteServer, type RouteServer } from '../support/route-server-process';
import { revokedSessionsData, sessionsNamespace } from '../support/sessions-namespace';

const MAX = 4;
const { namespace, install } = await sessionsNamespace('sessions-full');
await install();
const settings = {
  FLEETDECK_NAMESPACE: namespace,
  FLEETDECK_REVOKED_SESSIONS_MAX: String(MAX),
  FLEETDECK_SESSION_SECRET: randomBytes(32).toString('hex'),
};
configureServer(settings);
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const handlers = { session: session.POST, me: me.GET };

type SignedIn = { cookie: string; csrf: string };
const signOut = async (signedIn: SignedIn) => {
  const response = await call(session.DELETE, {
    method: 'DELETE',
    path: '/api/session',
    headers: { cookie: signedIn.cookie, 'x-fleetdeck-csrf': signedIn.csrf, origin: ORIGIN },
  });
  await response.body?.cancel();
  return response.status;
};
const here = async (signedIn: SignedIn) => {
  const response = await call(me.GET, { path: '/api/me', headers: { cookie: signedIn.cookie } });
  await response.body?.cancel();
  return response.status;
};
const sessionIds = (data: Record<string, string>) => Object.keys(data).filter((key) => /^[0-9a-f]{32}$/.test(key));

let other: RouteServer;
beforeAll(async () => {
  other = await startRouteServer({
    ...settings,
    KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'fleetdeck-server.kubeconfig'),
  });
}, 90_000);
afterAll(() => other?.stop());

/** The other replica's answer to the cookie, once it agrees with `expected` or after 5 s. */
async function there(signedIn: SignedIn, expected: number): Promise<number> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const response = await fetch(`${other.baseURL}/api/me`, { headers: { cookie: signedIn.cookie } });
    await response.body?.cancel();
    if (response.status === expected || Date.now() > deadline) return response.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a full list of signed-out sessions', () => {
  it('moves to an epoch that still refuses every signed-out session, and stays bounded', async () => {
    const warn = vi.spyOn(console, 'warn');
    // Signed in first and never signed out: its session ends before any of the others'.
    const earliest = await signIn(handlers, 'oncall');
    const signedOut: SignedIn[] = [];
    for (let n = 0; n <= MAX; n++) signedOut.push(await signIn(handlers, 'oncall'));
    // Epochs are whole seconds: a session signed in over a second later ends after any epoch so far.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = await signIn(handlers, 'oncall');
    expect(await there(earliest, 200)).toBe(200);

    for (const each of signedOut) expect(await signOut(each)).toBe(200);
    const data = await revokedSessionsData(namespace);
    expect(data['all-ending-by'], JSON.stringify(data)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(sessionIds(data).length).toBeLessThanOrEqual(MAX);
    expect(warn.mock.calls.some(([line]) => /reached 4 entries: every session ending by/.test(String(line)))).toBe(
      true,
    );

    // Every signed-out session is refused on both replicas, listed or not; so is the older one never signed out.
    for (const each of [...signedOut, earliest]) {
      expect(await here(each)).toBe(401);
      expect(await there(each, 401)).toBe(401);
    }
    // A session from after the epoch goes on working.
    expect(await here(later)).toBe(200);
    expect(await there(later, 200)).toBe(200);

    // However many more sign out, the object keeps at most MAX sessions besides its epoch. (An epoch ends
    // sessions to the second, so one signed in within the same second as a dropped one may be gone already.)
    const more: SignedIn[] = [];
    for (let n = 0; n < 6; n++) more.push(await signIn(handlers, 'oncall'));
    for (const each of more) {
      expect([200, 401]).toContain(await signOut(each));
      expect(await here(each)).toBe(401);
      expect(sessionIds(await revokedSessionsData(namespace)).length).toBeLessThanOrEqual(MAX);
    }
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await signIn(handlers, 'oncall');
    expect(await here(fresh)).toBe(200);
    expect(await there(fresh, 200)).toBe(200);
  }, 60_000);
});
