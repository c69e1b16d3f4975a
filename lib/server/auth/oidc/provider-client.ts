import 'server-only';
import * as client from 'openid-client';
import { serverConfig } from '../../config';
import { fetchTrusting } from './provider-fetch';

/** The path the provider sends people back to; registered at the provider as <FLEETDECK_ORIGIN><path>. */
export const CALLBACK_PATH = '/api/auth/oidc/callback';

// Metadata is read again after an hour, so a provider that moves an endpoint is followed without a restart.
const DISCOVERY_MAX_AGE_MS = 3_600_000;
// Seconds for discovery and every later call to the provider: a sign-in or a refresh waits for it.
const PROVIDER_TIMEOUT_SECONDS = 10;

const holder = globalThis as typeof globalThis & {
  __fleetdeckOidc?: { configuration: Promise<client.Configuration>; readAt: number };
};

/** The provider's metadata and this client's settings, discovered once an hour at most (a failure is not kept). */
export function providerConfiguration(): Promise<client.Configuration> {
  const known = holder.__fleetdeckOidc;
  if (known && Date.now() - known.readAt < DISCOVERY_MAX_AGE_MS) return known.configuration;
  const config = serverConfig();
  const issuer = new URL(config.FLEETDECK_OIDC_ISSUER!);
  const secret = config.FLEETDECK_OIDC_CLIENT_SECRET;
  const configuration = client.discovery(
    issuer,
    config.FLEETDECK_OIDC_CLIENT_ID!,
    undefined,
    secret ? client.ClientSecretBasic(secret) : client.None(),
    {
      timeout: PROVIDER_TIMEOUT_SECONDS,
      // Settings allow plain http for a loopback issuer only (config.ts).
      execute: issuer.protocol === 'http:' ? [client.allowInsecureRequests] : [],
      ...(config.FLEETDECK_OIDC_CA_FILE ? { [client.customFetch]: fetchTrusting(config.FLEETDECK_OIDC_CA_FILE) } : {}),
    },
  );
  const entry = { configuration, readAt: Date.now() };
  holder.__fleetdeckOidc = entry;
  configuration.catch(() => {
    if (holder.__fleetdeckOidc === entry) holder.__fleetdeckOidc = undefined;
  });
  return configuration;
}

export const callbackUrl = () => new URL(CALLBACK_PATH, serverConfig().FLEETDECK_ORIGIN);

/** What the callback must find again to accept the provider's answer: kept sealed in a cookie meanwhile. */
export interface SignInChecks {
  state: string;
  nonce: string;
  verifier: string;
}

/** Where to send the browser to sign in (code flow, PKCE S256, state and nonce), and what to check on return. */
export async function authorizationRequest(): Promise<{ url: URL; checks: SignInChecks }> {
  const configuration = await providerConfiguration();
  const checks = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl().href,
    response_type: 'code',
    scope: serverConfig().FLEETDECK_OIDC_SCOPES.join(' '),
    code_challenge: await client.calculatePKCECodeChallenge(checks.verifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  });
  return { url, checks };
}

/** The tokens a session keeps: the ID token is the bearer the API server accepts. */
export interface SessionTokens {
  idToken: string;
  /** From the ID token's iat and exp, in ms. */
  issuedAt: number;
  expiresAt: number;
  refreshToken?: string;
}

function sessionTokens(
  response: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
  previousRefreshToken?: string,
): { tokens: SessionTokens; claims: client.IDToken } {
  const claims = response.claims();
  if (!response.id_token || !claims) throw new client.ClientError('the provider sent no ID token');
  return {
    tokens: {
      idToken: response.id_token,
      issuedAt: claims.iat * 1000,
      expiresAt: claims.exp * 1000,
      // A provider that does not rotate refresh tokens sends none back: the old one stays good.
      refreshToken: response.refresh_token ?? previousRefreshToken,
    },
    claims,
  };
}

/**
 * Redeems the code of the provider's redirect (`search` is the callback's query) with the PKCE verifier,
 * checking state, nonce, issuer, audience and expiry (openid-client); throws on any mismatch.
 */
export async function redeemCode(search: string, checks: SignInChecks) {
  const configuration = await providerConfiguration();
  // The redirect URI as registered, whatever address a proxy in front of Fleetdeck forwarded to.
  const current = callbackUrl();
  current.search = search;
  const response = await client.authorizationCodeGrant(configuration, current, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  return sessionTokens(response);
}

/** New tokens for a refresh token; throws when the provider refuses it or sends no valid ID token. */
export async function refreshTokens(refreshToken: string): Promise<SessionTokens> {
  const response = await client.refreshTokenGrant(await providerConfiguration(), refreshToken);
  return sessionTokens(response, refreshToken).tokens;
}

/**
 * The provider's end-session URL (RP-initiated logout) returning to `returnTo`, or undefined when the provider
 * has none. It names the client rather than passing the ID token as a hint, so no token reaches the browser;
 * the provider may then ask the person to confirm.
 */
export async function endSessionUrl(returnTo: URL): Promise<URL | undefined> {
  const configuration = await providerConfiguration();
  if (!configuration.serverMetadata().end_session_endpoint) return undefined;
  return client.buildEndSessionUrl(configuration, {
    client_id: serverConfig().FLEETDECK_OIDC_CLIENT_ID!,
    post_logout_redirect_uri: returnTo.href,
  });
}
