/** Reconnect delays: exponential from `baseMs`, capped at `capMs`, with full jitter. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const streamBackoff: BackoffPolicy = { baseMs: 1000, capMs: 30_000 };

/**
 * The delay before reconnect attempt `attempt` (0 for the first): a uniform draw from [0, min(cap, base·2^n)],
 * "full jitter", so many tabs that lost the same server do not come back in step. `random` is Math.random's
 * contract, injectable for tests.
 */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy = streamBackoff, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
