import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { kubeconfigUserName } from '@/lib/server/auth/identity';
import { serverConfig } from '@/lib/server/config';
import './globals.css';

// Rendered per request: the CSP nonce and the shared-identity notice are decided at request time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Fleetdeck',
  description: 'SageMaker endpoint fleets managed by the ACK sagemaker-controller',
};

/** In kubeconfig mode opened to other hosts, everyone shares one identity, and every page must say so. */
function sharedIdentityNotice(): string | undefined {
  const config = serverConfig();
  if (config.FLEETDECK_AUTH_MODE !== 'kubeconfig' || !config.FLEETDECK_KUBECONFIG_ALLOW_REMOTE) return undefined;
  return `Everyone using this Fleetdeck acts as the Kubernetes user ${kubeconfigUserName()}.`;
}

export default function RootLayout({ children }: { children: ReactNode }) {
  const notice = sharedIdentityNotice();
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 px-6 py-3 dark:border-slate-800">
          <span className="text-lg font-semibold">Fleetdeck</span>
        </header>
        {notice && (
          <p role="status" className="bg-amber-100 px-6 py-2 text-sm text-amber-950">
            {notice}
          </p>
        )}
        <main className="px-6 py-4">{children}</main>
      </body>
    </html>
  );
}
