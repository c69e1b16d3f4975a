import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
});
