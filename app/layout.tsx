import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { parseTheme, THEME_COOKIE } from '@/lib/api/theme';
import { kubeconfigUserName } from '@/lib/server/auth/identity';
import { serverConfig } from '@/lib/server/config';
import './globals.css';

// Rendered per request: the CSP nonce and the demo and shared-identity notices are decided at request time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Fleetdeck',
  description: 'SageMaker endpoint fleets managed by the ACK sagemaker-controller',
  // Drawn by scripts/draw-icons.mjs into public/.
  icons: {
    icon: [
      { url: '/icon.svg', type: 'image/svg+xml' },
      { url: '/favicon.ico', sizes: '32x32' },
    ],
    apple: '/apple-touch-icon.png',
  },
  manifest: '/manifest.webmanifest',
};

/** In kubeconfig mode opened to other hosts, everyone shares one identity, and every page must say so. */
function sharedIdentityNotice(): string | undefined {
  const config = serverConfig();
  if (config.FLEETDECK_AUTH_MODE !== 'kubeconfig' || !config.FLEETDECK_KUBECONFIG_ALLOW_REMOTE) return undefined;
  return `Everyone using this Fleetdeck acts as the Kubernetes user ${kubeconfigUserName()}.`;
}

/** A demo server says so on every page, signed in or not: its one-click users are anyone's to take. */
function demoNotice(): string | undefined {
  if (!serverConfig().FLEETDECK_DEMO) return undefined;
  return 'This is a Fleetdeck demo: anyone who can open this page can sign in as its demo users.';
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const notice = sharedIdentityNotice();
  const demo = demoNotice();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme === 'system' ? undefined : theme}>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900"
        >
          Skip to content
        </a>
        {demo && (
          <p
            role="status"
            data-testid="demo-banner"
            className="bg-sky-100 px-6 py-1 text-sm text-sky-950 dark:bg-sky-950 dark:text-sky-100"
          >
            {demo}
          </p>
        )}
        {notice && (
          <p role="status" className="bg-amber-100 px-6 py-2 text-sm text-amber-950">
            {notice}
          </p>
        )}
        {children}
      </body>
    </html>
  );
}
