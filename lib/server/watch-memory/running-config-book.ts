import 'server-only';
import { rememberRunningConfig, type RunningConfigMemory } from '@/lib/endpoints/running-config';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { fleetStore } from '../k8s/fleet-store';
import type { KubeObject } from '../k8s/kube-object';
import type { CacheChange } from '../k8s/resource-cache';

/** The part of the Endpoint cache the book reads: its changes, its re-lists and its objects. */
export interface EndpointFeed {
  onChange(listener: (change: CacheChange) => void): unknown;
  onResync(listener: () => void): unknown;
  list(): KubeObject[];
  get(namespace: string, name: string): KubeObject | undefined;
}

interface Entry {
  memory: RunningConfigMemory;
  /** The resourceVersion the memory is up to, so seeing the same version twice changes nothing. */
  version?: string;
}

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

/**
 * Remembers, from the shared Endpoint watch, the config each endpoint last ran InService and the deployment in
 * flight (`rememberRunningConfig`), so both fleets of an update can be named whoever started it. One small entry
 * per endpoint in the cache (two names of at most 63 characters and a few fields), dropped with the endpoint: memory
 * grows with the fleet, never with time. In memory only, per replica (docs/decisions/006-fleet-memory.md): a
 * replica that starts mid-update says it does not know the old config.
 */
export class RunningConfigBook {
  private readonly entries = new Map<string, Entry>();
  // Endpoints that went from at rest into a deployment in the current synchronous run of changes: a re-list emits
  // all its changes and then its resync in one run, so at the resync these are the jumps the re-list made.
  private jumped: string[] = [];

  constructor(private readonly feed: EndpointFeed) {
    feed.onChange((change) => this.onChange(change));
    feed.onResync(() => this.onResync());
    for (const object of feed.list()) this.observeObject(object);
  }

  /**
   * The memory of an endpoint. When `endpoint` is the cache's current version the memory is first brought up to
   * it, so a caller that reads before this book's own listener ran still gets the memory of what it reads; an
   * older version (the stream's baseline) is never observed, as that would take the memory back in time.
   */
  of(endpoint: Endpoint): RunningConfigMemory | undefined {
    const namespace = endpoint.metadata.namespace ?? '';
    const current = this.feed.get(namespace, endpoint.metadata.name);
    if (current && current.metadata.resourceVersion === endpoint.metadata.resourceVersion) this.observe(endpoint);
    return this.entries.get(keyOf(namespace, endpoint.metadata.name))?.memory;
  }

  /** How many endpoints are remembered. */
  get size(): number {
    return this.entries.size;
  }

  private onChange(change: CacheChange): void {
    if (change.type === 'DELETED')
      this.entries.delete(keyOf(change.object.metadata.namespace ?? '', change.object.metadata.name));
    else this.observeObject(change.object);
  }

  // A re-list replaced what the watch had missed: a deployment it found that the watch did not see start may
  // follow a whole update this replica never saw, so its old config is not known.
  private onResync(): void {
    for (const key of this.jumped) {
      const entry = this.entries.get(key);
      if (entry?.memory.deployingTo !== undefined) {
        const { liveConfigName: _dropped, ...rest } = entry.memory;
        entry.memory = { ...rest, unknown: 'watch-gap' };
      }
    }
    this.jumped = [];
  }

  private observeObject(object: KubeObject): void {
    const parsed = endpointSchema.safeParse(object);
    if (parsed.success) this.observe(parsed.data);
  }

  private observe(endpoint: Endpoint): void {
    const key = keyOf(endpoint.metadata.namespace ?? '', endpoint.metadata.name);
    const entry = this.entries.get(key);
    const version = endpoint.metadata.resourceVersion;
    if (entry && version !== undefined && entry.version === version && entry.memory.uid === endpoint.metadata.uid)
      return;
    const memory = rememberRunningConfig(entry?.memory, endpoint);
    this.entries.set(key, { memory, version });
    if (entry && memory.deployingTo !== undefined && memory.deployingTo !== entry.memory.deployingTo) {
      if (this.jumped.length === 0) queueMicrotask(() => (this.jumped = []));
      this.jumped.push(key);
    }
  }
}

const holder = globalThis as typeof globalThis & { __fleetdeckRunningConfigs?: RunningConfigBook };

/** The process's book, created with the store on first use (at server start, with the series recorder). */
export function runningConfigBook(): RunningConfigBook {
  holder.__fleetdeckRunningConfigs ??= new RunningConfigBook(fleetStore().endpoints);
  return holder.__fleetdeckRunningConfigs;
}
