// Signing in at the company's OpenID provider (the harness's real one, over TLS), and every way such a sign-in
// is refused: each lands on the sign-in page saying why, and leaves a line in the server log.
import { CoreV1Api } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { call, ORIGIN } from '../support/api-client';
import { kubeConfigAs } from '../support/control-plane';
import {
  configureOidcServer,
  cookiesOf,
  deliverCallback,
  problemOf,
  signInWithOidc,
  startSignIn,
} from '../support/oidc-fleetdeck';
import { oidcHarness } from '../support/oidc-harness';
import { armIdTokenFault, disarmIdTokenFaults, signInAtProvider } from '../support/oidc-provider';

const { namespace } = await configureOidcServer('fleetdeck');
const login = await import('@/app/api/auth/oidc/login/route');
const callback = await import('@/app/api/auth/oidc/callback/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const { fleetdeckMetrics } = await import('@/lib/server/metrics/registry');
const routes = { login: login.GET, callback: callback.GET };

const sessionSecrets = async () =>
  (
    await kubeConfigAs('admin')
      .makeApiClient(CoreV1Api)
      .listNamespacedSecret({ namespace, labelSelector: 'fleetdeck.io/oidc-session' })
  ).items;

let warn: MockInstance<typeof console.warn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn');
});
afterEach(async () => {
  vi.restoreAllMocks();
  // Only this file's: other files may share the provider at the same time.
  await disarmIdTokenFaults({ clientId: 'fleetdeck', user: 'bob' });
});

/** The messages of the server's warnings so far. */
const warnings = () =>
  warn.mock.calls
    .map((args) => String(args[0]))
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { msg: string }).msg);

describe('oidc sign-in', () => {
  it('signs alice in: lands on the page first asked for, named and grouped as the API server names her', async () => {
    const { response, session: cookie } = await signInWithOidc(routes, 'alice', '/endpoints?health=Failed');
    expect(response.status).toBe(200);
    // A page that moves on by itself (same-site, so the Strict session cookie goes along), not a redirect.
    expect(await response.text()).toContain('content="0;url=/endpoints?health=Failed"');
    expect(response.headers.get('set-cookie')).toMatch(/fleetdeck_session=[^;]+; Path=\/; HttpOnly; SameSite=Strict/);
    const flowCleared = [...cookiesOf(response).keys()].some((name) => name.startsWith('fleetdeck_oidc_'));
    expect(flowCleared).toBe(true);

    const who = await call(me.GET, { path: '/api/me', headers: { cookie: cookie! } });
    expect(who.status).toBe(200);
    const body = (await who.json()) as { user: string; groups: string[] };
    expect(body.user).toBe('oidc:alice@example.com');
    expect(body.groups).toContain('oidc:ml-engineers');

    // The tokens stay on the server: the cookie holds none, the Secret holds them sealed.
    const tokens = (await sessionSecrets()).map((secret) => Buffer.from(secret.data!.tokens!, 'base64').toString());
    expect(tokens.length).toBeGreaterThan(0);
    for (const sealed of tokens) expect(sealed).not.toMatch(/eyJ/);
    expect(decodeURIComponent(cookie!)).not.toMatch(/eyJ/);
  });

  it('signs carol in without groups, and sends her to the note that says so', async () => {
    const { response, session: cookie } = await signInWithOidc(routes, 'carol', '/endpoints');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('content="0;url=/sign-in?next=%2Fendpoints&#38;notice=no-groups"');
    expect(warnings()).toContain('oidc: no "groups" claim in the ID token of "oidc:carol@example.com"');
    const who = await call(me.GET, { path: '/api/me', headers: { cookie: cookie! } });
    expect(((await who.json()) as { user: string }).user).toBe('oidc:carol@example.com');
  });

  it('refuses an answer for a sign-in this browser did not start (state)', async () => {
    const { authorizationUrl } = await startSignIn(routes);
    const redirect = await signInAtProvider(authorizationUrl, 'alice');
    // Another browser's flow cookie, or none: the state names no sign-in under way here.
    const { flowCookie: otherBrowser } = await startSignIn(routes);
    expect(problemOf(await deliverCallback(routes, redirect, otherBrowser))).toBe('state');
    expect(warnings().some((line) => line.startsWith('oidc sign-in refused (state)'))).toBe(true);
  });

  it('refuses a code obtained with another nonce (an injected code)', async () => {
    const { authorizationUrl, flowCookie } = await startSignIn(routes);
    authorizationUrl.searchParams.set('nonce', 'attacker-chosen-nonce');
    const redirect = await signInAtProvider(authorizationUrl, 'alice');
    expect(problemOf(await deliverCallback(routes, redirect, flowCookie))).toBe('nonce');
    expect(warnings().some((line) => line.startsWith('oidc sign-in refused (nonce)'))).toBe(true);
  });

  it('refuses a code replayed after it was used', async () => {
    const { response, redirect, flowCookie } = await signInWithOidc(routes, 'alice');
    expect(response.status).toBe(200);
    expect(problemOf(await deliverCallback(routes, redirect, flowCookie))).toBe('code-refused');
    expect(warnings().some((line) => line.startsWith('oidc sign-in refused (code-refused)'))).toBe(true);
  });

  it.each([
    ['wrong-audience', 'audience'],
    ['wrong-issuer', 'issuer'],
    ['expired', 'expired'],
  ] as const)('refuses an ID token that is %s', async (fault, problem) => {
    await armIdTokenFault(fault, { clientId: 'fleetdeck', user: 'bob' });
    const { response, session: cookie } = await signInWithOidc(routes, 'bob');
    expect(cookie).toBeUndefined();
    expect(problemOf(response)).toBe(problem);
    expect(warnings().some((line) => line.startsWith(`oidc sign-in refused (${problem})`))).toBe(true);
  });

  it('signs out here and names the provider end-session page, with no token in it', async () => {
    const { session: cookie } = await signInWithOidc(routes, 'bob');
    const before = (await sessionSecrets()).length;
    const csrf = (
      (await (await call(me.GET, { path: '/api/me', headers: { cookie: cookie! } })).json()) as {
        csrfToken: string;
      }
    ).csrfToken;
    const out = await call(session.DELETE, {
      method: 'DELETE',
      path: '/api/session',
      headers: { cookie: cookie!, 'x-fleetdeck-csrf': csrf, origin: ORIGIN },
    });
    expect(out.status).toBe(200);
    const { providerSignOutUrl } = (await out.json()) as { providerSignOutUrl: string };
    const end = new URL(providerSignOutUrl);
    expect(end.origin).toBe((await oidcHarness()).issuer);
    expect(end.searchParams.get('client_id')).toBe('fleetdeck');
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${ORIGIN}/sign-in`);
    expect(end.searchParams.has('id_token_hint')).toBe(false);
    expect((await sessionSecrets()).length).toBe(before - 1);
    expect((await call(me.GET, { path: '/api/me', headers: { cookie: cookie! } })).status).toBe(401);
  });

  it('counts every outcome for the operator (/metrics)', async () => {
    const counted = await fleetdeckMetrics().registry.getSingleMetricAsString('fleetdeck_oidc_sign_ins_total');
    for (const outcome of ['ok', 'state', 'nonce', 'code-refused', 'audience', 'issuer', 'expired'])
      expect(counted).toMatch(new RegExp(`fleetdeck_oidc_sign_ins_total\\{outcome="${outcome}"\\} [1-9]`));
  });
});
