import type { KubeConfig } from '@kubernetes/client-node';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KubeObject } from './kube-object';
import { ResourceCache } from './resource-cache';

// The API server as the cache sees it: list pages through kubeRequest, watches through the client's Watch. Both
// are stood in for here; the test plays the API server's part by answering lists and driving each watch.
interface OpenWatch {
  send: (type: string, object: unknown) => void;
  end: (error?: Error) => void;
}

const api = vi.hoisted(() => ({
  items: [] as unknown[],
  version: '1',
  reachable: true,
  requests: 0,
  watches: [] as OpenWatch[],
}));

vi.mock('./kube-request', () => ({
  kubeRequest: async () => {
    api.requests += 1;
    if (!api.reachable) throw new Error('connect ECONNREFUSED');
    return { items: structuredClone(api.items), metadata: { resourceVersion: api.version } };
  },
}));

vi.mock('@kubernetes/client-node', () => ({
  Watch: class {
    async watch(_path: string, _query: unknown, callback: (type: string, object: unknown) => void, done: (error: unknown) => void) {
      api.requests += 1;
      const controller = new AbortController();
      if (!api.reachable) {
        done(new Error('connect ECONNREFUSED'));
        return controller;
      }
      api.watches.push({ send: callback, end: (error) => done(error ?? null) });
      return controller;
    }
  },
}));

const object = (name: string, resourceVersion: string): KubeObject => ({ metadata: { namespace: 'ns', name, resourceVersion } });
const policy = { baseMs: 1000, capMs: 30_000, healthyMs: 30_000 };
const settle = () => vi.advanceTimersByTimeAsync(0);

/** How long until the cache asks the API server again (list or watch), in steps of 100 ms. */
async function nextRequestAfter(): Promise<number> {
  const before = api.requests;
  let waited = 0;
  while (api.requests === before) {
    await vi.advanceTimersByTimeAsync(100);
    waited += 100;
    if (waited > 60_000) throw new Error('no request within 60 s');
  }
  return waited;
}

describe('ResourceCache', () => {
  let cache: ResourceCache;

  beforeEach(() => {
    vi.useFakeTimers();
    // Full jitter draws from [0, ceiling); half of it makes each delay known.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    Object.assign(api, { items: [], version: '1', reachable: true, requests: 0, watches: [] });
    cache = new ResourceCache({ kubeConfig: {} as KubeConfig, path: '/apis/example/v1/things', renewSeconds: 300, idleMs: 600_000, backoff: policy, log: () => undefined });
  });

  afterEach(() => {
    cache.stop();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('stores a re-list before telling listeners, so one that reads the cache reads the new contents', async () => {
    api.items = [object('kept', '1'), object('gone', '1')];
    cache.start();
    await settle();
    expect(api.watches).toHaveLength(1);
    const seen: Array<{ type: string; name: string; cached?: string }> = [];
    cache.onChange(({ type, object: changed }) => seen.push({ type, name: changed.metadata.name, cached: cache.get('ns', changed.metadata.name)?.metadata.resourceVersion }));

    api.items = [object('kept', '2'), object('new', '2')];
    api.version = '2';
    // 410 Gone: the watch cannot resume, so the cache lists again.
    api.watches[0]!.send('ERROR', { code: 410 });
    await settle();
    expect(seen).toEqual([
      { type: 'DELETED', name: 'gone', cached: undefined },
      { type: 'MODIFIED', name: 'kept', cached: '2' },
      { type: 'ADDED', name: 'new', cached: '2' },
    ]);
    expect(api.watches).toHaveLength(2);
  });

  it('keeps backing off when a watch fails soon after events came, and starts over only after a healthy period', async () => {
    api.reachable = false;
    cache.start();
    await settle();
    expect([await nextRequestAfter(), await nextRequestAfter()]).toEqual([500, 1000]);
    api.reachable = true;
    expect(await nextRequestAfter()).toBe(2000);
    expect(cache.hasSynced).toBe(true);

    // The watch opens and carries an event, then drops within a second: the next wait is still longer.
    api.watches[0]!.send('MODIFIED', object('a', '2'));
    await vi.advanceTimersByTimeAsync(1000);
    api.watches[0]!.end(new Error('connection reset'));
    expect(await nextRequestAfter()).toBe(4000);

    // This one stays up for 30 s before it drops: the next wait is the first again.
    await vi.advanceTimersByTimeAsync(policy.healthyMs);
    api.watches[1]!.end(new Error('connection reset'));
    expect(await nextRequestAfter()).toBe(500);
  });
});
