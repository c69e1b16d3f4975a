import type { QueryClient } from '@tanstack/react-query';
import { Backoff, fullJitterDelay } from '@/lib/backoff';
import { queryKeys } from '../query-keys';
import type { Me } from '../use-me';
import { applyEndpointChange } from './apply-stream-event';
import type { LiveStatus } from './live-status';
import { createSseParser, type SseEvent } from './sse-parser';

// The server sends a heartbeat every 15 s; silence past this means a hung connection, not a quiet fleet.
const SILENCE_MS = 20_000;
// A drop shorter than this reads "reconnecting"; longer, the data is called stale.
const GRACE_MS = 5_000;
// A 403 may be a right granted a moment late, so it is retried; this many without a stream opening in between
// will not change on their own.
export const REFUSALS_BEFORE_GIVING_UP = 3;

/** The message of the API's error envelope, or the bare status when the answer is not one. */
async function errorMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : `Fleetdeck answered ${response.status}.`;
}

/**
 * Keeps the react-query cache current from GET /api/stream, and says honestly how current it is. Reconnects
 * with capped exponential backoff and full jitter; invalidates once after every (re)connect and when the
 * cluster answers again, so what is shown equals a fresh load (no ghosts, no duplicates); stops for good on
 * 401, and after REFUSALS_BEFORE_GIVING_UP refusals (403) in a row, saying why; holds no stream while the tab is
 * hidden unless pinned as a wallboard.
 */
export class LiveStream {
  private status: LiveStatus = { connection: 'connecting' };
  private readonly listeners = new Set<() => void>();
  private abort?: AbortController;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private silenceTimer?: ReturnType<typeof setTimeout>;
  private graceTimer?: ReturnType<typeof setTimeout>;
  private readonly backoff = new Backoff();
  private running = false;
  private clusterReachable = true;
  private pinned = false;
  private lostSince?: number;
  private refusals = 0;

  constructor(private readonly queryClient: QueryClient) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveStatus => this.status;

  /** Opens the stream (if the tab is visible or pinned) and follows visibility from now on. */
  start(): void {
    if (this.running) return;
    this.running = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('online', this.reconnectNow);
    this.onVisibility();
  }

  stop(): void {
    this.running = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('online', this.reconnectNow);
    this.disconnect();
    this.clearLoss();
    this.backoff.closed();
  }

  /** A pinned wallboard keeps its stream while hidden. */
  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    for (const listener of this.listeners) listener();
    this.onVisibility();
  }

  getPinned = (): boolean => this.pinned;

  /**
   * Tries again now rather than when the backoff says: the person asked (they know the server is back), or the
   * browser regained its network. Only while waiting to retry; an open or opening stream is left alone.
   */
  reconnectNow = (): void => {
    if (!this.running || !this.retryTimer) return;
    clearTimeout(this.retryTimer);
    this.connect();
  };

  /** Any API call that got 401 ends the session for the stream too. */
  markSignedOut(): void {
    this.disconnect();
    this.clearLoss();
    this.backoff.closed();
    this.running = false;
    this.set({ connection: 'signed-out', message: 'Your session has ended. Sign in again to continue.' });
  }

  /** A 403 (an answer, or an `error` event): retried a few times, then the stream stops and says why. */
  private refused(message: string): void {
    this.refusals += 1;
    if (this.refusals < REFUSALS_BEFORE_GIVING_UP) return this.lost(message);
    this.disconnect();
    this.clearLoss();
    this.backoff.closed();
    this.running = false;
    this.set({
      connection: 'refused',
      message: `Fleetdeck refused live updates ${this.refusals} times in a row: ${message} Reload the page to try again.`,
    });
  }

  private onVisibility = (): void => {
    if (!this.running) return;
    if (document.hidden && !this.pinned) {
      this.disconnect();
      this.clearLoss();
      this.backoff.closed();
      this.set({ connection: 'paused', message: 'Updates are paused while this tab is hidden.' });
    } else if (!this.abort && !this.retryTimer) {
      this.connect();
    }
  };

  private set(next: Partial<LiveStatus> & Pick<LiveStatus, 'connection'>): void {
    const status: LiveStatus = { asOf: this.status.asOf, ...next };
    if (status.connection !== 'live') status.asOf = this.status.asOf;
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  /** The data is current now: the cluster answered and the stream is open. */
  private confirm(): void {
    if (this.clusterReachable) this.set({ connection: 'live', asOf: new Date().toISOString() });
    else
      this.set({ connection: 'stale', message: 'The cluster cannot be reached. Showing the last data Fleetdeck had.' });
  }

  private disconnect(): void {
    this.abort?.abort();
    this.abort = undefined;
    for (const timer of [this.retryTimer, this.silenceTimer]) clearTimeout(timer);
    this.retryTimer = this.silenceTimer = undefined;
  }

  /** Connected again (or deliberately idle): the grace period of the last loss is over. */
  private clearLoss(): void {
    clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.lostSince = undefined;
  }

  private connect(): void {
    const abort = new AbortController();
    this.abort = abort;
    this.retryTimer = undefined;
    if (this.status.retryPending) this.set({ ...this.status, retryPending: false });
    void this.read(abort).catch(() => {
      if (this.abort === abort) this.lost('Fleetdeck cannot be reached.');
    });
  }

  private async read(abort: AbortController): Promise<void> {
    // The session's CSRF token proves this is Fleetdeck's own page where plain http leaves out the browser's
    // origin headers (GET /api/stream).
    const csrfToken = this.queryClient.getQueryData<Me>(queryKeys.me)?.csrfToken;
    const response = await fetch('/api/stream', {
      headers: { Accept: 'text/event-stream', ...(csrfToken ? { 'x-fleetdeck-csrf': csrfToken } : {}) },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: abort.signal,
    });
    if (response.status === 401) return this.markSignedOut();
    if (response.status === 403) return this.refused(await errorMessage(response));
    if (!response.ok || !response.body) {
      // The server says when it expects to serve again (its fleet still loading, the cluster's next probe).
      const retryAfter = Number(response.headers.get('retry-after'));
      return this.lost(
        await errorMessage(response),
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      );
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const feed = createSseParser((event) => this.onEvent(event));
    this.armSilence(abort);
    for (;;) {
      const { done, value } = await reader.read();
      if (this.abort !== abort) return;
      if (done) return this.lost('The live stream closed.');
      this.armSilence(abort);
      feed(value);
    }
  }

  private armSilence(abort: AbortController): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      if (this.abort === abort) this.lost('Fleetdeck stopped answering.');
    }, SILENCE_MS);
  }

  /** The stream is gone: say so (stale after a short grace) and try again after a jittered delay. */
  private lost(message: string, delayMs?: number): void {
    this.disconnect();
    if (!this.running) return;
    // The grace period runs from the first failure; failed retries within it must not restart it.
    this.lostSince ??= Date.now();
    // A failure either way: a server that keeps saying "later" still pushes the next own delay back.
    const backoffDelay = this.backoff.failed();
    const delay = delayMs ?? backoffDelay;
    this.retryTimer = setTimeout(() => this.connect(), delay);
    if (
      Date.now() - this.lostSince >= GRACE_MS ||
      this.status.connection === 'stale' ||
      this.status.connection === 'paused'
    ) {
      this.set({ connection: 'stale', message, retryPending: true });
    } else {
      this.set({ connection: 'reconnecting', message, retryPending: true });
      this.graceTimer ??= setTimeout(
        () => {
          this.graceTimer = undefined;
          if (this.lostSince !== undefined) this.set({ ...this.status, connection: 'stale' });
        },
        this.lostSince + GRACE_MS - Date.now(),
      );
    }
  }

  private invalidateEverything(): void {
    void this.queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'me' });
  }

  private onEvent({ event, data }: SseEvent): void {
    const reachable = (data as { reachable?: unknown } | undefined)?.reachable;
    switch (event) {
      case 'hello':
        this.clearLoss();
        this.refusals = 0;
        this.clusterReachable = reachable !== false;
        // Whatever happened while no stream was open is unknown: read everything once, afresh.
        this.invalidateEverything();
        this.backoff.connected();
        return this.confirm();
      case 'upsert':
      case 'delete':
        applyEndpointChange(this.queryClient, event, data);
        return this.confirm();
      case 'resync':
        this.invalidateEverything();
        return this.confirm();
      case 'cluster':
      case 'heartbeat': {
        const wasReachable = this.clusterReachable;
        this.clusterReachable = reachable !== false;
        if (this.clusterReachable && !wasReachable) this.invalidateEverything();
        return this.confirm();
      }
      case 'shutdown':
        // The replica is stopping on purpose and another one answers: come back within a second (jittered, so
        // its viewers do not arrive at once), not after a backoff that earlier failures may have grown.
        this.backoff.reset();
        return this.lost(
          (data as { message?: string } | undefined)?.message ?? 'This Fleetdeck server is restarting.',
          fullJitterDelay(0),
        );
      case 'error': {
        const code = (data as { code?: unknown } | undefined)?.code;
        if (code === 'unauthenticated') return this.markSignedOut();
        if (code === 'forbidden')
          return this.refused(
            (data as { message?: string } | undefined)?.message ?? 'You may no longer watch these namespaces.',
          );
        return this.lost(
          (data as { message?: string } | undefined)?.message ?? 'The live stream was closed by Fleetdeck.',
        );
      }
    }
  }
}
