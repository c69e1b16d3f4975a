import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { Suspense, type ReactNode } from 'react';
import { MainNav } from '@/components/app-shell/main-nav';
import { Providers } from '@/components/app-shell/providers';
import { SessionMenu } from '@/components/app-shell/session-menu';
import { ThemeToggle } from '@/components/app-shell/theme-toggle';
import { LiveBadge } from '@/components/live/live-badge';
import { StaleFrame } from '@/components/live/stale-banner';
import { safeNextPath } from '@/lib/api/safe-next-path';
import { parseTheme, THEME_COOKIE } from '@/lib/api/theme';
import { pageIdentity } from '@/lib/server/auth/page-identity';

export const dynamic = 'force-dynamic';

/** Every signed-in page: identity first (else sign in, coming back here), then the live data layer. */
export default async function FleetLayout({ children }: { children: ReactNode }) {
  const identity = await pageIdentity();
  if (!identity) {
    // The proxy passes the requested path along, so signing in returns to the same view.
    const next = safeNextPath((await headers()).get('x-fleetdeck-path') ?? '/');
    redirect(`/sign-in?next=${encodeURIComponent(next)}`);
  }
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <Providers>
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 px-6 py-3 dark:border-slate-800">
        <span className="text-lg font-semibold">Fleetdeck</span>
        <MainNav />
        <div className="ml-auto flex flex-wrap items-center gap-4">
          <LiveBadge />
          <ThemeToggle initial={theme} />
          <SessionMenu user={identity.user} />
        </div>
      </header>
      <main id="main" className="px-6 py-4">
        <Suspense>
          <StaleFrame>{children}</StaleFrame>
        </Suspense>
      </main>
    </Providers>
  );
}
