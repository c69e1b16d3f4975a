import { z } from 'zod';
import { assertSameOrigin } from '@/lib/server/auth/csrf';
import { demoUserNames, demoUserToken } from '@/lib/server/auth/demo-users';
import { reviewToken } from '@/lib/server/auth/self-subject-review';
import { claimedUser, limitedSignIn } from '@/lib/server/auth/sign-in-limiter';
import { assertTokenFits, endSession, sessionCookie } from '@/lib/server/auth/session-cookie';
import { oidcSessions } from '@/lib/server/auth/oidc/oidc-session-store';
import { endSessionUrl } from '@/lib/server/auth/oidc/provider-client';
import { signInPage } from '@/lib/server/auth/oidc/sign-in-pages';
import { serverConfig } from '@/lib/server/config';
import { log } from '@/lib/server/log/logger';
import type { SignedOut } from '@/lib/api/session';
import { AppError } from '@/lib/server/http/app-error';
import { fieldErrors } from '@/lib/server/http/field-errors';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { json } from '@/lib/server/http/respond';
import { publicRoute, route } from '@/lib/server/http/route';
import { methodNotAllowed } from '@/lib/server/http/method-not-allowed';

const signInSchema = z.union([
  z.strictObject({ token: z.string().trim().min(1, 'paste a token').max(16_384) }),
  z.strictObject({ demoUser: z.enum(demoUserNames) }),
]);

/**
 * Sign in with a Kubernetes bearer token (checked with a SelfSubjectReview) or, in demo mode, as a demo user,
 * into a session with a new id. There is no session yet, so CSRF rests on the exact-origin check and the
 * SameSite=Strict cookie. A token too large for a cookie is refused (422 at `token`) before it is sent anywhere.
 */
export const POST = publicRoute(async (request) => {
  if (serverConfig().FLEETDECK_AUTH_MODE !== 'token')
    throw new AppError('bad_request', 'Sign-in is handled by your identity provider here.');
  assertSameOrigin(request);
  const parsed = signInSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    throw new AppError('invalid', 'The sign-in request is not valid.', fieldErrors(parsed.error.issues));
  }
  const token = 'token' in parsed.data ? parsed.data.token : demoUserToken(parsed.data.demoUser);
  if (!token) throw new AppError('bad_request', 'Demo users are not available on this server.');
  assertTokenFits(request, token);
  const claimed = 'demoUser' in parsed.data ? parsed.data.demoUser : claimedUser(token);
  const who = await limitedSignIn(request, claimed, () => reviewToken(token));
  return json({ user: who.user, groups: who.groups }, 200, {
    'Set-Cookie': sessionCookie(request, token, who.user, who.groups),
  });
});

/**
 * Sign out: the session is refused from now on by every replica (and its open streams end), and the cookie is
 * cleared. In oidc mode its tokens are deleted too, and the answer names the provider's end-session page (back
 * to <origin>/sign-in, the post-logout redirect URI to register) when the provider has one, so the browser ends
 * that session as well.
 */
export const DELETE = route({}, async ({ request, identity }) => {
  const cleared = await endSession(request);
  if (identity.mode !== 'oidc') return json({ signedOut: true } satisfies SignedOut, 200, { 'Set-Cookie': cleared });
  await oidcSessions().discard(identity.sessionId);
  const providerSignOut = await endSessionUrl(signInPage({ next: '' })).catch((error: unknown) => {
    log.warn(`oidc: the provider's end-session page is unknown: ${String(error)}`);
    return undefined;
  });
  return json({ signedOut: true, providerSignOutUrl: providerSignOut?.href } satisfies SignedOut, 200, {
    'Set-Cookie': cleared,
  });
});

/** Who is signed in, for the sign-in page; 401 when nobody. */
export const GET = route({}, async ({ identity }) => ({
  user: identity.user,
  groups: identity.groups,
  mode: identity.mode,
}));

const notAllowed = methodNotAllowed('GET', 'POST', 'DELETE');
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as OPTIONS };
