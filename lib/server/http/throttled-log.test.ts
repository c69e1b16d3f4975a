import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withCorrelationId, correlationId } from './correlation';
import { ThrottledLog } from './throttled-log';

describe('ThrottledLog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = (maxReasons = 10) => {
    const lines: string[] = [];
    const log = new ThrottledLog({
      intervalMs: 60_000,
      maxReasons,
      what: 'refused',
      write: (line) => lines.push(`[${correlationId()}] ${line}`),
    });
    return { log, lines };
  };

  it('logs a reason once per interval, then how many more there were', () => {
    const { log, lines } = make();
    withCorrelationId('first', () => {
      for (let n = 0; n < 1000; n++) log.warn('no user header');
    });
    expect(lines).toEqual(['[first] refused: no user header']);
    vi.advanceTimersByTime(60_000);
    expect(lines).toEqual([
      '[first] refused: no user header',
      '[-] refused: 999 more in the last 60 s, not logged one by one, like it: no user header',
    ]);
    // A new interval logs the reason again, under the request that brought it.
    withCorrelationId('later', () => log.warn('no user header'));
    expect(lines[2]).toBe('[later] refused: no user header');
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(3);
  });

  it('logs each distinct reason', () => {
    const { log, lines } = make();
    log.warn('a');
    log.warn('b');
    log.warn('a');
    expect(lines).toEqual(['[-] refused: a', '[-] refused: b']);
  });

  it('counts reasons beyond the most it remembers together', () => {
    const { log, lines } = make(2);
    for (let n = 0; n < 50; n++) log.warn(`user ${n}`);
    expect(lines).toEqual(['[-] refused: user 0', '[-] refused: user 1', '[-] refused: user 2']);
    vi.advanceTimersByTime(60_000);
    expect(lines.slice(3)).toEqual(['[-] refused: 47 more in the last 60 s, not logged one by one, for other reasons']);
  });
});
