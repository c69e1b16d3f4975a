import { describe, expect, it } from 'vitest';
import { fullJitterDelay } from './backoff';

const policy = { baseMs: 1000, capMs: 30_000 };

describe('fullJitterDelay', () => {
  it.each([
    [0, 1000],
    [1, 2000],
    [4, 16_000],
    [5, 30_000],
    [40, 30_000],
  ])('attempt %i draws up to %i ms', (attempt, ceiling) => {
    expect(fullJitterDelay(attempt, policy, () => 0.999999)).toBe(ceiling - 1);
    expect(fullJitterDelay(attempt, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(attempt, policy, () => 0.5)).toBe(ceiling / 2);
  });
});
