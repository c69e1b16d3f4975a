import { describe, expect, it } from 'vitest';
import { formatLatencyMs } from './latency';

describe('formatLatencyMs', () => {
  it('keeps a decimal below 10 ms, whole milliseconds above, seconds from 10 s', () => {
    expect(formatLatencyMs(0.04)).toBe('0.0 ms');
    expect(formatLatencyMs(4.25)).toBe('4.3 ms');
    expect(formatLatencyMs(120.4)).toBe('120 ms');
    expect(formatLatencyMs(12_540)).toBe('12.5 s');
  });
});
