import 'server-only';
import { reconnectBackoff } from '@/lib/backoff';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { endpointConfigSchema, type EndpointConfig } from '@/lib/schemas/endpoint-config';
import { modelSchema, type Model } from '@/lib/schemas/model';
import { sagemakerApiVersion } from '@/lib/schemas/resource-kinds';
import { AppError } from '../http/app-error';
import { log as logger } from '../log/logger';
import { ClusterProbe } from './cluster-probe';
import type { KubeObject } from './kube-object';
import { ResourceCache } from './resource-cache';
import { serverKubeConfig } from './server-kube-config';

const log = (message: string) => logger.warn(message);

/** The shared watch caches of every kind Fleetdeck shows, and whether the cluster answers. One per process. */
export class FleetStore {
  readonly endpoints: ResourceCache;
  readonly endpointConfigs: ResourceCache;
  readonly models: ResourceCache;
  readonly events: ResourceCache;
  readonly probe: ClusterProbe;

  constructor() {
    const kubeConfig = serverKubeConfig();
    const cache = (path: string, fieldSelector?: string) =>
      new ResourceCache({
        kubeConfig,
        path,
        fieldSelector,
        renewSeconds: 300,
        idleMs: 150_000,
        backoff: reconnectBackoff,
        log,
      });
    const group = `/apis/${sagemakerApiVersion}`;
    this.endpoints = cache(`${group}/endpoints`);
    this.endpointConfigs = cache(`${group}/endpointconfigs`);
    this.models = cache(`${group}/models`);
    this.events = cache('/api/v1/events', `involvedObject.apiVersion=${sagemakerApiVersion}`);
    this.probe = new ClusterProbe(kubeConfig);
    const caches = [this.endpoints, this.endpointConfigs, this.models, this.events];
    for (const each of caches) each.start();
    // When the cluster answers again, the caches reconnect at once instead of finishing their backoff.
    this.probe.onChange((reachable) => {
      if (reachable) for (const each of caches) each.retryNow();
    });
    this.probe.start();
  }

  private get synced(): boolean {
    return this.endpoints.hasSynced && this.endpointConfigs.hasSynced && this.models.hasSynced;
  }

  /** Throws 503 until every kind a page needs has been listed once; from then on this replica can serve. */
  assertSynced(): void {
    if (!this.synced) {
      throw new AppError(
        'cluster_unavailable',
        'Fleetdeck is still loading the fleet from the cluster; try again in a moment.',
        undefined,
        retryAfter(2),
      );
    }
  }

  /**
   * Throws 503 unless the caches are filled and the cluster answers: never serve stale data as current.
   * Right after start it waits a few seconds for the first list rather than failing the first page. Each 503
   * says when to ask again (the next probe), so a live stream comes back as soon as it can rather than
   * after its full backoff.
   */
  async ensureServing(waitMs = 5000): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (!(this.synced && this.probe.checked) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    this.assertSynced();
    if (!this.probe.reachable)
      throw new AppError(
        'cluster_unavailable',
        'The cluster cannot be reached right now.',
        undefined,
        retryAfter(this.probe.intervalMs / 1000),
      );
  }

  endpoint(namespace: string, name: string): Endpoint | undefined {
    return parse(endpointSchema, this.endpoints.get(namespace, name));
  }

  endpointsIn(namespace?: string): Endpoint[] {
    return this.endpoints.list(namespace).flatMap((object) => parse(endpointSchema, object) ?? []);
  }

  configsIn(namespace: string): EndpointConfig[] {
    return this.endpointConfigs.list(namespace).flatMap((object) => parse(endpointConfigSchema, object) ?? []);
  }

  modelsIn(namespace: string): Model[] {
    return this.models.list(namespace).flatMap((object) => parse(modelSchema, object) ?? []);
  }
}

const retryAfter = (seconds: number) => ({ 'Retry-After': String(Math.ceil(seconds)) });

// Cached objects are replaced, never mutated, on change; so a parse can be remembered per object.
const parsedObjects = new WeakMap<KubeObject, unknown>();

function parse<T>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  object: KubeObject | undefined,
): T | undefined {
  if (!object) return undefined;
  if (parsedObjects.has(object)) return parsedObjects.get(object) as T | undefined;
  const parsed = schema.safeParse(object);
  const value = parsed.success ? parsed.data : undefined;
  parsedObjects.set(object, value);
  return value;
}

const holder = globalThis as typeof globalThis & { __fleetdeckStore?: FleetStore };

/** The process's store, started on first use (kept on globalThis so dev-mode reloads do not start another). */
export function fleetStore(): FleetStore {
  holder.__fleetdeckStore ??= new FleetStore();
  return holder.__fleetdeckStore;
}
