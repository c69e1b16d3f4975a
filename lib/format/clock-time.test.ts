import { describe, expect, it } from 'vitest';
import { formatClockTime } from './clock-time';

describe('formatClockTime', () => {
  it('reads a time of day, 24-hour, with seconds', () => {
    expect(formatClockTime(new Date(2026, 11, 1, 15, 4, 5).getTime())).toMatch(/^15\D04\D05$/);
  });

  it('keeps the leading zero of an early hour', () => {
    expect(formatClockTime(new Date(2026, 11, 1, 7, 30, 0).getTime())).toMatch(/^07\D30\D00$/);
  });
});
