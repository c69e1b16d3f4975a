import { OidcSignIn } from '@/components/auth/oidc-sign-in';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNextPath } from '@/lib/api/safe-next-path';
import { isSignInProblem, safeProviderErrorCode } from '@/lib/api/sign-in-problems';
import { availableDemoUsers } from '@/lib/server/auth/demo-users';
import { pageIdentity } from '@/lib/server/auth/page-identity';
import { serverConfig } from '@/lib/server/config';

export const dynamic = 'force-dynamic';

interface SearchParams {
  next?: string;
  problem?: string;
  providerError?: string;
  notice?: string;
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { next, problem, providerError, notice } = await searchParams;
  const config = serverConfig();
  const oidc = config.FLEETDECK_AUTH_MODE === 'oidc';
  return (
    <section aria-labelledby="sign-in-heading" className="space-y-4">
      <h1 id="sign-in-heading" className="text-xl font-semibold">
        Sign in to Fleetdeck
      </h1>
      <p className="text-slate-700 dark:text-slate-300">
        Fleetdeck acts as you on the cluster: you see and change exactly what your Kubernetes rights allow.
      </p>
      {oidc ? (
        <OidcSignIn
          providerName={config.FLEETDECK_OIDC_PROVIDER_NAME}
          next={safeNextPath(next)}
          problem={isSignInProblem(problem) ? problem : undefined}
          providerError={safeProviderErrorCode(providerError)}
          signedInAs={(await pageIdentity())?.user}
          noGroups={notice === 'no-groups'}
        />
      ) : (
        <SignInForm demoUsers={availableDemoUsers()} next={safeNextPath(next)} />
      )}
    </section>
  );
}
