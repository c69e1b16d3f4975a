import { buttonClasses } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { signInProblems, type SignInProblem } from '@/lib/api/sign-in-problems';

interface Props {
  providerName: string;
  /** The page to land on after signing in (already a same-site path). */
  next: string;
  problem?: SignInProblem;
  /** The provider's own error code (access_denied, …), shown beside the sentence. */
  providerError?: string;
  /** Who is signed in now, if anyone. */
  signedInAs?: string;
  /** The sign-in worked but the ID token carried no groups claim. */
  noGroups: boolean;
}

/** Sign in at the company's identity provider: one link, what went wrong last time, and the no-groups note. */
export function OidcSignIn({ providerName, next, problem, providerError, signedInAs, noGroups }: Props) {
  const start = `/api/auth/oidc/login?next=${encodeURIComponent(next)}`;
  return (
    <div className="max-w-xl space-y-4">
      {problem && (
        <Callout tone="error" role="alert" data-testid="sign-in-problem">
          {signInProblems[problem]}
          {providerError && <> (the provider said: {providerError})</>}
        </Callout>
      )}
      {signedInAs && noGroups && (
        <Callout tone="warning" role="alert" data-testid="no-groups">
          <p>
            <strong>Signed in as {signedInAs}, but no groups were received: check the groups scope and claim.</strong>
          </p>
          <p className="mt-1">
            Your identity provider sent an ID token without the groups claim, so the cluster grants only what your user
            name is given. Ask for the <code>groups</code> scope (FLEETDECK_OIDC_SCOPES) and have the provider put the
            groups in the claim FLEETDECK_OIDC_GROUPS_CLAIM names.
          </p>
          <p className="mt-2">
            <a className="underline" href={next}>
              Continue to Fleetdeck
            </a>
          </p>
        </Callout>
      )}
      {signedInAs && !noGroups && (
        <p>
          Signed in as {signedInAs}.{' '}
          <a className="underline" href={next}>
            Continue to Fleetdeck
          </a>
        </p>
      )}
      {!signedInAs && (
        <a className={buttonClasses('primary', 'lg')} href={start}>
          Sign in with {providerName}
        </a>
      )}
    </div>
  );
}
