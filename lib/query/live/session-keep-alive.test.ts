import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepAliveIntervalMs, sessionRefreshMs } from '@/lib/api/session-timing';
import type { LiveConnection } from './live-status';
import { keepSessionAlive } from './session-keep-alive';

function statusSource(initial: LiveConnection) {
  let connection = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => ({ connection }),
    set(next: LiveConnection) {
      connection = next;
      for (const listener of listeners) listener();
    },
  };
}

describe('keepSessionAlive', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('touches the session each interval in which the stream was live, and only then', () => {
    const source = statusSource('connecting');
    const touch = vi.fn();
    const stop = keepSessionAlive(source, touch, 1000);
    vi.advanceTimersByTime(5000);
    expect(touch).not.toHaveBeenCalled();

    source.set('live');
    vi.advanceTimersByTime(3000);
    expect(touch).toHaveBeenCalledTimes(3);

    // Paused for whole intervals: the interval in which it was still live counts, later ones do not.
    source.set('paused');
    vi.advanceTimersByTime(5000);
    expect(touch).toHaveBeenCalledTimes(4);

    stop();
    source.set('live');
    vi.advanceTimersByTime(5000);
    expect(touch).toHaveBeenCalledTimes(4);
  });

  it('keeps touching through drops shorter than an interval', () => {
    const source = statusSource('live');
    const touch = vi.fn();
    keepSessionAlive(source, touch, 1000);
    for (let i = 0; i < 5; i += 1) {
      vi.advanceTimersByTime(400);
      source.set('reconnecting');
      vi.advanceTimersByTime(400);
      source.set('live');
      vi.advanceTimersByTime(200);
    }
    expect(touch).toHaveBeenCalledTimes(5);
  });

  it('does not keep a signed-out page alive', () => {
    const source = statusSource('live');
    const touch = vi.fn();
    keepSessionAlive(source, touch, 1000);
    vi.advanceTimersByTime(1000);
    source.set('signed-out');
    vi.advanceTimersByTime(10_000);
    expect(touch).toHaveBeenCalledTimes(2);
  });

  it('reads the interval again for each one', () => {
    const source = statusSource('live');
    const touch = vi.fn();
    let interval = 1000;
    keepSessionAlive(source, touch, () => interval);
    vi.advanceTimersByTime(1000);
    expect(touch).toHaveBeenCalledTimes(1);
    interval = 250;
    vi.advanceTimersByTime(2000);
    // The interval already running ends at 2000; four of 250 ms follow in the next second.
    expect(touch).toHaveBeenCalledTimes(6);
  });
});

describe('keepAliveIntervalMs', () => {
  it('is 10 minutes for long idle timeouts or none known, a third of a shorter one, a second at least', () => {
    expect(keepAliveIntervalMs(8 * 3600)).toBe(10 * 60_000);
    expect(keepAliveIntervalMs(null)).toBe(10 * 60_000);
    expect(keepAliveIntervalMs(undefined)).toBe(10 * 60_000);
    expect(keepAliveIntervalMs(300)).toBe(100_000);
    expect(keepAliveIntervalMs(1)).toBe(1000);
  });

  // A wallboard whose stream stays live, against the server's rule: a touch re-seals the last-seen time only
  // when it is sessionRefreshMs old, and a session unseen for longer than the idle timeout has ended.
  it.each([60, 5 * 60, 9 * 60, 10 * 60, 3600, 8 * 3600])(
    'keeps a live page signed in for a day with an idle timeout of %i s',
    (idleSeconds) => {
      vi.useFakeTimers();
      const idleMs = idleSeconds * 1000;
      let seenAt = Date.now();
      let ended = false;
      const touch = () => {
        const age = Date.now() - seenAt;
        if (age > idleMs) ended = true;
        else if (age >= sessionRefreshMs(idleMs)) seenAt = Date.now();
      };
      const stop = keepSessionAlive(statusSource('live'), touch, () => keepAliveIntervalMs(idleSeconds));
      for (let elapsed = 0; elapsed < 24 * 3600_000 && !ended; elapsed += 1000) {
        vi.advanceTimersByTime(1000);
        if (Date.now() - seenAt > idleMs) ended = true;
      }
      stop();
      vi.useRealTimers();
      expect(ended).toBe(false);
    },
  );
});
