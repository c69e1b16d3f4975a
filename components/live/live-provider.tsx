'use client';

import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { keepAliveIntervalMs } from '@/lib/api/session-timing';
import { isApiError } from '@/lib/query/api-error';
import { LiveStream } from '@/lib/query/live/live-stream';
import type { LiveStatus } from '@/lib/query/live/live-status';
import { keepSessionAlive } from '@/lib/query/live/session-keep-alive';
import { meQueryOptions } from '@/lib/query/use-me';

const LiveContext = createContext<LiveStream | null>(null);
const PIN_KEY = 'fleetdeck.wallboard';
const initial: LiveStatus = { connection: 'connecting' };

/** One live stream per tab, feeding the query cache; children read its status with useLiveStatus(). */
export function LiveProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [stream] = useState(() => new LiveStream(queryClient));
  useEffect(() => {
    stream.setPinned(readPinned());
    stream.start();
    // A read that gets 401 means the session ended: stop the stream and ask the user to sign in again.
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type === 'updated' &&
        event.action.type === 'error' &&
        isApiError(event.action.error) &&
        event.action.error.httpStatus === 401
      ) {
        stream.markSignedOut();
      }
    });
    // A page that only watches its stream is in use: touch the session so its idle timeout does not end it,
    // as often as the idle timeout /api/me reports needs, so the keep-alive starts once that is known (or
    // could not be read: then at the longest interval until a touch reads it).
    const idleSeconds = () => queryClient.getQueryData(meQueryOptions().queryKey)?.sessionIdleSeconds;
    let stopKeepAlive: (() => void) | undefined;
    let unmounted = false;
    void queryClient
      .fetchQuery(meQueryOptions())
      .catch(() => undefined)
      .then(() => {
        if (unmounted) return;
        stopKeepAlive = keepSessionAlive(
          stream,
          // A 401 here reaches the cache subscription above like any other read's.
          () => void queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 }).catch(() => undefined),
          () => keepAliveIntervalMs(idleSeconds()),
        );
      });
    return () => {
      unmounted = true;
      stopKeepAlive?.();
      unsubscribe();
      stream.stop();
    };
  }, [stream, queryClient]);
  return <LiveContext.Provider value={stream}>{children}</LiveContext.Provider>;
}

function useLiveStream(): LiveStream {
  const stream = useContext(LiveContext);
  if (!stream) throw new Error('useLiveStream needs a LiveProvider');
  return stream;
}

/** How current the data on screen is. */
export function useLiveStatus(): LiveStatus {
  const stream = useLiveStream();
  return useSyncExternalStore(stream.subscribe, stream.getSnapshot, () => initial);
}

/** Try the stream again now instead of waiting out the backoff. */
export function useReconnectNow(): () => void {
  const stream = useLiveStream();
  return stream.reconnectNow;
}

/** Call when an API answer says the session ended. */
export function useMarkSignedOut(): () => void {
  const stream = useLiveStream();
  return () => stream.markSignedOut();
}

function readPinned(): boolean {
  if (new URLSearchParams(window.location.search).get('wallboard') === '1') return true;
  try {
    return window.localStorage.getItem(PIN_KEY) === '1';
  } catch {
    return false;
  }
}

/** Whether this browser keeps streams open in hidden tabs (a wall screen), and a setter. */
export function useWallboardPin(): [boolean, (pinned: boolean) => void] {
  const stream = useLiveStream();
  const pinned = useSyncExternalStore(stream.subscribe, stream.getPinned, () => false);
  const setPinned = (next: boolean) => {
    try {
      window.localStorage.setItem(PIN_KEY, next ? '1' : '0');
    } catch {
      // Private mode: the pin lasts for this page only.
    }
    stream.setPinned(next);
  };
  return [pinned, setPinned];
}
