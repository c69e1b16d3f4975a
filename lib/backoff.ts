/** Reconnect delays: exponential from `baseMs`, capped at `capMs`, with full jitter; back to `baseMs` after `healthyMs` up. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  healthyMs: number;
}

/** How the browser's live stream and the server's watches reconnect: within 1 s at first, at most 30 s apart. */
export const reconnectBackoff: BackoffPolicy = { baseMs: 1000, capMs: 30_000, healthyMs: 30_000 };

/**
 * The delay before reconnect attempt `attempt` (0 for the first): a uniform draw from [0, min(cap, base·2^n)),
 * "full jitter", so many clients that lost the same server do not come back in step. `random` is Math.random's
 * contract, injectable for tests.
 */
export function fullJitterDelay(
  attempt: number,
  policy: BackoffPolicy = reconnectBackoff,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * The backoff of one connection. Each failure waits longer (`fullJitterDelay`); the wait starts over only once a
 * connection has stayed up for `healthyMs`, so a server that accepts and then drops every connection at once is
 * not hammered at the first delay. Time and chance are injectable for tests.
 */
export class Backoff {
  private attempt = 0;
  private upSince?: number;

  constructor(
    private readonly policy: BackoffPolicy = reconnectBackoff,
    private readonly now: () => number = () => Date.now(),
    private readonly random: () => number = () => Math.random(),
  ) {}

  /** The connection is up. A healthy period runs from the first call after a failure; later calls keep it. */
  connected(): void {
    this.upSince ??= this.now();
  }

  /** The connection was closed on purpose, not lost; time from now until it is up again does not count as up. */
  closed(): void {
    this.down();
  }

  /** The connection failed (or could not be made): how long to wait before the next attempt. */
  failed(): number {
    this.down();
    return fullJitterDelay(this.attempt++, this.policy, this.random);
  }

  /** Starts over from the first delay: the other side is known to answer again. */
  reset(): void {
    this.attempt = 0;
    this.upSince = undefined;
  }

  // Ends a period up; if it lasted the healthy period, the next failure waits the first delay again.
  private down(): void {
    if (this.upSince !== undefined && this.now() - this.upSince >= this.policy.healthyMs) this.attempt = 0;
    this.upSince = undefined;
  }
}
