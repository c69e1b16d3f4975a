import 'server-only';
import { fleetdeckMetrics } from './registry';

// The one-line hooks the watch, the streams, access reviews and the API-server client call as things happen.
// Every label value comes from a short closed set, never from an object's name.

const KINDS: Record<string, string> = {
  endpoints: 'Endpoint',
  endpointconfigs: 'EndpointConfig',
  models: 'Model',
  events: 'Event',
  configmaps: 'ConfigMap',
};

/** The kind a shared cache watches, from its collection path (`.../endpoints` is Endpoint). */
export function kindOfPath(path: string): string {
  const resource = path.slice(path.lastIndexOf('/') + 1);
  return KINDS[resource] ?? resource;
}

const WATCH_TYPES = new Set(['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR']);

/** A watch event a shared cache received. */
export function recordWatchEvent(path: string, type: string): void {
  fleetdeckMetrics().watchEventsReceived.inc({ kind: kindOfPath(path), type: WATCH_TYPES.has(type) ? type : 'other' });
}

/** A shared cache listing its kind again after its first list. */
export function recordRelist(path: string): void {
  fleetdeckMetrics().relists.inc({ kind: kindOfPath(path) });
}

/** An event written to one live stream. */
export function recordStreamEvent(event: string): void {
  fleetdeckMetrics().streamEventsSent.inc({ event });
}

/** An access question: answered from the cache, asked because it was not there, or asked fresh on purpose. */
export function recordAccessReview(result: 'hit' | 'miss' | 'bypass'): void {
  fleetdeckMetrics().accessReviewLookups.inc({ result });
}

/**
 * A request to the API server that ended: with an HTTP status, or with `timeout` or `unreachable` when no
 * answer came. Refusals (403, 404, 409) are answers; only a server that failed to answer counts as an error.
 */
export function recordApiServerRequest(verb: string, outcome: number | 'timeout' | 'unreachable', startedMs: number) {
  const metrics = fleetdeckMetrics();
  const code = String(outcome);
  metrics.apiServerDuration.observe({ verb, code }, (performance.now() - startedMs) / 1000);
  const reason =
    typeof outcome === 'string' ? outcome : outcome === 429 ? 'throttled' : outcome >= 500 ? 'server_error' : undefined;
  if (reason) metrics.apiServerErrors.inc({ verb, reason });
}

/** An HTTP request Fleetdeck served, by route pattern (never the raw path) and status. */
export function recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
  fleetdeckMetrics().httpDuration.observe({ method, route, status: String(status) }, seconds);
}
