// An administrator at the provider ending a user's grants (as Keycloak's "sign out all sessions" does): every
// refresh token issued under them stops working at once, so a client's next refresh is refused.
import type Provider from 'oidc-provider';
import type { Middleware } from 'koa';
import { isAdminRequest, readJson } from './id-token-faults';

/**
 * `POST /_harness/revoke-grants` {sub} (admin token required) revokes every grant of that account under which
 * tokens were issued since the provider started, with its refresh and access tokens.
 */
export function grantRevocation(provider: Provider, adminToken: string): Middleware {
  const grantsOf = new Map<string, Set<string>>();
  // Every code exchange and refresh saves an access token under the grant (its typed event; refresh tokens'
  // own is not in the typings).
  provider.on('access_token.saved', (token) => {
    if (!token.accountId || !token.grantId) return;
    const grants = grantsOf.get(token.accountId) ?? new Set<string>();
    grants.add(token.grantId);
    grantsOf.set(token.accountId, grants);
  });
  return async (ctx, next) => {
    if (ctx.path !== '/_harness/revoke-grants') return next();
    if (!isAdminRequest(ctx, adminToken)) {
      ctx.status = 401;
      ctx.body = { error: 'the harness admin token is required' };
      return;
    }
    if (ctx.method !== 'POST') {
      ctx.status = 405;
      return;
    }
    const { sub } = (await readJson(ctx)) as { sub?: unknown };
    if (typeof sub !== 'string') {
      ctx.status = 400;
      ctx.body = { error: 'sub must be a string' };
      return;
    }
    const grants = [...(grantsOf.get(sub) ?? [])];
    for (const grantId of grants) {
      await provider.RefreshToken.revokeByGrantId(grantId);
      await provider.AccessToken.revokeByGrantId(grantId);
      await provider.Grant.adapter.destroy(grantId);
    }
    grantsOf.delete(sub);
    console.log(`revoked ${grants.length} grant(s) of ${sub}`);
    ctx.body = { revoked: grants.length };
  };
}
