import 'server-only';
import { AuthorizationResponseError, ClientError, ResponseBodyError } from 'openid-client';
import type { SignInProblem } from '@/lib/api/sign-in-problems';
import { AppError } from '../../http/app-error';

// oauth4webapi's codes for an ID token whose claims do not match (nonce, aud, iss) or whose times are off.
const CLAIM_MISMATCH = 'OAUTH_JWT_CLAIM_COMPARISON_FAILED';
const TIME_CHECK = 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED';

/** The claim a failed ID-token check names (openid-client wraps oauth4webapi's error, which carries it). */
function failedClaim(error: ClientError): string | undefined {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 3 && cause && typeof cause === 'object'; depth++) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Why the callback refuses a sign-in, as the sign-in page names it; the log gets the error itself. */
export function signInProblem(error: unknown): SignInProblem {
  if (error instanceof AppError) {
    if (error.code === 'unauthenticated') return 'cluster-refused';
    if (error.code === 'provider_unavailable') return 'provider-unreachable';
    return 'failed';
  }
  if (error instanceof AuthorizationResponseError) return 'provider-error';
  if (error instanceof ResponseBodyError) return error.error === 'invalid_grant' ? 'code-refused' : 'provider-error';
  if (error instanceof ClientError) {
    if (error.code === TIME_CHECK) return 'expired';
    if (error.code === CLAIM_MISMATCH) {
      const claim = failedClaim(error);
      if (claim === 'nonce') return 'nonce';
      if (claim === 'aud' || claim === 'azp') return 'audience';
      if (claim === 'iss') return 'issuer';
    }
    return 'failed';
  }
  if (isUnreachable(error)) return 'provider-unreachable';
  return 'failed';
}

/** A network failure or timeout talking to the provider: worth another try, unlike a refusal. */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof TypeError) return true; // fetch's "fetch failed": refused, reset, TLS, DNS
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * Why the provider refused a refresh, or undefined when it could not be asked (network, timeout): a refusal
 * ends the session, being unreachable does not.
 */
export function providerRefused(error: unknown): string | undefined {
  if (isUnreachable(error)) return undefined;
  if (error instanceof ResponseBodyError) return error.status >= 500 ? undefined : error.error;
  // A bad ID token (claims, times, none at all) is a refusal; a response that is not OAuth at all (a proxy's
  // error page) is not.
  if (error instanceof ClientError && (!error.code || error.code === CLAIM_MISMATCH || error.code === TIME_CHECK))
    return `${error.code ?? 'ClientError'}: ${error.message}`;
  return undefined;
}
