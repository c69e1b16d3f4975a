/**
 * A per-kind work queue like controller-runtime's: a key is processed by at most one worker at a time, an
 * enqueue while it runs makes it run once more afterwards, requeues are timers, and failures back off
 * exponentially per key.
 */
export class WorkQueue {
  private readonly ready: string[] = [];
  private readonly queued = new Set<string>();
  private readonly running = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  private active = 0;
  private stopped = false;

  constructor(
    private readonly process: (key: string) => Promise<void>,
    private readonly options: { concurrency: number; baseBackoffMs: number; maxBackoffMs: number },
  ) {}

  /** Run the key as soon as a worker is free; replaces any pending requeue. */
  add(key: string): void {
    if (this.stopped) return;
    this.clearTimer(key);
    if (this.running.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.ready.push(key);
    }
    this.pump();
  }

  /** Run the key again after a delay. */
  addAfter(key: string, delayMs: number): void {
    if (this.stopped) return;
    this.clearTimer(key);
    this.timers.set(key, setTimeout(() => this.add(key), delayMs).unref());
  }

  /** Retry after the key's next exponential backoff. */
  addRateLimited(key: string): void {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const delay = Math.min(this.options.maxBackoffMs, this.options.baseBackoffMs * 2 ** (failures - 1));
    this.addAfter(key, delay);
  }

  /** The key succeeded: its backoff starts again from the base. */
  forgetFailures(key: string): void {
    this.failures.delete(key);
  }

  /** Drop every trace of a key whose object is gone. */
  remove(key: string): void {
    this.clearTimer(key);
    this.failures.delete(key);
    this.dirty.delete(key);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private pump(): void {
    while (!this.stopped && this.active < this.options.concurrency && this.ready.length > 0) {
      const key = this.ready.shift()!;
      this.queued.delete(key);
      this.running.add(key);
      this.active++;
      void this.process(key).finally(() => {
        this.active--;
        this.running.delete(key);
        if (this.dirty.delete(key)) this.add(key);
        this.pump();
      });
    }
  }
}
