import 'server-only';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The process's registry and the counters Fleetdeck's own code moves as things happen. */
export interface FleetdeckMetrics {
  registry: Registry;
  watchEventsReceived: Counter<'kind' | 'type'>;
  relists: Counter<'kind'>;
  streamEventsSent: Counter<'event'>;
  accessReviewLookups: Counter<'result'>;
  apiServerDuration: Histogram<'verb' | 'code'>;
  apiServerErrors: Counter<'verb' | 'reason'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  oidcSignIns: Counter<'outcome'>;
  oidcRefreshes: Counter<'outcome'>;
}

function create(): FleetdeckMetrics {
  const registry = new Registry();
  // Process CPU, memory, file descriptors, GC, and event-loop lag (nodejs_eventloop_lag_* from a histogram
  // that monitors the loop all the time, not only at scrape).
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    watchEventsReceived: new Counter({
      name: 'fleetdeck_watch_events_received_total',
      help: 'Watch events received from the API server by the shared caches, by kind and event type.',
      labelNames: ['kind', 'type'],
      registers,
    }),
    relists: new Counter({
      name: 'fleetdeck_watch_relists_total',
      help: 'Full lists after the first, by kind: a watch too old to resume (410 Gone) or a reconnect.',
      labelNames: ['kind'],
      registers,
    }),
    streamEventsSent: new Counter({
      name: 'fleetdeck_stream_events_sent_total',
      help: 'Server-Sent Events written to live streams, by event (upsert, delete, heartbeat, ...), one per stream.',
      labelNames: ['event'],
      registers,
    }),
    accessReviewLookups: new Counter({
      name: 'fleetdeck_access_review_cache_lookups_total',
      help: 'Access questions answered from the 30 s cache (hit), asked of the API server (miss), or asked fresh on purpose (bypass).',
      labelNames: ['result'],
      registers,
    }),
    apiServerDuration: new Histogram({
      name: 'fleetdeck_apiserver_request_duration_seconds',
      help: 'Requests to the Kubernetes API server (watches excluded), by verb and HTTP code, or timeout or unreachable.',
      labelNames: ['verb', 'code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    apiServerErrors: new Counter({
      name: 'fleetdeck_apiserver_request_errors_total',
      help: 'API server requests that failed: timeout, unreachable, throttled (429) or server_error (5xx).',
      labelNames: ['verb', 'reason'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'fleetdeck_http_request_duration_seconds',
      help: 'API requests served, by method, route pattern and status; a stream counts until its headers are sent.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    oidcSignIns: new Counter({
      name: 'fleetdeck_oidc_sign_ins_total',
      help: 'oidc mode: sign-ins back from the identity provider, by outcome: ok, or why it was refused (state, nonce, code-refused, audience, issuer, expired, cluster-refused, ...).',
      labelNames: ['outcome'],
      registers,
    }),
    oidcRefreshes: new Counter({
      name: 'fleetdeck_oidc_refreshes_total',
      help: 'oidc mode: ID-token refreshes this replica made, by outcome: ok, refused (the session ended) or unreachable (the session stays).',
      labelNames: ['outcome'],
      registers,
    }),
  };
}

// On globalThis: each route is bundled separately and the shared watch starts from another bundle, and dev-mode
// reloads re-run modules; a second registry would count half the events or register every metric twice.
const holder = globalThis as typeof globalThis & { __fleetdeckMetrics?: FleetdeckMetrics };

/** The process's one set of metrics, created on first use. */
export function fleetdeckMetrics(): FleetdeckMetrics {
  holder.__fleetdeckMetrics ??= create();
  return holder.__fleetdeckMetrics;
}
