import 'server-only';
import { Gauge, type Registry } from 'prom-client';
import { fleetStore } from '../k8s/fleet-store';
import { streamHub } from '../stream/stream-hub';
import { endpointLabels } from './endpoint-labels';
import { metricsSettings } from './metrics-settings';

/** The gauge named `name` in the registry, created the first time. */
function gauge<T extends string>(registry: Registry, name: string, help: string, labelNames: T[]): Gauge<T> {
  const existing = registry.getSingleMetric(name) as Gauge<T> | undefined;
  return existing ?? new Gauge({ name, help, labelNames, registers: [registry] });
}

/**
 * Sets the fleet gauges from the shared watch cache, just before a scrape reads them. Each gauge is reset
 * first, so a namespace or status that no Endpoint has any more leaves the output instead of staying at its
 * last count. Per-Endpoint series exist only with FLEETDECK_METRICS_PER_ENDPOINT.
 */
export function updateFleetGauges(registry: Registry): void {
  const store = fleetStore();
  const endpoints = gauge(registry, 'fleetdeck_endpoints', 'Endpoints by namespace, status and health.', [
    'namespace',
    'status',
    'health',
  ]);
  const deploying = gauge(
    registry,
    'fleetdeck_endpoint_deployments_in_progress',
    'Endpoints SageMaker is changing now (a deployment, or Creating, Updating, SystemUpdating, RollingBack), by namespace.',
    ['namespace'],
  );
  const rolledBack = gauge(
    registry,
    'fleetdeck_endpoints_rolled_back',
    'Endpoints whose last update SageMaker rolled back and ACK will not retry, by namespace.',
    ['namespace'],
  );
  const cached = gauge(registry, 'fleetdeck_watch_cache_objects', 'Objects in the shared watch cache, by kind.', [
    'kind',
  ]);
  const synced = gauge(registry, 'fleetdeck_watch_synced', '1 once the shared cache of a kind has listed it.', [
    'kind',
  ]);
  const reachable = gauge(registry, 'fleetdeck_cluster_reachable', '1 when the API server answers the probe.', []);
  const streams = gauge(registry, 'fleetdeck_streams_open', 'Live streams this replica holds.', []);

  for (const each of [endpoints, deploying, rolledBack]) each.reset();
  const perEndpoint = metricsSettings().FLEETDECK_METRICS_PER_ENDPOINT
    ? gauge(registry, 'fleetdeck_endpoint_info', 'One series per Endpoint, value 1, with its status and health.', [
        'namespace',
        'name',
        'status',
        'health',
      ])
    : undefined;
  perEndpoint?.reset();
  // The registry outlives a dev-mode reload that turned the setting off: its series must go with it.
  if (!perEndpoint) registry.removeSingleMetric('fleetdeck_endpoint_info');

  const counts = new Map<string, { namespace: string; status: string; health: string; count: number }>();
  const deployingIn = new Map<string, number>();
  const rolledBackIn = new Map<string, number>();
  for (const endpoint of store.endpointsIn()) {
    const namespace = endpoint.metadata.namespace ?? '';
    const labels = endpointLabels(endpoint);
    const key = `${namespace}\0${labels.status}\0${labels.health}`;
    const entry = counts.get(key) ?? { namespace, status: labels.status, health: labels.health, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
    // Every namespace gets both gauges, zero included, so "no deployment running" is a value, not an absence.
    deployingIn.set(namespace, (deployingIn.get(namespace) ?? 0) + (labels.deploying ? 1 : 0));
    rolledBackIn.set(namespace, (rolledBackIn.get(namespace) ?? 0) + (labels.rolledBack ? 1 : 0));
    perEndpoint?.set({ namespace, name: endpoint.metadata.name, status: labels.status, health: labels.health }, 1);
  }
  for (const { count, ...labels } of counts.values()) endpoints.set(labels, count);
  for (const [namespace, count] of deployingIn) deploying.set({ namespace }, count);
  for (const [namespace, count] of rolledBackIn) rolledBack.set({ namespace }, count);

  for (const [kind, cache] of [
    ['Endpoint', store.endpoints],
    ['EndpointConfig', store.endpointConfigs],
    ['Model', store.models],
    ['Event', store.events],
  ] as const) {
    cached.set({ kind }, cache.size);
    synced.set({ kind }, cache.hasSynced ? 1 : 0);
  }
  reachable.set(store.probe.reachable ? 1 : 0);
  streams.set(streamHub().subscriberCount);
}
