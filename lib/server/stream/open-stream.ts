import 'server-only';
import type { Identity } from '../auth/identity';
import { serverConfig } from '../config';
import { assertNotDraining, onDrain } from '../drain';
import { AppError } from '../http/app-error';
import { fleetStore } from '../k8s/fleet-store';
import { recordStreamEvent } from '../metrics/record';
import { onSessionEnd } from './session-end';
import { kindAccessByNamespace, type KindAccess } from '../fleet/kind-access';
import { assertNamespaceAccess, visibleNamespaces } from '../fleet/visible-namespaces';
import { streamHub, type StreamEvent } from './stream-hub';

const HEARTBEAT_MS = 15_000;

interface StreamRights {
  namespaces: Set<string> | null;
  kinds: (namespace: string) => KindAccess;
}

/**
 * The namespaces a stream may carry, and which of EndpointConfigs and Models it may watch in each, asked as
 * the caller; throws 403 when no namespace. A namespace that appears later is read as none of the kinds the
 * caller may not watch everywhere until the next renewal asks.
 */
async function authorize(
  identity: Identity,
  namespace: string | undefined,
  options: { fresh?: boolean } = {},
): Promise<StreamRights> {
  let namespaces: Set<string> | null;
  if (namespace) {
    await assertNamespaceAccess(identity, 'watch', namespace, options);
    namespaces = new Set([namespace]);
  } else {
    const visible = await visibleNamespaces(identity, 'watch', fleetStore().endpoints.namespaces(), options);
    namespaces = visible === null ? null : new Set(visible);
  }
  const kinds = await kindAccessByNamespace(
    identity,
    'watch',
    namespaces ?? fleetStore().endpoints.namespaces(),
    ['EndpointConfig', 'Model'],
    options,
  );
  return { namespaces, kinds };
}

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * A Server-Sent Events stream of fleet changes for the namespaces the caller may watch. Authorized before the
 * first byte and again at each renewal (every minute by default; rights revoked mid-stream end it with an
 * `error` event, and so does a sign-out of the session on any replica); a heartbeat every
 * 15 s carries whether the cluster answers; at most N streams per identity (429 with Retry-After) and M per
 * replica (503 with Retry-After).
 */
export async function openStream(
  identity: Identity,
  namespace: string | undefined,
  signal: AbortSignal,
): Promise<Response> {
  assertNotDraining();
  const hub = streamHub();
  const { FLEETDECK_MAX_STREAMS_PER_IDENTITY, FLEETDECK_MAX_STREAMS } = serverConfig();
  const release = hub.reserve(identity.key, FLEETDECK_MAX_STREAMS_PER_IDENTITY, FLEETDECK_MAX_STREAMS);
  const store = fleetStore();
  let rights: StreamRights;
  try {
    await store.ensureServing();
    rights = await authorize(identity, namespace);
  } catch (error) {
    release();
    throw error;
  }
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        const write = (event: string, data: unknown) => {
          if (closed) return;
          controller.enqueue(frame(event, data));
          recordStreamEvent(event);
          // A client that stopped reading must not make the server buffer without end: drop it, and let it
          // reconnect and re-read when it wakes up.
          if ((controller.desiredSize ?? 0) < 0) cleanup();
        };
        const subscriber = {
          identityKey: identity.key,
          namespaces: rights.namespaces,
          kinds: rights.kinds,
          send: (event: StreamEvent) => write(event.event, event.data),
        };
        const unsubscribe = hub.subscribe(subscriber);
        const cluster = () => ({ reachable: store.probe.reachable, at: new Date().toISOString() });
        const heartbeat = setInterval(() => write('heartbeat', cluster()), HEARTBEAT_MS);
        // Renewal asks the API server afresh: a revoked right must end the stream now, not when a cached
        // answer expires.
        const renew = setInterval(() => {
          authorize(identity, namespace, { fresh: true }).then(
            (renewed) => {
              subscriber.namespaces = renewed.namespaces;
              subscriber.kinds = renewed.kinds;
            },
            (error: unknown) => {
              // A cluster that does not answer is not a revocation: keep the stream, the heartbeat says why.
              if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'unauthenticated')) {
                write('error', { code: error.code, message: error.message });
                cleanup();
              }
            },
          );
        }, serverConfig().FLEETDECK_STREAM_RENEW_SECONDS * 1000);
        // A session signed out on any replica, or past its lifetime, ends the stream within seconds.
        const stopSessionWatch = onSessionEnd(identity, (error) => {
          write('error', { code: error.code, message: error.message });
          cleanup();
        });
        // A replica shutting down says so, so the browser reconnects (to another replica) at once rather than
        // after its backoff, and without a stale banner.
        const stopDrainWatch = onDrain(() => {
          write('shutdown', { message: 'This Fleetdeck server is restarting; reconnecting to another.' });
          cleanup();
        });
        cleanup = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          release();
          clearInterval(heartbeat);
          clearInterval(renew);
          stopSessionWatch();
          stopDrainWatch();
          signal.removeEventListener('abort', cleanup);
          try {
            controller.close();
          } catch {
            // Already closed by the client.
          }
        };
        signal.addEventListener('abort', cleanup);
        // A client that gave up before the stream started would otherwise never fire 'abort' again.
        if (signal.aborted) {
          cleanup();
          return;
        }
        write('hello', { ...cluster(), namespaces: rights.namespaces === null ? null : [...rights.namespaces] });
      },
      cancel() {
        cleanup();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: serverConfig().FLEETDECK_STREAM_BUFFER_BYTES }),
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      'X-Content-Type-Options': 'nosniff',
      'X-Accel-Buffering': 'no',
    },
  });
}
