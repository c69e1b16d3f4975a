'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useLiveStatus, useReconnectNow } from './live-provider';

/**
 * The honest part of a monitoring screen: a banner when the data is stale, the session ended or the stream was
 * refused, and the content kept visible but dimmed until the stream is live again.
 */
export function StaleFrame({ children }: { children: ReactNode }) {
  const status = useLiveStatus();
  const reconnectNow = useReconnectNow();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const stale = status.connection === 'stale' || status.connection === 'signed-out' || status.connection === 'refused';
  const next = `${pathname}${search ? `?${search}` : ''}`;
  return (
    <>
      {status.connection === 'stale' && (
        <div
          role="alert"
          data-testid="stale-banner"
          className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:bg-amber-950 dark:text-amber-100"
        >
          <strong>Data may be out of date.</strong> {status.message} Fleetdeck keeps trying and will catch up on its
          own.
          {status.retryPending && (
            <>
              {' '}
              <Button variant="plain" onClick={reconnectNow} className="underline">
                Reconnect now
              </Button>
            </>
          )}
        </div>
      )}
      {status.connection === 'signed-out' && (
        <div
          role="alert"
          data-testid="signed-out-banner"
          className="mb-4 rounded border border-red-400 bg-red-50 p-3 text-red-950 dark:bg-red-950 dark:text-red-100"
        >
          <strong>{status.message}</strong>{' '}
          <a className="underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
            Sign in again
          </a>
        </div>
      )}
      {status.connection === 'refused' && (
        <div
          role="alert"
          data-testid="refused-banner"
          className="mb-4 rounded border border-red-400 bg-red-50 p-3 text-red-950 dark:bg-red-950 dark:text-red-100"
        >
          <strong>Live updates are off.</strong> {status.message}
        </div>
      )}
      <div
        data-stale={stale ? 'true' : undefined}
        className={stale ? 'opacity-60 transition-opacity' : 'transition-opacity'}
      >
        {children}
      </div>
    </>
  );
}
