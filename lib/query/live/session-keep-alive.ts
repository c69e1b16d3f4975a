import { keepAliveIntervalMs } from '@/lib/api/session-timing';
import type { LiveStatus } from './live-status';

/** The part of LiveStream the keep-alive reads. */
export interface LiveStatusSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => LiveStatus;
}

/**
 * Every interval, calls `touch` if the page held a live stream at any moment since the last interval, so a
 * wallboard that only watches its stream counts as in use and the server re-seals the session's last-seen time
 * (a stream's response cannot carry a new cookie). Short drops do not reset the count; a page that stayed paused,
 * stale or signed out for a whole interval does not keep its session alive. `interval` is read again for each
 * interval, so a page that learns the session's idle timeout later (from /api/me) follows it. Returns the stop
 * function.
 */
export function keepSessionAlive(
  source: LiveStatusSource,
  touch: () => void,
  interval: number | (() => number) = keepAliveIntervalMs(undefined),
): () => void {
  const nextMs = typeof interval === 'number' ? () => interval : interval;
  const isLive = () => source.getSnapshot().connection === 'live';
  let wasLive = isLive();
  const unsubscribe = source.subscribe(() => {
    if (isLive()) wasLive = true;
  });
  let timer: ReturnType<typeof setTimeout>;
  const schedule = () => {
    timer = setTimeout(() => {
      if (wasLive) touch();
      wasLive = isLive();
      schedule();
    }, nextMs());
  };
  schedule();
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
