import 'server-only';
import { AppError } from './app-error';

const holder = globalThis as typeof globalThis & { __fleetdeckReplicaStreams?: { open: number } };
const counter = () => (holder.__fleetdeckReplicaStreams ??= { open: 0 });

/**
 * Opens a long-lived response under a cap on how many this replica holds for everyone together: beyond
 * `limit`, 503 with Retry-After (another replica, or this one later, can serve it). The slot is taken before
 * any await, so concurrent requests cannot all slip under the cap, and is given back once: when `open` fails,
 * when the body ends or is cancelled, or when the client goes away.
 */
export async function underReplicaCap(
  limit: number,
  signal: AbortSignal,
  open: () => Promise<Response>,
): Promise<Response> {
  const streams = counter();
  if (streams.open >= limit) {
    throw new AppError(
      'server_busy',
      'This Fleetdeck server holds as many live streams as it may; try again shortly.',
      undefined,
      { 'Retry-After': '30' },
    );
  }
  streams.open += 1;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    streams.open -= 1;
    signal.removeEventListener('abort', release);
  };
  signal.addEventListener('abort', release);
  let response: Response;
  try {
    response = await open();
  } catch (error) {
    release();
    throw error;
  }
  if (!response.body) {
    release();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          release();
          controller.close();
        } else controller.enqueue(value);
      } catch (error) {
        release();
        controller.error(error);
      }
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

/** Streams open under the replica cap right now (for health reports). */
export const replicaStreamsOpen = () => counter().open;
