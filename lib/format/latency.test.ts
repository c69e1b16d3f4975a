import { describe, expect, it } from 'vitest';
import { formatLatencyMs } from './latency';

describe('formatLatencyMs', () => {
  it('reads in the unit that suits the value, to three significant digits', () => {
    expect(formatLatencyMs(0.022)).toBe('22 µs');
    expect(formatLatencyMs(0.0145)).toBe('14.5 µs');
    expect(formatLatencyMs(4.25)).toBe('4.25 ms');
    expect(formatLatencyMs(120.4)).toBe('120 ms');
    expect(formatLatencyMs(999.7)).toBe('1 s');
    expect(formatLatencyMs(12_540)).toBe('12.5 s');
    expect(formatLatencyMs(125_000)).toMatch(/^2 min/);
  });
});
