// The harness's OpenID provider: oidc-provider over HTTPS on loopback, with a certificate from the harness
// CA, so Fleetdeck and kube-apiserver talk to it as they would to a real one. Started by `harness up`:
//
//   tsx harness/oidc-provider/main.ts --cert=oidc.crt --key=oidc.key --issuer-file=FILE
//
// with FLEETDECK_HARNESS_OIDC_CLIENT_SECRET and FLEETDECK_HARNESS_OIDC_ADMIN_TOKEN in the environment
// (secrets stay out of the process list). It listens on a port of the system's choosing and writes its
// issuer to --issuer-file once it serves.
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Provider, { type Configuration } from 'oidc-provider';
import { oidcClients, shortTokenSeconds } from './clients';
import { grantRevocation } from './grant-revocation';
import { idTokenFaults } from './id-token-faults';
import { grantFirstPartyRequest, interactionRoutes } from './interactions';
import { acceptLoopbackRedirects } from './loopback-redirects';
import { errorPage, logoutPage, signedOutPage } from './pages';
import { newSigningKey, type SigningKey } from './signing-keys';
import { findOidcUser, oidcClaimsOf } from './users';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const hour = 60 * 60;
const day = 24 * hour;
const tokenSeconds = (clientId: string | undefined) => (clientId === 'fleetdeck-short' ? shortTokenSeconds : hour);

function configuration(clientSecret: string, key: SigningKey): Configuration {
  return {
    clients: oidcClients(clientSecret),
    jwks: { keys: [key.jwk] },
    findAccount: (_ctx, sub) => {
      const user = findOidcUser(sub);
      return user && { accountId: user.sub, claims: () => oidcClaimsOf(user) };
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      groups: ['groups'],
    },
    scopes: ['openid', 'offline_access'],
    // kube-apiserver reads identity from the ID token alone, so the scope claims belong in it too, not
    // only at the UserInfo endpoint as OIDC Core's default has it.
    conformIdTokenClaims: false,
    // Code flow only, as Fleetdeck uses it; no implicit or hybrid responses to fall back on.
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Every redirect_uri must be named; the placeholder registered for each client is never the default.
    allowOmittingSingleRegisteredRedirectUri: false,
    loadExistingGrant: grantFirstPartyRequest,
    // oidc-provider drops offline_access from any request without prompt=consent, and consent is never
    // asked here (interactions.ts); so every code exchange by a client allowed the refresh_token grant
    // (all four) gets a refresh token, whether or not offline_access was requested.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // Every refresh returns a new refresh token and a reused one is refused (and its grant revoked), for
    // confidential clients too. The library's default rotates those only near expiry; always rotating is
    // the stricter behaviour that Fleetdeck must cope with, and what providers with rotation on do.
    rotateRefreshToken: true,
    ttl: {
      AccessToken: (_ctx, _token, client) => tokenSeconds(client.clientId),
      IdToken: (_ctx, _token, client) => tokenSeconds(client.clientId),
      AuthorizationCode: 60,
      RefreshToken: 14 * day,
      Interaction: hour,
      Session: 14 * day,
      Grant: 14 * day,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = logoutPage(ctx.host, form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = signedOutPage(ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId);
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
  };
}

async function main() {
  const { values } = parseArgs({
    options: { cert: { type: 'string' }, key: { type: 'string' }, 'issuer-file': { type: 'string' } },
  });
  if (!values.cert || !values.key || !values['issuer-file'])
    throw new Error('usage: main.ts --cert=FILE --key=FILE --issuer-file=FILE');
  const clientSecret = required('FLEETDECK_HARNESS_OIDC_CLIENT_SECRET');
  const adminToken = required('FLEETDECK_HARNESS_OIDC_ADMIN_TOKEN');

  const server = createServer({ cert: readFileSync(values.cert), key: readFileSync(values.key) });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const key = newSigningKey('harness');
  const provider = new Provider(issuer, configuration(clientSecret, key));
  acceptLoopbackRedirects(provider);
  provider.use(async (ctx, next) => {
    await next();
    console.log(`${ctx.method} ${ctx.path} ${ctx.status}`);
  });
  provider.use(idTokenFaults(adminToken, key));
  provider.use(grantRevocation(provider, adminToken));
  provider.use(interactionRoutes(provider));
  provider.on('server_error', (_ctx, error) => console.error('server error:', error));
  provider.on('grant.error', (_ctx, error) => console.log(`token request refused: ${error.message}`));
  server.on('request', provider.callback());

  // Written whole, then renamed, so the harness never reads half an issuer.
  writeFileSync(`${values['issuer-file']}.tmp`, `${issuer}\n`);
  renameSync(`${values['issuer-file']}.tmp`, values['issuer-file']);
  console.log(`OpenID provider at ${issuer}`);

  const stop = () => {
    server.close(() => process.exit(0));
    // kube-apiserver keeps its connection for JWKS open; it must not hold the stop up.
    server.closeAllConnections();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
