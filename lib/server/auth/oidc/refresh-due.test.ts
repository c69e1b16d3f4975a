import { describe, expect, it } from 'vitest';
import { refreshDueAt } from './refresh-due';

describe('refreshDueAt', () => {
  it('refreshes a quarter of the lifetime before expiry', () => {
    expect(refreshDueAt(0, 400_000)).toBe(300_000);
  });
  it('leaves at least 5 s for short-lived tokens', () => {
    expect(refreshDueAt(0, 15_000)).toBe(10_000);
  });
  it('leaves at most 2 minutes for long-lived ones', () => {
    expect(refreshDueAt(0, 3_600_000)).toBe(3_480_000);
  });
});
