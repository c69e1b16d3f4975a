import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveStream } from './live-stream';

// The browser side of GET /api/stream, driven through its states with fake timers. The page's document, window
// and fetch are the only things given to it here; each response is a real Response over a stream the test writes.

interface OpenStream {
  write: (event: string, data: unknown) => void;
  close: () => void;
}

let requests: Array<{ respond: (response: Response) => void; fail: () => void; init: RequestInit }>;
let windowListeners: Map<string, () => void>;

function pageGlobals() {
  requests = [];
  windowListeners = new Map();
  vi.stubGlobal('document', { hidden: false, addEventListener: () => undefined, removeEventListener: () => undefined });
  vi.stubGlobal('window', {
    addEventListener: (type: string, listener: () => void) => windowListeners.set(type, listener),
    removeEventListener: (type: string) => windowListeners.delete(type),
  });
  vi.stubGlobal(
    'fetch',
    (_url: string, init: RequestInit) =>
      new Promise<Response>((resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        requests.push({ respond: resolve, fail: () => reject(new TypeError('Failed to fetch')), init });
      }),
  );
}

/** Answers the newest request with an open event stream. */
function answerWithStream(): OpenStream {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  requests.at(-1)!.respond(new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }));
  return {
    write: (event, data) => controller.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    close: () => controller.close(),
  };
}

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('LiveStream', () => {
  let queryClient: QueryClient;
  let stream: LiveStream;
  let invalidations: number;

  beforeEach(() => {
    vi.useFakeTimers();
    pageGlobals();
    // Full jitter draws from [0, ceiling); half of it makes each delay known.
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    queryClient = new QueryClient();
    invalidations = 0;
    vi.spyOn(queryClient, 'invalidateQueries').mockImplementation(async () => void (invalidations += 1));
    stream = new LiveStream(queryClient);
  });

  afterEach(() => {
    stream.stop();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  async function openLive(): Promise<OpenStream> {
    stream.start();
    expect(requests).toHaveLength(1);
    const open = answerWithStream();
    open.write('hello', { reachable: true });
    await settle();
    return open;
  }

  it('is live after hello, and reads everything afresh once', async () => {
    expect(stream.getSnapshot().connection).toBe('connecting');
    await openLive();
    expect(stream.getSnapshot()).toMatchObject({ connection: 'live', asOf: expect.any(String) });
    expect(invalidations).toBe(1);
  });

  it("sends the session's CSRF token once the page knows it, for plain http where origin headers are left out", async () => {
    stream.start();
    expect(new Headers(requests[0]!.init.headers).has('x-fleetdeck-csrf')).toBe(false);
    requests[0]!.fail();
    await settle();
    queryClient.setQueryData(['me'], { csrfToken: 'token-of-this-session' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(new Headers(requests[1]!.init.headers).get('x-fleetdeck-csrf')).toBe('token-of-this-session');
  });

  it('reads "reconnecting" for the first 5 s of a loss, then "stale", keeping the last asOf, and retries after the jittered delay', async () => {
    const open = await openLive();
    const asOf = stream.getSnapshot().asOf;
    open.close();
    await settle();
    expect(stream.getSnapshot()).toMatchObject({ connection: 'reconnecting', retryPending: true, asOf });
    expect(requests).toHaveLength(1);
    // Attempt 0 waits half of 1 s.
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(2);
    requests[1]!.fail();
    await settle();
    // A failed retry within the grace period does not restart it.
    await vi.advanceTimersByTimeAsync(4_400);
    expect(stream.getSnapshot().connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    expect(stream.getSnapshot()).toMatchObject({ connection: 'stale', asOf });
  });

  it('comes back within a second when its replica shuts down, whatever backoff earlier failures had grown', async () => {
    stream.start();
    // Four failures grow the next delay to 8 s (half of 16 s at this draw).
    for (let failure = 0; failure < 4; failure += 1) {
      requests.at(-1)!.fail();
      await settle();
      await vi.advanceTimersByTimeAsync(15_000);
    }
    const open = answerWithStream();
    open.write('hello', { reachable: true });
    await settle();
    const before = requests.length;
    open.write('shutdown', { message: 'This Fleetdeck server is restarting; reconnecting to another.' });
    await settle();
    expect(stream.getSnapshot()).toMatchObject({
      connection: 'reconnecting',
      message: 'This Fleetdeck server is restarting; reconnecting to another.',
    });
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(before + 1);
  });

  it('backs off exponentially to a 30 s ceiling', async () => {
    stream.start();
    const gaps: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      requests.at(-1)!.fail();
      await settle();
      const before = requests.length;
      let waited = 0;
      while (requests.length === before) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      gaps.push(waited);
    }
    expect(gaps).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });

  it('starts its backoff over only once a connection stayed up for 30 s', async () => {
    async function nextGap(): Promise<number> {
      const before = requests.length;
      let waited = 0;
      while (requests.length === before) {
        await vi.advanceTimersByTimeAsync(100);
        waited += 100;
      }
      return waited;
    }
    stream.start();
    for (let i = 0; i < 3; i += 1) {
      requests.at(-1)!.fail();
      await settle();
      await nextGap();
    }
    // Up for 10 s, then dropped: the fourth wait is still half of 8 s.
    let open = answerWithStream();
    open.write('hello', { reachable: true });
    await vi.advanceTimersByTimeAsync(10_000);
    open.close();
    await settle();
    expect(await nextGap()).toBe(4000);
    // Up for 30 s (heartbeats keep it from being called silent), then dropped: back to half of 1 s.
    open = answerWithStream();
    open.write('hello', { reachable: true });
    await vi.advanceTimersByTimeAsync(15_000);
    open.write('heartbeat', { reachable: true });
    await vi.advanceTimersByTimeAsync(15_000);
    open.close();
    await settle();
    expect(await nextGap()).toBe(500);
  });

  it('tries again when the server says it will serve again, rather than after its own longer backoff', async () => {
    stream.start();
    for (let i = 0; i < 6; i += 1) {
      requests.at(-1)!.fail();
      await vi.advanceTimersByTimeAsync(30_000);
    }
    const before = requests.length;
    const envelope = {
      error: {
        code: 'cluster_unavailable',
        message: 'Fleetdeck is still loading the fleet from the cluster; try again in a moment.',
      },
    };
    requests.at(-1)!.respond(new Response(JSON.stringify(envelope), { status: 503, headers: { 'retry-after': '2' } }));
    await settle();
    expect(stream.getSnapshot()).toMatchObject({
      connection: 'stale',
      message: envelope.error.message,
      retryPending: true,
    });
    await vi.advanceTimersByTimeAsync(1_900);
    expect(requests).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(100);
    expect(requests).toHaveLength(before + 1);
  });

  it('tries again at once when asked, or when the browser is back online, instead of waiting out the backoff', async () => {
    const open = await openLive();
    open.close();
    await settle();
    for (let i = 0; i < 5; i += 1) {
      await vi.advanceTimersByTimeAsync(20_000);
      requests.at(-1)!.fail();
      await settle();
    }
    const waiting = requests.length;
    stream.reconnectNow();
    expect(requests).toHaveLength(waiting + 1);
    expect(stream.getSnapshot().retryPending).toBe(false);
    requests.at(-1)!.fail();
    await settle();
    expect(stream.getSnapshot().retryPending).toBe(true);
    windowListeners.get('online')!();
    expect(requests).toHaveLength(waiting + 2);
    answerWithStream().write('hello', { reachable: true });
    await settle();
    expect(stream.getSnapshot().connection).toBe('live');
    // With the stream open, asking again opens nothing more.
    stream.reconnectNow();
    expect(requests).toHaveLength(waiting + 2);
  });

  it('stops for good on a 401, asking to sign in again', async () => {
    stream.start();
    requests[0]!.respond(new Response('{}', { status: 401 }));
    await settle();
    expect(stream.getSnapshot()).toMatchObject({
      connection: 'signed-out',
      message: expect.stringMatching(/sign in again/i),
    });
    await vi.advanceTimersByTimeAsync(120_000);
    stream.reconnectNow();
    expect(requests).toHaveLength(1);
  });

  const forbidden = (message: string) =>
    new Response(JSON.stringify({ error: { code: 'forbidden', message, correlationId: 'c' } }), { status: 403 });

  /** Refuses the newest request, then waits out the retry delay. */
  async function refuseNewest(message: string): Promise<void> {
    requests.at(-1)!.respond(forbidden(message));
    await settle();
    await vi.advanceTimersByTimeAsync(30_000);
  }

  it('stops retrying after 3 refusals (403) in a row and says why, instead of retrying forever', async () => {
    stream.start();
    await refuseNewest('You may not watch team-b.');
    await refuseNewest('You may not watch team-b.');
    expect(requests).toHaveLength(3);
    requests[2]!.respond(forbidden('You may not watch team-b.'));
    await settle();
    expect(stream.getSnapshot()).toMatchObject({
      connection: 'refused',
      message: expect.stringMatching(/refused live updates 3 times in a row: You may not watch team-b\. Reload/),
    });
    expect(stream.getSnapshot().retryPending).toBeUndefined();
    await vi.advanceTimersByTimeAsync(600_000);
    stream.reconnectNow();
    windowListeners.get('online')?.();
    expect(requests).toHaveLength(3);
  });

  it('counts refusals only while no stream opens: one that opened starts the count over, and a revoking error event counts', async () => {
    stream.start();
    await refuseNewest('Not yet.');
    await refuseNewest('Not yet.');
    const open = answerWithStream();
    open.write('hello', { reachable: true });
    await settle();
    expect(stream.getSnapshot().connection).toBe('live');
    open.write('error', { code: 'forbidden', message: 'Your rights to team-a were revoked.' });
    await settle();
    expect(stream.getSnapshot()).toMatchObject({
      connection: 'reconnecting',
      message: 'Your rights to team-a were revoked.',
    });
    await vi.advanceTimersByTimeAsync(30_000);
    await refuseNewest('Your rights to team-a were revoked.');
    expect(stream.getSnapshot().connection).not.toBe('refused');
    requests.at(-1)!.respond(forbidden('Your rights to team-a were revoked.'));
    await settle();
    expect(stream.getSnapshot().connection).toBe('refused');
  });

  it('calls the data stale while the cluster is unreachable, and reads everything afresh when it answers again', async () => {
    const open = await openLive();
    open.write('cluster', { reachable: false, at: '2026-12-01T00:00:00Z' });
    await settle();
    expect(stream.getSnapshot()).toMatchObject({
      connection: 'stale',
      message: expect.stringMatching(/cluster cannot be reached/),
    });
    // The stream itself is fine: there is nothing to hasten.
    expect(stream.getSnapshot().retryPending).toBeUndefined();
    open.write('cluster', { reachable: true, at: '2026-12-01T00:00:30Z' });
    await settle();
    expect(stream.getSnapshot().connection).toBe('live');
    expect(invalidations).toBe(2);
  });

  it('drops a connection silent for 20 s and opens another', async () => {
    const open = await openLive();
    await vi.advanceTimersByTimeAsync(15_000);
    open.write('heartbeat', { reachable: true });
    await vi.advanceTimersByTimeAsync(19_900);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(stream.getSnapshot().connection).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(2);
  });
});
