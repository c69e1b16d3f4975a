'use client';

import { useWallboardPin } from '@/components/live/live-provider';
import { Button } from '@/components/ui/button';
import { signedOutSchema } from '@/lib/api/session';
import { useMe } from '@/lib/query/use-me';

/** Who is signed in, the wallboard pin, and sign-out. */
export function SessionMenu({ user }: { user: string }) {
  const me = useMe();
  const [pinned, setPinned] = useWallboardPin();
  const signOut = async () => {
    const response = await fetch('/api/session', {
      method: 'DELETE',
      headers: { 'x-fleetdeck-csrf': me.data?.csrfToken ?? '' },
      credentials: 'same-origin',
    }).catch(() => undefined);
    const answer = signedOutSchema.safeParse(await response?.json().catch(() => undefined));
    // A full load, so nothing of this session stays in memory; with an identity provider, through its own
    // sign-out page, which comes back to the sign-in page.
    const providerSignOut = answer.success ? answer.data.providerSignOutUrl : undefined;
    window.location.replace(providerSignOut ?? new URL('/sign-in', window.location.href));
  };
  return (
    <div className="flex items-center gap-3 text-sm">
      <label
        className="flex items-center gap-1"
        title="Keep live updates flowing while this tab is hidden, for a wall screen."
      >
        <input type="checkbox" checked={pinned} onChange={(event) => setPinned(event.target.checked)} />
        Wallboard
      </label>
      <span>Signed in as {user}</span>
      <Button size="sm" onClick={() => void signOut()} disabled={!me.data}>
        Sign out
      </Button>
    </div>
  );
}
