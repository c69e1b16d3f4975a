import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { KubeObject } from '../k8s/kube-object';
import type { CacheChange } from '../k8s/resource-cache';
import { RunningConfigBook, type EndpointFeed } from './running-config-book';

/** A stand-in for the Endpoint cache: changes and re-lists are delivered as the real cache delivers them. */
class FakeFeed implements EndpointFeed {
  private changeListener?: (change: CacheChange) => void;
  private resyncListener?: () => void;
  private readonly objects = new Map<string, KubeObject>();
  constructor(initial: KubeObject[] = []) {
    for (const object of initial) this.store(object);
  }
  onChange(listener: (change: CacheChange) => void) {
    this.changeListener = listener;
  }
  onResync(listener: () => void) {
    this.resyncListener = listener;
  }
  list() {
    return [...this.objects.values()];
  }
  get(namespace: string, name: string) {
    return this.objects.get(`${namespace}/${name}`);
  }
  // As the cache does: stored before anyone is told.
  store(object: KubeObject) {
    this.objects.set(`${object.metadata.namespace}/${object.metadata.name}`, object);
  }
  watch(object: Endpoint) {
    this.store(object as KubeObject);
    this.changeListener!({ type: 'MODIFIED', object: object as KubeObject });
  }
  // A re-list after the watch was lost: the list request, then its changes and the resync in one synchronous run.
  async relist(object: Endpoint) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.store(object as KubeObject);
    this.changeListener!({ type: 'MODIFIED', object: object as KubeObject });
    this.resyncListener!();
  }
  delete(object: Endpoint) {
    this.objects.delete(`${object.metadata.namespace}/${object.metadata.name}`);
    this.changeListener!({ type: 'DELETED', object: object as KubeObject });
  }
}

let version = 0;
function endpoint(status: Endpoint['status'], configName: string): Endpoint {
  return {
    metadata: { name: 'ep', namespace: 'ns', uid: 'u1', resourceVersion: String(++version) },
    spec: { endpointName: 'ep', endpointConfigName: configName },
    status,
  };
}
const synced = [{ type: 'ACK.ResourceSynced', status: 'True' }];
const inService = (config: string) => endpoint({ endpointStatus: 'InService', conditions: synced }, config);
const updating = (config: string) =>
  endpoint({ endpointStatus: 'Updating', pendingDeploymentSummary: { endpointConfigName: config } }, config);

describe('RunningConfigBook', () => {
  it('names the old config of an update it saw start on the watch', () => {
    const feed = new FakeFeed();
    const book = new RunningConfigBook(feed);
    feed.watch(inService('cfg-v1'));
    const next = updating('cfg-v2');
    feed.watch(next);
    expect(book.of(next)).toMatchObject({ liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2' });
  });

  it('says unknown when its first list finds the endpoint mid-update', () => {
    const next = updating('cfg-v2');
    const book = new RunningConfigBook(new FakeFeed([next as KubeObject]));
    expect(book.of(next)).toMatchObject({ deployingTo: 'cfg-v2', unknown: 'started-mid-update' });
  });

  it('says unknown when a re-list finds an update the watch did not see start', async () => {
    const feed = new FakeFeed();
    const book = new RunningConfigBook(feed);
    feed.watch(inService('cfg-v1'));
    const next = updating('cfg-v3');
    await feed.relist(next);
    expect(book.of(next)).toEqual({ uid: 'u1', deployingTo: 'cfg-v3', busy: true, unknown: 'watch-gap' });
  });

  it('keeps what it knows when a re-list finds the update it already saw', async () => {
    const feed = new FakeFeed();
    const book = new RunningConfigBook(feed);
    feed.watch(inService('cfg-v1'));
    feed.watch(updating('cfg-v2'));
    const later = updating('cfg-v2');
    await feed.relist(later);
    expect(book.of(later)).toMatchObject({ liveConfigName: 'cfg-v1' });
  });

  it('brings the memory up to the current version asked about, before its own listener ran', () => {
    const feed = new FakeFeed();
    const book = new RunningConfigBook(feed);
    const first = inService('cfg-v1');
    feed.watch(first);
    const next = updating('cfg-v2');
    feed.store(next as KubeObject);
    expect(book.of(next)).toMatchObject({ liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2' });
    // An older version asked about (the stream's baseline) does not take the memory back.
    expect(book.of(first)).toMatchObject({ liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2' });
    // The same version delivered afterwards changes nothing.
    feed.watch(next);
    expect(book.of(next)).toMatchObject({ liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2' });
  });

  it('forgets a deleted endpoint', () => {
    const feed = new FakeFeed();
    const book = new RunningConfigBook(feed);
    const object = inService('cfg-v1');
    feed.watch(object);
    expect(book.size).toBe(1);
    feed.delete(object);
    expect(book.size).toBe(0);
  });
});
