// Starts the shared watch caches when the server starts, so the first page does not wait for the first list.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { fleetStore } = await import('./lib/server/k8s/fleet-store');
    const { eventLoopDelayP99Ms } = await import('./lib/server/metrics/event-loop');
    const { seriesRecorder } = await import('./lib/server/series/series-recorder');
    const { runningConfigBook } = await import('./lib/server/watch-memory/running-config-book');
    const { startRevocationWatch } = await import('./lib/server/auth/revocation-store');
    const { startOidcSessionSweep } = await import('./lib/server/auth/oidc/oidc-session-store');
    fleetStore();
    // A replica must know who signed out before it accepts a session cookie; readiness waits for this list.
    startRevocationWatch();
    // Most oidc sessions end by expiring, and their Secrets must not pile up.
    startOidcSessionSweep();
    // Charts show the hours before a page was opened, so recording starts with the server, not the first page.
    seriesRecorder();
    // Both fleets of an update are named from what the watch saw before it began, so that starts with the server.
    runningConfigBook();
    eventLoopDelayP99Ms();
  }
}
