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

  it('touches the session every interval while the stream is live, and only then', () => {
    const source = statusSource('connecting');
    const touch = vi.fn();
    const stop = keepSessionAlive(source, touch, 1000);
    vi.advanceTimersByTime(5000);
    expect(touch).not.toHaveBeenCalled();

    source.set('live');
    vi.advanceTimersByTime(3500);
    expect(touch).toHaveBeenCalledTimes(3);

    source.set('paused');
    vi.advanceTimersByTime(5000);
    expect(touch).toHaveBeenCalledTimes(3);

    source.set('live');
    source.set('live');
    vi.advanceTimersByTime(1000);
    expect(touch).toHaveBeenCalledTimes(4);

    stop();
    vi.advanceTimersByTime(5000);
    expect(touch).toHaveBeenCalledTimes(4);
  });

  it('does not keep a signed-out page alive', () => {
    const source = statusSource('live');
    const touch = vi.fn();
    keepSessionAlive(source, touch, 1000);
    vi.advanceTimersByTime(1000);
    source.set('signed-out');
    vi.advanceTimersByTime(10_000);
    expect(touch).toHaveBeenCalledTimes(1);
  });
});
