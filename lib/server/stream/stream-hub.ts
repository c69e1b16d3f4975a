import 'server-only';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { summarizeEndpoint } from '@/lib/endpoints/summarize-endpoint';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import type { KindAccess } from '../fleet/kind-access';
import { visibleParts, visibleSummary } from '../fleet/visible-summary';
import { AppError } from '../http/app-error';
import { fleetStore, type FleetStore } from '../k8s/fleet-store';
import type { CacheChange } from '../k8s/resource-cache';
import { log } from '../log/logger';
import { runningConfigBook } from '../watch-memory/running-config-book';

export type StreamEvent =
  | { event: 'upsert'; data: EndpointSummary }
  | { event: 'delete'; data: { namespace: string; name: string } }
  | { event: 'resync'; data: { at: string } }
  | { event: 'cluster'; data: { reachable: boolean; at: string } };

export interface Subscriber {
  identityKey: string;
  /** null: every namespace. */
  namespaces: Set<string> | null;
  /** Which of EndpointConfigs and Models the subscriber may watch in a namespace: summaries use only those. */
  kinds: (namespace: string) => KindAccess;
  send: (event: StreamEvent) => void;
}

/**
 * Fans the shared watch out to every open stream. Only meaningful changes go out: an Endpoint is summarised
 * and sent only when its summary differs from the last one sent, so ACK's 30-second lastTransitionTime
 * restamp (and any other write that changes nothing a viewer sees) costs no traffic.
 */
export class StreamHub {
  private readonly lastSent = new Map<string, string>();
  private readonly subscribers = new Set<Subscriber>();
  private readonly slots = new Map<string, number>();
  private reserved = 0;

  constructor(private readonly store: FleetStore) {
    store.endpoints.onChange((change) => this.onEndpointChange(change));
    store.endpointConfigs.onChange((change) => this.onConfigChange(change));
    store.models.onChange((change) => this.onConfigChange(change));
    store.endpoints.onResync(() => this.broadcast({ event: 'resync', data: { at: new Date().toISOString() } }));
    store.probe.onChange((reachable) =>
      this.broadcast({ event: 'cluster', data: { reachable, at: new Date().toISOString() } }),
    );
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /**
   * Takes one of this replica's stream slots and one of the identity's, before any await, so concurrent requests
   * cannot all slip under either cap; the returned function gives both back (once) when the stream closes, is
   * dropped for not reading, or fails to open. Beyond `replicaLimit`: 503 (another replica can serve it);
   * beyond `identityLimit`: 429.
   */
  reserve(identityKey: string, identityLimit: number, replicaLimit: number): () => void {
    if (this.reserved >= replicaLimit) {
      throw new AppError(
        'server_busy',
        'This Fleetdeck server holds as many live streams as it may; try again shortly.',
        undefined,
        { 'Retry-After': '30' },
      );
    }
    const held = this.slots.get(identityKey) ?? 0;
    if (held >= identityLimit) {
      throw new AppError(
        'too_many_requests',
        'Too many live streams are open for you; close a tab or wait.',
        undefined,
        { 'Retry-After': '30' },
      );
    }
    this.slots.set(identityKey, held + 1);
    this.reserved += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.reserved -= 1;
      const left = (this.slots.get(identityKey) ?? 1) - 1;
      if (left > 0) this.slots.set(identityKey, left);
      else this.slots.delete(identityKey);
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private onEndpointChange(change: CacheChange): void {
    const namespace = change.object.metadata.namespace ?? '';
    const name = change.object.metadata.name;
    const key = `${namespace}/${name}`;
    if (change.type === 'DELETED') {
      this.lastSent.delete(key);
      this.deliver(namespace, { event: 'delete', data: { namespace, name } });
      return;
    }
    // The first change the hub sees for a key: compare with the version before it, so a restamp that
    // changed nothing is not sent just because nothing was sent yet.
    if (!this.lastSent.has(key) && change.previous) this.remember(key, namespace, change.previous);
    this.sendSummary(key, namespace, change.object);
  }

  private summaryJson(
    namespace: string,
    object: unknown,
  ): { endpoint: Endpoint; summary: EndpointSummary; json: string } | undefined {
    const parsed = endpointSchema.safeParse(object);
    if (!parsed.success) return undefined;
    const summary = summarizeEndpoint(
      parsed.data,
      this.store.configsIn(namespace),
      this.store.modelsIn(namespace),
      runningConfigBook().of(parsed.data),
    );
    return { endpoint: parsed.data, summary, json: JSON.stringify(summary) };
  }

  private remember(key: string, namespace: string, object: unknown): void {
    const previous = this.summaryJson(namespace, object);
    if (previous) this.lastSent.set(key, previous.json);
  }

  /** A new or changed config can change the instance types and models shown for endpoints naming it. */
  private onConfigChange(change: CacheChange): void {
    const namespace = change.object.metadata.namespace ?? '';
    for (const object of this.store.endpoints.list(namespace)) {
      this.sendSummary(`${namespace}/${object.metadata.name}`, namespace, object);
    }
  }

  // Whether anything changed is judged on the full summary; each subscriber gets the summary of what it may
  // read, made once per combination of readable kinds.
  private sendSummary(key: string, namespace: string, object: unknown): void {
    const current = this.summaryJson(namespace, object);
    if (!current || this.lastSent.get(key) === current.json) return;
    this.lastSent.set(key, current.json);
    const views = new Map<string, EndpointSummary>();
    this.deliver(namespace, (subscriber) => {
      const access = subscriber.kinds(namespace);
      if (access.omitted.length === 0) return { event: 'upsert', data: current.summary };
      const variant = [...access.readable].sort().join();
      const view = views.get(variant) ?? visibleSummary(current.endpoint, visibleParts(this.store, namespace, access));
      views.set(variant, view);
      return { event: 'upsert', data: view };
    });
  }

  private deliver(namespace: string, event: StreamEvent | ((subscriber: Subscriber) => StreamEvent)): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.namespaces === null || subscriber.namespaces.has(namespace)) {
        sendSafely(subscriber, typeof event === 'function' ? event(subscriber) : event);
      }
    }
  }

  private broadcast(event: StreamEvent): void {
    for (const subscriber of this.subscribers) sendSafely(subscriber, event);
  }
}

// One broken stream must not keep an event from the others.
function sendSafely(subscriber: Subscriber, event: StreamEvent): void {
  try {
    subscriber.send(event);
  } catch (error) {
    log.warn(`dropping an event for a broken stream: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const holder = globalThis as typeof globalThis & { __fleetdeckHub?: StreamHub };

/** The process's hub, created with the store on first use. */
export function streamHub(): StreamHub {
  holder.__fleetdeckHub ??= new StreamHub(fleetStore());
  return holder.__fleetdeckHub;
}
