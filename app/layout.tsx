import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Fleetdeck',
  description: 'SageMaker endpoint fleets managed by the ACK sagemaker-controller',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <header className="border-b border-slate-200 px-6 py-3 dark:border-slate-800">
          <span className="text-lg font-semibold">Fleetdeck</span>
        </header>
        <main className="px-6 py-4">{children}</main>
      </body>
    </html>
  );
}
