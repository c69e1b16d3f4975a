'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
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
        <Callout tone="warning" role="alert" data-testid="stale-banner" className="mb-4">
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
        </Callout>
      )}
      {status.connection === 'signed-out' && (
        <Callout tone="error" role="alert" data-testid="signed-out-banner" className="mb-4">
          <strong>{status.message}</strong>{' '}
          <a className="underline" href={`/sign-in?next=${encodeURIComponent(next)}`}>
            Sign in again
          </a>
        </Callout>
      )}
      {status.connection === 'refused' && (
        <Callout tone="error" role="alert" data-testid="refused-banner" className="mb-4">
          <strong>Live updates are off.</strong> {status.message}
        </Callout>
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
