// Why a sign-in at the identity provider did not end in a session, as the sign-in page explains it. The callback
// sends the key (never the provider's own text) and logs the details for the operator.
export const signInProblems = {
  state: 'This sign-in was not started in this browser, or took longer than 10 minutes (state mismatch). Start again.',
  'provider-error': 'Your identity provider turned the sign-in down.',
  'code-refused':
    "Your identity provider refused this sign-in's code: it was already used, or it expired. Start again.",
  nonce: "The identity provider's answer belongs to another sign-in (nonce mismatch). Start again.",
  audience:
    'The identity provider issued the ID token to another application (audience mismatch): check FLEETDECK_OIDC_CLIENT_ID.',
  issuer: 'The ID token comes from another issuer than the one Fleetdeck trusts (FLEETDECK_OIDC_ISSUER).',
  expired:
    "The ID token had already expired when it arrived: check the clocks of Fleetdeck's and the provider's machines.",
  'cluster-refused':
    'The cluster does not accept ID tokens from this identity provider: its API server must trust the issuer and this client id (see the README, "Sign in with OpenID Connect").',
  'provider-unreachable': 'Your identity provider could not be reached. Try again in a moment.',
  failed: 'Signing in failed. Try again; the server log has the details.',
} as const;

export type SignInProblem = keyof typeof signInProblems;

export const isSignInProblem = (value: string | undefined): value is SignInProblem =>
  value !== undefined && Object.hasOwn(signInProblems, value);

/** Provider error codes are shown beside the sentence only in this shape (RFC 6749's error charset, bounded). */
export const safeProviderErrorCode = (value: string | undefined) =>
  value && /^[\x20-\x21\x23-\x5B\x5D-\x7E]{1,64}$/.test(value) ? value : undefined;
