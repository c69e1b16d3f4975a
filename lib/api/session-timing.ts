// The two clocks of a signed-in session that the server and the browser must agree on: how often the server
// re-seals the cookie's last-seen time, and how often a page that only watches its stream touches the session.

/**
 * How old a session's last-seen time gets before a request re-seals it: 5 minutes, or a quarter of a shorter
 * idle timeout, so the cookie is rewritten a few times an hour at most.
 */
export const sessionRefreshMs = (idleMs: number): number => Math.min(5 * 60_000, idleMs / 4);

/**
 * How often a page holding a live stream touches its session, given the idle timeout (seconds; null or
 * undefined when the server has no sessions or has not said): 10 minutes, or a third of a shorter idle timeout,
 * at least a second. A touch may find the last-seen time too fresh to re-seal, so the next must land within
 * the idle timeout counted from the last re-seal: refresh + interval stays under 7/12 of it, leaving room for
 * the timers browsers slow down in background tabs.
 */
export function keepAliveIntervalMs(idleSeconds: number | null | undefined): number {
  const longest = 10 * 60_000;
  if (!idleSeconds) return longest;
  return Math.max(1000, Math.min(longest, Math.floor((idleSeconds * 1000) / 3)));
}
