// The harness's OpenID provider and kube-apiserver together, no Fleetdeck: a real sign-in through the login
// form with PKCE, ID tokens the API server accepts (or refuses) as bearer tokens, refresh-token rotation,
// and the fault switch that spoils the next ID token.
import { createPublicKey, verify } from 'node:crypto';
import { AuthorizationV1Api } from '@kubernetes/client-node';
import * as client from 'openid-client';
import { describe, expect, it } from 'vitest';
import type { OidcClientId } from '../../harness/oidc-provider/clients';
import { oidcUsers, type OidcUserName } from '../../harness/oidc-provider/users';
import { statusOf } from '../support/api-errors';
import { inject } from '../support/control-plane';
import { fetchTrustingCa, httpsRequest } from '../support/oidc-https';
import { kubeConfigWithToken, whoAmI } from '../support/oidc-kube-config';
import {
  armIdTokenFault,
  disarmIdTokenFaults,
  ProviderBrowser,
  revokeAtProvider,
  signInAtProvider,
  type IdTokenFaultKind,
} from '../support/oidc-provider';

const harness = inject('controlPlane').oidc;
const scope = 'openid email profile groups offline_access';
const trustingFetch = fetchTrustingCa(harness.caFile);

/** openid-client for one of the provider's clients; every token response body is kept in `tokenResponses`. */
async function rp(clientId: OidcClientId) {
  const isPublic = clientId === 'fleetdeck-public';
  const tokenResponses: string[] = [];
  const config = await client.discovery(
    new URL(harness.issuer),
    clientId,
    isPublic ? undefined : harness.clientSecret,
    isPublic ? client.None() : client.ClientSecretBasic(harness.clientSecret),
    { [client.customFetch]: trustingFetch },
  );
  config[client.customFetch] = async (url, options) => {
    const response = await trustingFetch(url, options);
    if (new URL(url).pathname === '/token') tokenResponses.push(await response.clone().text());
    return response;
  };
  return { config, tokenResponses };
}

/** An authorization URL with PKCE and state, redirecting to a loopback port no one registered. */
async function authorizationRequest(
  config: client.Configuration,
  redirectUri = 'http://127.0.0.1:41234/auth/callback',
) {
  const pkceCodeVerifier = client.randomPKCECodeVerifier();
  const expectedState = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await client.calculatePKCECodeChallenge(pkceCodeVerifier),
    code_challenge_method: 'S256',
    state: expectedState,
  });
  return { url, checks: { pkceCodeVerifier, expectedState } };
}

async function signIn(clientId: OidcClientId, user: OidcUserName) {
  const { config, tokenResponses } = await rp(clientId);
  const { url, checks } = await authorizationRequest(config);
  const callback = await signInAtProvider(url, user);
  const tokens = await client.authorizationCodeGrant(config, callback, checks);
  return { config, tokens, tokenResponses, idToken: tokens.id_token! };
}

function decodeJwt(token: string) {
  const [header, payload, signature] = token.split('.');
  const part = (text: string) => JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  return { header: part(header!), payload: part(payload!), signed: `${header}.${payload}`, signature: signature! };
}

/** Whether the token's signature verifies with a key the provider publishes at its JWKS endpoint. */
async function signedByProvider(token: string): Promise<boolean> {
  const jwt = decodeJwt(token);
  const { keys } = JSON.parse((await httpsRequest(`${harness.issuer}/jwks`, harness.caFile)).body);
  const jwk = keys.find((key: { kid: string }) => key.kid === jwt.header.kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify('sha256', Buffer.from(jwt.signed), key, Buffer.from(jwt.signature, 'base64url'));
}

describe('signing in with the fleetdeck client and PKCE', () => {
  it('gives alice an ID token with her email and groups, which kube-apiserver accepts as her', async () => {
    const { tokens, idToken } = await signIn('fleetdeck', 'alice');
    expect(tokens.claims()).toMatchObject({
      iss: harness.issuer,
      aud: 'fleetdeck',
      sub: 'alice',
      email: 'alice@example.com',
      email_verified: true,
      name: oidcUsers.alice.name,
      groups: ['ml-engineers'],
    });
    expect(tokens.refresh_token).toBeTruthy();

    const user = await whoAmI(idToken);
    expect(user.username).toBe('oidc:alice@example.com');
    expect(user.groups).toEqual(expect.arrayContaining(['oidc:ml-engineers', 'system:authenticated']));
  });

  it("lets RBAC decide from the token's groups: alice deploys in team-a only", async () => {
    const { idToken } = await signIn('fleetdeck', 'alice');
    const may = async (verb: string, namespace: string) => {
      const review = await kubeConfigWithToken(idToken)
        .makeApiClient(AuthorizationV1Api)
        .createSelfSubjectAccessReview({
          body: {
            spec: {
              resourceAttributes: { group: 'sagemaker.services.k8s.aws', resource: 'endpoints', verb, namespace },
            },
          },
        });
      return review.status?.allowed;
    };
    expect(await may('patch', 'team-a')).toBe(true);
    expect(await may('patch', 'team-b')).toBe(false);
    expect(await may('list', 'team-b')).toBe(false);
  });

  it('makes bob a viewer in every namespace', async () => {
    const { idToken } = await signIn('fleetdeck', 'bob');
    expect((await whoAmI(idToken)).groups).toContain('oidc:oncall');
    const review = await kubeConfigWithToken(idToken)
      .makeApiClient(AuthorizationV1Api)
      .createSelfSubjectAccessReview({
        body: {
          spec: { resourceAttributes: { group: 'sagemaker.services.k8s.aws', resource: 'endpoints', verb: 'list' } },
        },
      });
    expect(review.status?.allowed).toBe(true);
  });

  it('gives carol an ID token with no groups claim at all, and no groups beyond system:authenticated', async () => {
    const { tokens, idToken } = await signIn('fleetdeck', 'carol');
    expect(tokens.claims()?.email).toBe('carol@example.com');
    expect(Object.keys(decodeJwt(idToken).payload)).not.toContain('groups');
    expect(await whoAmI(idToken)).toMatchObject({
      username: 'oidc:carol@example.com',
      groups: ['system:authenticated'],
    });
  });

  it('works for the public client too, with PKCE and no secret', async () => {
    const { idToken } = await signIn('fleetdeck-public', 'alice');
    expect((await whoAmI(idToken)).username).toBe('oidc:alice@example.com');
  });

  it('gives fleetdeck-short ID and access tokens that live 15 seconds', async () => {
    const { tokens, idToken } = await signIn('fleetdeck-short', 'bob');
    const { iat, exp } = decodeJwt(idToken).payload;
    expect(exp - iat).toBe(15);
    expect(tokens.expires_in).toBeLessThanOrEqual(15);
    expect((await whoAmI(idToken)).username).toBe('oidc:bob@example.com');
  });
});

describe('refresh tokens', () => {
  it('rotate on every refresh, and the old one is refused', async () => {
    const { config, tokens } = await signIn('fleetdeck', 'alice');
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(refreshed.claims()).toMatchObject({ email: 'alice@example.com', groups: ['ml-engineers'] });
    expect((await whoAmI(refreshed.id_token!)).username).toBe('oidc:alice@example.com');

    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('stop working once revoked at the provider', async () => {
    const { config, tokens } = await signIn('fleetdeck', 'bob');
    await revokeAtProvider(tokens.refresh_token!, 'fleetdeck');
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });
});

describe('what kube-apiserver refuses', () => {
  it('refuses an ID token for other-app, an audience it does not trust', async () => {
    const { idToken } = await signIn('other-app', 'alice');
    expect(decodeJwt(idToken).payload.aud).toBe('other-app');
    expect(await statusOf(whoAmI(idToken))).toBe(401);
  });
});

describe('the login page', () => {
  it('shows an error for a wrong password and issues nothing', async () => {
    const { config } = await rp('fleetdeck');
    const { url } = await authorizationRequest(config);
    await expect(signInAtProvider(url, 'alice', { password: 'bob-password' })).rejects.toThrow(
      /\(401\): Wrong username or password\./,
    );
  });

  it('accepts any loopback redirect URI but refuses others', async () => {
    const { config } = await rp('fleetdeck');
    const other = await authorizationRequest(config, 'http://localhost:3999/some/other/path');
    const callback = await signInAtProvider(other.url, 'bob');
    expect(`${callback.origin}${callback.pathname}`).toBe('http://localhost:3999/some/other/path');
    expect(callback.searchParams.get('state')).toBe(other.checks.expectedState);
    expect(callback.searchParams.get('code')).toBeTruthy();

    const foreign = await authorizationRequest(config, 'http://example.com:41234/auth/callback');
    await expect(signInAtProvider(foreign.url, 'bob')).rejects.toThrow(/\(400\).*redirect_uri/);
  });

  it('requires PKCE', async () => {
    const { config } = await rp('fleetdeck');
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: 'http://127.0.0.1:41234/auth/callback',
      scope,
      state: client.randomState(),
    });
    const callback = await signInAtProvider(url, 'alice');
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/PKCE/);
  });
});

describe('signing out (RP-initiated logout)', () => {
  it('ends the provider session after "Yes, sign me out" and returns to any loopback URI', async () => {
    const browser = new ProviderBrowser();
    const { config } = await rp('fleetdeck');
    const first = await authorizationRequest(config);
    const tokens = await client.authorizationCodeGrant(config, await browser.signIn(first.url, 'alice'), first.checks);
    // Single sign-on: with a provider session, the login form (and so the password) is skipped.
    const again = await authorizationRequest(config);
    expect(
      (await browser.signIn(again.url, 'alice', { password: 'not-checked' })).searchParams.get('code'),
    ).toBeTruthy();

    const state = client.randomState();
    const back = await browser.signOut(
      client.buildEndSessionUrl(config, {
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: 'http://localhost:45678/signed-out',
        state,
      }),
    );
    expect(`${back.origin}${back.pathname}`).toBe('http://localhost:45678/signed-out');
    expect(back.searchParams.get('state')).toBe(state);

    const after = await authorizationRequest(config);
    await expect(browser.signIn(after.url, 'alice', { password: 'not-checked' })).rejects.toThrow(/\(401\)/);
    // Signing out revokes the grant, and with it the refresh token.
    await expect(client.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
      error: 'invalid_grant',
    });
  });

  it('refuses a post_logout_redirect_uri that is not loopback', async () => {
    const { config } = await rp('fleetdeck');
    const url = client.buildEndSessionUrl(config, { post_logout_redirect_uri: 'https://example.com/signed-out' });
    await expect(new ProviderBrowser().signOut(url)).rejects.toThrow(/\(400\).*post_logout_redirect_uri/);
  });
});

describe('the fault switch', () => {
  it('needs the admin token', async () => {
    const denied = await httpsRequest(`${harness.issuer}/_harness/id-token-faults`, harness.caFile, { method: 'GET' });
    expect(denied.status).toBe(401);
    const health = await httpsRequest(`${harness.issuer}/_harness/healthz`, harness.caFile);
    expect(health.status).toBe(200);
  });

  it('disarms by scope, leaving other scopes armed', async () => {
    const armed = async () => {
      const response = await httpsRequest(`${harness.issuer}/_harness/id-token-faults`, harness.caFile, {
        headers: { authorization: `Bearer ${harness.adminToken}` },
      });
      return (JSON.parse(response.body).armed as { clientId?: string; sub?: string }[]).filter(
        (fault) => fault.clientId === 'other-app',
      );
    };
    await armIdTokenFault('expired', { clientId: 'other-app', user: 'carol' });
    await disarmIdTokenFaults({ clientId: 'other-app', user: 'bob' });
    expect(await armed()).toEqual([{ kind: 'expired', clientId: 'other-app', sub: 'carol' }]);
    await disarmIdTokenFaults({ clientId: 'other-app', user: 'carol' });
    expect(await armed()).toEqual([]);
  });

  const faults: [IdTokenFaultKind, (payload: Record<string, unknown>) => void, boolean][] = [
    ['wrong-audience', (payload) => expect(payload.aud).toBe('other-app'), true],
    ['wrong-issuer', (payload) => expect(payload.iss).not.toBe(harness.issuer), false],
    ['expired', (payload) => expect(payload.exp).toBeLessThan(Date.now() / 1000 - 60), true],
  ];

  it.each(faults)('spoils the next ID token: %s', async (kind, check, ownSignature) => {
    // Scoped to client and user, so no other test file's sign-in takes this fault.
    await armIdTokenFault(kind, { clientId: 'fleetdeck-short', user: 'carol' });
    const { config, tokenResponses } = await rp('fleetdeck-short');
    const { url, checks } = await authorizationRequest(config);
    const callback = await signInAtProvider(url, 'carol');
    await expect(client.authorizationCodeGrant(config, callback, checks)).rejects.toThrow();

    const idToken = JSON.parse(tokenResponses.at(-1)!).id_token as string;
    const { payload } = decodeJwt(idToken);
    check(payload);
    expect(payload.email).toBe('carol@example.com');
    expect(await signedByProvider(idToken)).toBe(ownSignature);
    expect(await statusOf(whoAmI(idToken))).toBe(401);

    // Spent: the next sign-in gets a sound token again.
    const sound = await signIn('fleetdeck-short', 'carol');
    expect(await signedByProvider(sound.idToken)).toBe(true);
  });
});
