import type { LiveStatus } from './live-status';

/** The part of LiveStream the keep-alive reads. */
export interface LiveStatusSource {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => LiveStatus;
}

/** How often an open page touches its session: well inside the server's shortest sensible idle timeout. */
export const keepAliveIntervalMs = 10 * 60_000;

/**
 * While the page holds a live stream, calls `touch` every interval, so a wallboard that only watches its stream
 * counts as in use and the server re-seals the session's last-seen time (a stream's response cannot carry a new
 * cookie). A paused, stale or signed-out page does not keep its session alive. Returns the stop function.
 */
export function keepSessionAlive(
  source: LiveStatusSource,
  touch: () => void,
  intervalMs = keepAliveIntervalMs,
): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const update = () => {
    const live = source.getSnapshot().connection === 'live';
    if (live && timer === undefined) timer = setInterval(touch, intervalMs);
    if (!live && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const unsubscribe = source.subscribe(update);
  update();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearInterval(timer);
  };
}
