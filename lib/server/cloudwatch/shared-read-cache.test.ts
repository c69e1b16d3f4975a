import { describe, expect, it } from 'vitest';
import { SharedReadCache } from './shared-read-cache';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('SharedReadCache', () => {
  const make = (maxEntries = 10) => {
    const clock = { now: 1_000 };
    const cache = new SharedReadCache<string>({
      maxEntries,
      ttlMs: (value) => (value.startsWith('error') ? 5_000 : 60_000),
      maxPendingMs: 30_000,
      now: () => clock.now,
    });
    return { cache, clock };
  };

  it('joins a read in flight: a hundred callers, one load', async () => {
    const { cache } = make();
    const pending = deferred<string>();
    let loads = 0;
    const load = () => {
      loads++;
      return pending.promise;
    };
    const readers = Array.from({ length: 100 }, () => cache.get('endpoint', load));
    pending.resolve('points');
    expect(await Promise.all(readers)).toEqual(Array(100).fill('points'));
    expect(loads).toBe(1);
  });

  it('stops joining a read that has hung past its deadline', async () => {
    const { cache, clock } = make();
    const stuck = deferred<string>();
    const first = cache.get('k', () => stuck.promise);
    clock.now += 29_999;
    expect(cache.get('k', async () => 'fresh')).toBe(first);
    clock.now += 1;
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
    // The hung read settling late does not replace the newer value.
    stuck.resolve('late');
    await settle();
    expect(await cache.get('k', async () => 'again')).toBe('fresh');
  });

  it('answers from the value until its time is up, then loads again', async () => {
    const { cache, clock } = make();
    let loads = 0;
    const load = async () => `read ${++loads}`;
    expect(await cache.get('k', load)).toBe('read 1');
    await settle();
    clock.now += 59_999;
    expect(await cache.get('k', load)).toBe('read 1');
    clock.now += 1;
    expect(await cache.get('k', load)).toBe('read 2');
  });

  it('keeps a failure only for its shorter time', async () => {
    const { cache, clock } = make();
    let loads = 0;
    const load = async () => (++loads === 1 ? 'error: AccessDenied' : 'points');
    expect(await cache.get('k', load)).toBe('error: AccessDenied');
    await settle();
    clock.now += 4_999;
    expect(await cache.get('k', load)).toBe('error: AccessDenied');
    clock.now += 1;
    expect(await cache.get('k', load)).toBe('points');
  });

  it('forgets a rejected read at once', async () => {
    const { cache } = make();
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await settle();
    expect(cache.peek('k')).toBeUndefined();
    expect(await cache.get('k', async () => 'again')).toBe('again');
  });

  it('holds at most maxEntries, the oldest giving way', async () => {
    const { cache } = make(3);
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, async () => key);
    expect(cache.size).toBe(3);
    expect(cache.peek('a')).toBeUndefined();
    expect(await cache.peek('d')).toBe('d');
  });

  it('shares a batch read put under several keys', async () => {
    const { cache } = make();
    const batch = deferred<string>();
    cache.put('x', batch.promise);
    cache.put('y', batch.promise);
    let loads = 0;
    const joined = cache.get('x', async () => `load ${++loads}`);
    batch.resolve('batch');
    expect(await joined).toBe('batch');
    expect(await cache.peek('y')).toBe('batch');
    expect(loads).toBe(0);
  });
});
