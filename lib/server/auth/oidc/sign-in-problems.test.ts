import { AuthorizationResponseError, ClientError, ResponseBodyError } from 'openid-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error';
import { providerRefused, signInProblem } from './sign-in-problems';

// The errors as openid-client throws them: its own classes, built as it builds them.
const bodyError = (error: string, status: number) =>
  new ResponseBodyError('server responded with an error in the response body', {
    cause: { error },
    response: new Response(null, { status }),
  });
const claimError = (code: string, claim: string) => {
  const wrapped = Object.assign(new Error('unexpected JWT claim value'), { code, cause: { claim } });
  return Object.assign(new ClientError('unexpected JWT claim value encountered', { cause: wrapped }), { code });
};
const fetchFailed = () => new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });

describe('signInProblem', () => {
  it('names the claim a failed ID-token check names', () => {
    expect(signInProblem(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'nonce'))).toBe('nonce');
    expect(signInProblem(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'aud'))).toBe('audience');
    expect(signInProblem(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'iss'))).toBe('issuer');
    expect(signInProblem(claimError('OAUTH_JWT_TIMESTAMP_CHECK_FAILED', 'exp'))).toBe('expired');
  });

  it("tells the provider's refusals, the cluster's and an unreachable provider apart", () => {
    expect(signInProblem(bodyError('invalid_grant', 400))).toBe('code-refused');
    expect(signInProblem(bodyError('invalid_client', 401))).toBe('provider-error');
    expect(
      signInProblem(
        new AuthorizationResponseError('authorization response from the server is an error', {
          cause: new URLSearchParams({ error: 'access_denied' }),
        }),
      ),
    ).toBe('provider-error');
    expect(signInProblem(new AppError('unauthenticated', 'no'))).toBe('cluster-refused');
    expect(signInProblem(fetchFailed())).toBe('provider-unreachable');
    expect(signInProblem(new Error('anything else'))).toBe('failed');
  });
});

describe('providerRefused', () => {
  it('ends a session only when the provider refuses, never when it cannot be reached', () => {
    expect(providerRefused(bodyError('invalid_grant', 400))).toBe('invalid_grant');
    expect(providerRefused(claimError('OAUTH_JWT_CLAIM_COMPARISON_FAILED', 'aud'))).toMatch(/CLAIM_COMPARISON/);
    expect(providerRefused(new ClientError('the provider sent no ID token'))).toMatch(/no ID token/);
    expect(providerRefused(fetchFailed())).toBeUndefined();
    expect(providerRefused(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBeUndefined();
    expect(providerRefused(bodyError('temporarily_unavailable', 503))).toBeUndefined();
    // A proxy's error page instead of an OAuth answer.
    expect(
      providerRefused(
        Object.assign(new ClientError('unexpected HTTP response status code'), {
          code: 'OAUTH_RESPONSE_IS_NOT_CONFORM',
        }),
      ),
    ).toBeUndefined();
  });
});
