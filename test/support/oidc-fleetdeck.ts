// Fleetdeck in oidc mode against the harness's OpenID provider, driven without a browser: its route handlers
// in-process, the provider's login form over HTTPS. Tests configure the server once per file, then sign in.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { kubernetesOidcPrefix } from '../../harness/oidc-provider/users';
import { call, configureServer, ORIGIN } from './api-client';
import { oidcHarness } from './oidc-harness';
import { signInAtProvider, type OidcClientId, type OidcUserName } from './oidc-provider';
import { installOidcSessionsRole, sessionsNamespace } from './sessions-namespace';

type Handler = Parameters<typeof call>[0];

/**
 * Points the server modules at the harness's provider as `clientId`, with their sessions in a namespace of
 * their own; call before importing any route. Returns that namespace.
 */
export async function configureOidcServer(clientId: OidcClientId, extra: Record<string, string> = {}) {
  const harness = await oidcHarness();
  const { namespace, install } = await sessionsNamespace('oidc-sessions');
  await install();
  await installOidcSessionsRole(namespace);
  const env = {
    FLEETDECK_AUTH_MODE: 'oidc',
    FLEETDECK_OIDC_ISSUER: harness.issuer,
    FLEETDECK_OIDC_CLIENT_ID: clientId,
    FLEETDECK_OIDC_CLIENT_SECRET: harness.clientSecret,
    FLEETDECK_OIDC_CA_FILE: harness.caFile,
    // The harness's API server maps these claims with these prefixes.
    FLEETDECK_OIDC_USERNAME_CLAIM: 'email',
    FLEETDECK_OIDC_USERNAME_PREFIX: kubernetesOidcPrefix,
    FLEETDECK_OIDC_GROUPS_PREFIX: kubernetesOidcPrefix,
    FLEETDECK_ORIGIN: ORIGIN,
    FLEETDECK_SESSION_SECRET: randomBytes(32).toString('hex'),
    FLEETDECK_NAMESPACE: namespace,
    ...extra,
  };
  configureServer({ ...env, FLEETDECK_DEMO: '', FLEETDECK_DEMO_KUBECONFIGS: '' });
  delete process.env.FLEETDECK_DEMO;
  delete process.env.FLEETDECK_DEMO_KUBECONFIGS;
  return { namespace, env };
}

/** name=value of each Set-Cookie of a response (attributes dropped), by cookie name. */
export function cookiesOf(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(';')[0]!;
    cookies.set(pair.slice(0, pair.indexOf('=')), pair);
  }
  return cookies;
}

export interface OidcRoutes {
  login: Handler;
  callback: Handler;
}

/** Starts a sign-in as a browser would: the provider's authorization URL and this browser's flow cookie. */
export async function startSignIn(routes: OidcRoutes, next = '/endpoints') {
  const response = await call(routes.login, { path: `/api/auth/oidc/login?next=${encodeURIComponent(next)}` });
  expect(response.status).toBe(303);
  const flowCookie = [...cookiesOf(response).values()].find((cookie) => cookie.startsWith('fleetdeck_oidc_'));
  expect(flowCookie).toBeDefined();
  return { authorizationUrl: new URL(response.headers.get('location')!), flowCookie: flowCookie! };
}

/** The provider's redirect back, delivered to the callback with the flow cookie. */
export const deliverCallback = (routes: OidcRoutes, redirect: URL, flowCookie: string) =>
  call(routes.callback, { path: `${redirect.pathname}${redirect.search}`, headers: { cookie: flowCookie } });

/** A whole sign-in as `user`; the callback's response and the session cookie it set. */
export async function signInWithOidc(routes: OidcRoutes, user: OidcUserName, next = '/endpoints') {
  const { authorizationUrl, flowCookie } = await startSignIn(routes, next);
  const redirect = await signInAtProvider(authorizationUrl, user);
  const response = await deliverCallback(routes, redirect, flowCookie);
  const session = cookiesOf(response).get('fleetdeck_session');
  return { response, session, redirect, flowCookie };
}

/** Where a refused callback sends the browser: the sign-in page's problem key. */
export function problemOf(response: Response): string | null {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location')!);
  expect(location.pathname).toBe('/sign-in');
  return location.searchParams.get('problem');
}
