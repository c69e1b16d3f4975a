import { safeNextPath } from '@/lib/api/safe-next-path';
import { authorizationRequest } from '@/lib/server/auth/oidc/provider-client';
import { signInFlowCookie } from '@/lib/server/auth/oidc/sign-in-flow-cookie';
import { assertOidcMode, seeOther, signInPage } from '@/lib/server/auth/oidc/sign-in-pages';
import { signInProblem } from '@/lib/server/auth/oidc/sign-in-problems';
import { log } from '@/lib/server/log/logger';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { publicRoute } from '@/lib/server/http/route';

/**
 * Starts a sign-in at the identity provider: a fresh state, nonce and PKCE verifier kept in a sealed cookie of
 * this browser, then a 303 to the provider. `next` is the page to land on afterwards (same-site paths only).
 */
export const GET = publicRoute(async (request) => {
  assertOidcMode();
  const next = safeNextPath(new URL(request.url).searchParams.get('next') ?? undefined);
  try {
    const { url, checks } = await authorizationRequest();
    return seeOther(url, [signInFlowCookie(checks, next)]);
  } catch (error) {
    const problem = signInProblem(error);
    log.warn(`oidc sign-in could not start (${problem}): ${error instanceof Error ? error.message : String(error)}`);
    return seeOther(signInPage({ next, problem }));
  }
});

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
