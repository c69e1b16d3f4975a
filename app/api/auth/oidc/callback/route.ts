import { safeProviderErrorCode } from '@/lib/api/sign-in-problems';
import { finishSignIn } from '@/lib/server/auth/oidc/oidc-sign-in';
import { assertOidcMode, continueTo, seeOther, signInPage } from '@/lib/server/auth/oidc/sign-in-pages';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';
import { publicRoute } from '@/lib/server/http/route';

/**
 * Where the identity provider sends the browser back. A refusal lands on the sign-in page saying why (and is
 * logged); a sign-in lands on the page first asked for, or on the sign-in page's note when no groups arrived.
 */
export const GET = publicRoute(async (request) => {
  assertOidcMode();
  const outcome = await finishSignIn(request);
  if (!outcome.ok) {
    const providerError = safeProviderErrorCode(outcome.providerError);
    return seeOther(signInPage({ next: outcome.next, problem: outcome.problem, providerError }), outcome.cookies);
  }
  const landing = outcome.noGroups ? signInPage({ next: outcome.next, notice: 'no-groups' }) : undefined;
  return continueTo(landing ? `${landing.pathname}${landing.search}` : outcome.next, outcome.cookies);
});

const notAllowed = methodNotAllowed('GET');
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as OPTIONS };
