import type { ReactNode } from 'react';

export default function SignInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 px-6 py-3 dark:border-slate-800">
        <span className="text-lg font-semibold">Fleetdeck</span>
      </header>
      <main id="main" className="px-6 py-4">
        {children}
      </main>
    </>
  );
}
