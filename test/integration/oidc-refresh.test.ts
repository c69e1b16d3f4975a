// An oidc session's ID token lives 15 s here (the harness's fleetdeck-short client). Fleetdeck refreshes it on
// the server shortly before it expires, once however many requests and replicas need it at that moment, and
// ends the session, streams included, when the provider refuses the refresh token.
import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { describe, expect, it, vi } from 'vitest';
import { call, ORIGIN, sseReader } from '../support/api-client';
import { kubeConfigAs } from '../support/control-plane';
import { configureOidcServer, signInWithOidc } from '../support/oidc-fleetdeck';
import { revokeAtProvider } from '../support/oidc-provider';
import { otherReplica } from '../support/route-server-process';

const { namespace, env } = await configureOidcServer('fleetdeck-short', { FLEETDECK_STREAM_RENEW_SECONDS: '2' });
const login = await import('@/app/api/auth/oidc/login/route');
const callback = await import('@/app/api/auth/oidc/callback/route');
const me = await import('@/app/api/me/route');
const stream = await import('@/app/api/stream/route');
const { unseal } = await import('@/lib/server/auth/secret-box');
const { fleetdeckMetrics } = await import('@/lib/server/metrics/registry');
const routes = { login: login.GET, callback: callback.GET };
const sameOrigin = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' };

const core = () => kubeConfigAs('admin').makeApiClient(CoreV1Api);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tokens {
  idToken: string;
  issuedAt: number;
  expiresAt: number;
  refreshToken?: string;
}

/** The only session Secret of the namespace: its name and its tokens, unsealed with the shared secret. */
async function storedSession(): Promise<{ name: string; tokens: Tokens }> {
  const [secret, ...others] = (
    await core().listNamespacedSecret({ namespace, labelSelector: 'fleetdeck.io/oidc-session' })
  ).items;
  expect(others).toHaveLength(0);
  const sealed = Buffer.from(secret!.data!.tokens!, 'base64').toString();
  return { name: secret!.metadata!.name!, tokens: unseal(sealed) as Tokens };
}

/** Counts the updates of one Secret until stopped. */
async function countUpdates(name: string) {
  let updates = 0;
  const request = await new Watch(kubeConfigAs('admin')).watch(
    `/api/v1/namespaces/${namespace}/secrets`,
    { fieldSelector: `metadata.name=${name}` },
    (type) => {
      if (type === 'MODIFIED') updates++;
    },
    () => {},
  );
  return { stop: () => request.abort(), count: () => updates };
}

async function deleteSessions() {
  await core().deleteCollectionNamespacedSecret({ namespace, labelSelector: 'fleetdeck.io/oidc-session' });
}

describe('refreshing an oidc session', () => {
  const replica = otherReplica(env);

  it('refreshes once when many requests on two replicas need the token at the same moment, then keeps a stream live', async () => {
    const { session: cookie } = await signInWithOidc(routes, 'alice');
    const first = await storedSession();
    const updates = await countUpdates(first.name);
    try {
      const before = first.tokens;
      // Past the refresh point (a quarter of 15 s, at least 5 s, before expiry), still before expiry.
      await sleep(Math.max(0, before.expiresAt - 4_000 - Date.now()));
      const here = Array.from({ length: 8 }, () => call(me.GET, { path: '/api/me', headers: { cookie: cookie! } }));
      const there = Array.from({ length: 8 }, () =>
        fetch(`${replica().baseURL}/api/me`, { headers: { cookie: cookie! } }),
      );
      const statuses = (await Promise.all([...here, ...there])).map((response) => response.status);
      expect(statuses).toEqual(Array(16).fill(200));
      const after = (await storedSession()).tokens;
      expect(after.idToken).not.toBe(before.idToken);
      expect(after.issuedAt).toBeGreaterThan(before.issuedAt);
      // One lease, then the new tokens: no second refresh anywhere.
      await vi.waitFor(() => expect(updates.count()).toBe(2), { timeout: 3000 });

      // A stream re-checks its rights as the user every 2 s, so it needs each new token in turn: two more
      // refreshes, each with the refresh token the one before rotated (a reused one would end the grant).
      const open = await call(stream.GET, { path: '/api/stream', headers: { cookie: cookie!, ...sameOrigin } });
      expect(open.status).toBe(200);
      const events = sseReader(open);
      await vi.waitFor(() => expect(updates.count()).toBeGreaterThanOrEqual(6), { timeout: 35_000, interval: 200 });
      const seen = await events.until(() => false, 500);
      expect(updates.count()).toBe(6);
      expect(seen.filter((event) => event.event === 'error')).toEqual([]);
      await events.cancel();
    } finally {
      updates.stop();
      await deleteSessions();
    }
  }, 60_000);

  it('ends the session, and its open stream, when the provider refuses the refresh token', async () => {
    const { session: cookie } = await signInWithOidc(routes, 'bob');
    const { tokens } = await storedSession();
    const open = await call(stream.GET, { path: '/api/stream', headers: { cookie: cookie!, ...sameOrigin } });
    expect(open.status).toBe(200);
    const events = sseReader(open);
    await events.until((seen) => seen.some((event) => event.event === 'hello'), 5000);

    await revokeAtProvider(tokens.refreshToken!, 'fleetdeck-short');
    // The stream re-checks its rights every 2 s; once the token is due that needs a refresh, which is refused.
    const seen = await events.until(
      (all) => all.some((event) => event.event === 'error'),
      tokens.expiresAt - Date.now() + 5000,
    );
    expect(seen.find((event) => event.event === 'error')?.data).toMatchObject({ code: 'unauthenticated' });
    expect(await fleetdeckMetrics().registry.getSingleMetricAsString('fleetdeck_oidc_refreshes_total')).toMatch(
      /fleetdeck_oidc_refreshes_total\{outcome="refused"\} 1/,
    );

    const after = await call(me.GET, { path: '/api/me', headers: { cookie: cookie! } });
    expect(after.status).toBe(401);
    // Revoked first (which ends the stream), then its tokens deleted.
    await vi.waitFor(
      async () => {
        const stored = await core().listNamespacedSecret({ namespace, labelSelector: 'fleetdeck.io/oidc-session' });
        expect(stored.items).toHaveLength(0);
      },
      { timeout: 3000 },
    );
  }, 40_000);
});
