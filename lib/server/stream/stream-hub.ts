import 'server-only';
import { summarizeEndpoint } from '@/lib/endpoints/summarize-endpoint';
import { endpointSchema } from '@/lib/schemas/endpoint';
import { fleetStore, type FleetStore } from '../k8s/fleet-store';
import type { CacheChange } from '../k8s/resource-cache';

export type StreamEvent =
  | { event: 'upsert'; data: ReturnType<typeof summarizeEndpoint> }
  | { event: 'delete'; data: { namespace: string; name: string } }
  | { event: 'resync'; data: { at: string } }
  | { event: 'cluster'; data: { reachable: boolean; at: string } };

export interface Subscriber {
  identityKey: string;
  /** null: every namespace. */
  namespaces: Set<string> | null;
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
  readonly counters = { rawEvents: 0, forwarded: 0 };

  constructor(private readonly store: FleetStore) {
    store.endpoints.onChange((change) => this.onEndpointChange(change));
    store.endpointConfigs.onChange((change) => this.onConfigChange(change));
    store.endpoints.onResync(() => this.broadcast({ event: 'resync', data: { at: new Date().toISOString() } }));
    store.probe.onChange((reachable) => this.broadcast({ event: 'cluster', data: { reachable, at: new Date().toISOString() } }));
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  streamsOf(identityKey: string): number {
    let count = 0;
    for (const subscriber of this.subscribers) if (subscriber.identityKey === identityKey) count++;
    return count;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private onEndpointChange(change: CacheChange): void {
    this.counters.rawEvents++;
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

  private summaryJson(namespace: string, object: unknown): { summary: ReturnType<typeof summarizeEndpoint>; json: string } | undefined {
    const parsed = endpointSchema.safeParse(object);
    if (!parsed.success) return undefined;
    const summary = summarizeEndpoint(parsed.data, this.store.configsIn(namespace));
    return { summary, json: JSON.stringify(summary) };
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

  private sendSummary(key: string, namespace: string, object: unknown): void {
    const current = this.summaryJson(namespace, object);
    if (!current || this.lastSent.get(key) === current.json) return;
    this.lastSent.set(key, current.json);
    this.deliver(namespace, { event: 'upsert', data: current.summary });
  }

  private deliver(namespace: string, event: StreamEvent): void {
    for (const subscriber of this.subscribers) {
      if (subscriber.namespaces === null || subscriber.namespaces.has(namespace)) {
        this.counters.forwarded++;
        subscriber.send(event);
      }
    }
  }

  private broadcast(event: StreamEvent): void {
    for (const subscriber of this.subscribers) subscriber.send(event);
  }
}

const holder = globalThis as typeof globalThis & { __fleetdeckHub?: StreamHub };

/** The process's hub, created with the store on first use. */
export function streamHub(): StreamHub {
  holder.__fleetdeckHub ??= new StreamHub(fleetStore());
  return holder.__fleetdeckHub;
}
