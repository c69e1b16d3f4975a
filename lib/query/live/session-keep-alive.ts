import type { LiveStatus } from './live-status';

/** The part of LiveStream the keep-alive reads. */
export interface LiveStatusSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => LiveStatus;
}

/** How often an open page touches its session: well inside the server's shortest sensible idle timeout. */
export const keepAliveIntervalMs = 10 * 60_000;

/**
 * Every interval, calls `touch` if the page held a live stream at any moment since the last interval, so a
 * wallboard that only watches its stream counts as in use and the server re-seals the session's last-seen time
 * (a stream's response cannot carry a new cookie). Short drops do not reset the count; a page that stayed paused,
 * stale or signed out for a whole interval does not keep its session alive. Returns the stop function.
 */
export function keepSessionAlive(
  source: LiveStatusSource,
  touch: () => void,
  intervalMs = keepAliveIntervalMs,
): () => void {
  const isLive = () => source.getSnapshot().connection === 'live';
  let wasLive = isLive();
  const unsubscribe = source.subscribe(() => {
    if (isLive()) wasLive = true;
  });
  const timer = setInterval(() => {
    if (wasLive) touch();
    wasLive = isLive();
  }, intervalMs);
  return () => {
    unsubscribe();
    clearInterval(timer);
  };
}
