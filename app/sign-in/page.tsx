import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNextPath } from '@/lib/api/safe-next-path';
import { availableDemoUsers } from '@/lib/server/auth/demo-users';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <section aria-labelledby="sign-in-heading" className="space-y-4">
      <h1 id="sign-in-heading" className="text-xl font-semibold">
        Sign in to Fleetdeck
      </h1>
      <p className="text-slate-700 dark:text-slate-300">
        Fleetdeck acts as you on the cluster: you see and change exactly what your Kubernetes rights allow.
      </p>
      <SignInForm demoUsers={availableDemoUsers()} next={safeNextPath(next)} />
    </section>
  );
}
