'use client';

import { useState, type FormEvent } from 'react';
import { safeNextPath } from '@/lib/api/safe-next-path';
import { Button } from '@/components/ui/button';

interface Props {
  demoUsers: readonly string[];
  /** Where to go after signing in; only same-site paths are followed. */
  next: string;
}

/** Paste a Kubernetes bearer token, or pick a demo user. The token goes to the server once and stays there. */
export function SignInForm({ demoUsers, next }: Props) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function signIn(body: object) {
    setBusy(true);
    setError(null);
    const response = await fetch('/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    setBusy(false);
    if (response?.ok) {
      window.location.assign(safeNextPath(next));
      return;
    }
    const envelope = (await response?.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    setError(envelope?.error?.message ?? 'Fleetdeck could not be reached.');
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn({ token });
  };

  return (
    <div className="max-w-xl space-y-6">
      <form onSubmit={submit} className="space-y-3" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label htmlFor="token" className="block font-medium">
          Kubernetes bearer token
        </label>
        <textarea
          id="token"
          name="token"
          value={token}
          onChange={(event) => setToken(event.target.value)}
          rows={4}
          autoComplete="off"
          spellCheck={false}
          className="w-full rounded border border-slate-300 p-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
        />
        <Button type="submit" variant="primary" size="lg" disabled={busy || token.trim() === ''}>
          Sign in
        </Button>
      </form>
      {demoUsers.length > 0 && (
        <section aria-labelledby="demo-users">
          <h2 id="demo-users" className="mb-2 font-medium">
            Demo users
          </h2>
          <div className="flex gap-2">
            {demoUsers.map((user) => (
              <Button key={user} disabled={busy} onClick={() => void signIn({ demoUser: user })}>
                Sign in as {user}
              </Button>
            ))}
          </div>
        </section>
      )}
      {error && (
        <p id="sign-in-error" role="alert" className="text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
