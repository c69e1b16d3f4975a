import 'server-only';
import { safeNextPath } from '@/lib/api/safe-next-path';
import type { SignInProblem } from '@/lib/api/sign-in-problems';
import { serverConfig } from '../../config';
import { log } from '../../log/logger';
import { fleetdeckMetrics } from '../../metrics/registry';
import { newSessionId, oidcSessionCookie, SESSION_SECONDS } from '../session-cookie';
import { reviewToken } from '../self-subject-review';
import { claimedGroups, claimedUser } from './oidc-claims';
import { oidcSessions } from './oidc-session-store';
import { redeemCode } from './provider-client';
import { clearedSignInFlowCookie, readSignInFlow } from './sign-in-flow-cookie';
import { signInProblem } from './sign-in-problems';

export type CallbackOutcome =
  | { ok: true; next: string; cookies: string[]; noGroups: boolean }
  | { ok: false; problem: SignInProblem; next: string; providerError?: string; cookies: string[] };

const claimMapping = () => {
  const config = serverConfig();
  return {
    usernameClaim: config.FLEETDECK_OIDC_USERNAME_CLAIM,
    usernamePrefix: config.FLEETDECK_OIDC_USERNAME_PREFIX,
    groupsClaim: config.FLEETDECK_OIDC_GROUPS_CLAIM,
    groupsPrefix: config.FLEETDECK_OIDC_GROUPS_PREFIX,
  };
};

// Every refusal is logged with what the page does not show: the library's or the provider's own words.
function refuse(problem: SignInProblem, detail: string, next: string, cookies: string[], providerError?: string) {
  log.warn(`oidc sign-in refused (${problem}): ${detail}`);
  fleetdeckMetrics().oidcSignIns.inc({ outcome: problem });
  return { ok: false as const, problem, next, providerError, cookies };
}

/**
 * The provider's redirect back: the sign-in this browser started (by state), the code redeemed with its
 * verifier and checked (nonce, issuer, audience, expiry), the ID token shown to the API server (which must
 * trust it: Fleetdeck never acts on a token the cluster refuses), then a new session whose tokens stay in its
 * Secret. The flow cookie is cleared whatever happens: a code is good for one try.
 */
export async function finishSignIn(request: Request): Promise<CallbackOutcome> {
  const search = new URL(request.url).searchParams;
  const state = search.get('state') ?? '';
  const flow = state ? readSignInFlow(request, state) : undefined;
  const cookies = state ? [clearedSignInFlowCookie(state)] : [];
  if (!flow) return refuse('state', 'no sign-in under way in this browser matches the state', '/', cookies);
  const next = safeNextPath(flow.next);
  let redeemed: Awaited<ReturnType<typeof redeemCode>>;
  let who: { user: string; groups: string[] };
  try {
    redeemed = await redeemCode(new URL(request.url).search, flow);
    who = await reviewToken(redeemed.tokens.idToken);
  } catch (error) {
    const problem = signInProblem(error);
    const providerError = problem === 'provider-error' ? (search.get('error') ?? undefined) : undefined;
    return refuse(
      problem,
      error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      next,
      cookies,
      providerError,
    );
  }
  const { tokens, claims } = redeemed;
  const mapping = claimMapping();
  const expected = claimedUser(claims, mapping);
  if (expected !== who.user) {
    // The cluster decides; a differing name means Fleetdeck's claim settings and the API server's disagree.
    log.warn(
      `oidc: the API server names this user ${JSON.stringify(who.user)}, FLEETDECK_OIDC_USERNAME_CLAIM/PREFIX give ${JSON.stringify(expected ?? null)}`,
    );
  }
  const groups = claimedGroups(claims, mapping);
  if (groups === undefined)
    log.warn(`oidc: no ${JSON.stringify(mapping.groupsClaim)} claim in the ID token of ${JSON.stringify(who.user)}`);
  const sid = newSessionId();
  // Without a refresh token the session can last only as long as its ID token.
  const endsAt = Math.min(Date.now() + SESSION_SECONDS * 1000, tokens.refreshToken ? Infinity : tokens.expiresAt);
  try {
    await oidcSessions().create(sid, tokens, endsAt);
  } catch (error) {
    return refuse('failed', `the session could not be stored in the cluster: ${String(error)}`, next, cookies);
  }
  log.info(`oidc sign-in: ${JSON.stringify(who.user)}`, { user: who.user });
  fleetdeckMetrics().oidcSignIns.inc({ outcome: 'ok' });
  cookies.push(oidcSessionCookie(request, { sid, user: who.user, groups: who.groups, expiresAt: endsAt }));
  return { ok: true, next, cookies, noGroups: groups === undefined };
}
