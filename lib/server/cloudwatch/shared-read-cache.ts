import 'server-only';

export interface SharedReadCacheOptions<V> {
  /** Entries kept at most; beyond, the oldest give way. */
  maxEntries: number;
  /** How long a settled value answers, given the value (an error is kept shorter than data). */
  ttlMs: (value: V) => number;
  /**
   * A read still in flight after this long is no longer joined: the next caller starts a new one. The client's
   * timeouts should end a read well before; this is the bound if something below them hangs. Default 30 s.
   */
  maxPendingMs?: number;
  now?: () => number;
}

export const DEFAULT_MAX_PENDING_MS = 30_000;

interface Entry<V> {
  promise: Promise<V>;
  startedAt: number;
  /** Undefined while the read is in flight. */
  expiresAt?: number;
}

/**
 * Reads shared by every caller of one key: a read in flight is joined, not repeated (single flight), and its
 * value answers until its time is up. Loaders report failure as a value (with its own, shorter, time), not by
 * rejecting: a rejected read is forgotten at once so the next caller tries again.
 */
export class SharedReadCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly now: () => number;

  constructor(private readonly options: SharedReadCacheOptions<V>) {
    this.now = options.now ?? Date.now;
  }

  /** The value in flight or still fresh for the key, if any. */
  peek(key: string): Promise<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.now();
    const stale =
      entry.expiresAt !== undefined
        ? entry.expiresAt <= now
        : entry.startedAt + (this.options.maxPendingMs ?? DEFAULT_MAX_PENDING_MS) <= now;
    if (stale) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.promise;
  }

  /** Shares a read begun elsewhere (one batch for several keys) under the key. */
  put(key: string, promise: Promise<V>): Promise<V> {
    const entry: Entry<V> = { promise, startedAt: this.now() };
    this.entries.delete(key);
    this.entries.set(key, entry);
    promise.then(
      (value) => {
        if (this.entries.get(key) === entry) entry.expiresAt = this.now() + this.options.ttlMs(value);
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return promise;
  }

  /** The shared value for the key, reading it with `load` when none is in flight or fresh. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    return this.peek(key) ?? this.put(key, load());
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries) return;
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.entries.delete(key);
    }
    // Still too many: the oldest reads (Map order is insertion order) give way, in flight or not; their callers
    // keep their promise, later ones read again.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries) return;
      this.entries.delete(key);
    }
  }
}
