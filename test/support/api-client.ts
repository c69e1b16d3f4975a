// Calls the app's route handlers in-process, as a browser would reach them, against the real control plane.
import { join } from 'node:path';
import { inject } from 'vitest';
import { loadUserKubeConfig, type TestUser } from './test-users';

export const ORIGIN = 'http://localhost:3000';

type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  path: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
}

/** Points the server modules at the control plane as Fleetdeck's own identity; call before importing them. */
export function configureServer(extra: Record<string, string> = {}, dir = inject('controlPlane').kubeconfigDir) {
  // In-process handlers have no listener; they stand for a demo server on loopback, as `npm run demo` runs.
  Object.assign(process.env, {
    KUBECONFIG: join(dir, 'fleetdeck-server.kubeconfig'),
    FLEETDECK_DEMO: '1',
    FLEETDECK_DEMO_KUBECONFIGS: dir,
    FLEETDECK_LISTEN_HOST: '127.0.0.1',
    ...extra,
  });
  kubeconfigDirOverride = dir;
}
let kubeconfigDirOverride: string | undefined;

export function call(handler: Handler, options: CallOptions): Promise<Response> {
  // A browser marks its own page's reads same-origin; tests of other callers override it.
  const method = options.method ?? 'GET';
  const headers = new Headers({
    host: 'localhost:3000',
    ...(method === 'GET' ? { 'sec-fetch-site': 'same-origin' } : {}),
    ...options.headers,
  });
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const request = new Request(`${ORIGIN}${options.path}`, { method, headers, body });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

export const tokenOf = (user: TestUser) =>
  loadUserKubeConfig(kubeconfigDirOverride ?? inject('controlPlane').kubeconfigDir, user).getCurrentUser()!.token!;

/** Signs in through POST /api/session with the user's token; returns the session cookie and CSRF token. */
export async function signIn(
  handlers: { session: Handler; me: Handler },
  user: TestUser,
): Promise<{ cookie: string; csrf: string }> {
  const response = await call(handlers.session, {
    method: 'POST',
    path: '/api/session',
    headers: { origin: ORIGIN },
    body: { token: tokenOf(user) },
  });
  if (!response.ok) throw new Error(`sign-in as ${user} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const me = await call(handlers.me, { path: '/api/me', headers: { cookie } });
  const { csrfToken } = (await me.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

/** Signs a demo user in over HTTP at a running server (POST /api/session); returns the session cookie. */
export async function signInOverHttp(baseURL: string, demoUser: TestUser): Promise<string> {
  const response = await fetch(`${baseURL}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseURL },
    body: JSON.stringify({ demoUser }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in as ${demoUser} at ${baseURL} failed: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

export type ServerEvent = { event: string; data: any };

/** Reads Server-Sent Events from a streaming response; every event read so far is kept in `events`. */
export function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: ServerEvent[] = [];
  let buffer = '';
  // A read that lost a race against the timeout is still pending; the next call must wait for it, not start
  // another, or its chunk would be lost.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  return {
    events,
    /** Reads until `until` holds for all events so far, or the timeout passes. */
    async until(predicate: (events: ServerEvent[]) => boolean, timeoutMs: number): Promise<ServerEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline && !predicate(events)) {
        pending ??= reader.read();
        const next = await Promise.race([
          pending,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()))),
        ]);
        if (next === null) break;
        pending = undefined;
        if (next.done) break;
        buffer += decoder.decode(next.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event) events.push({ event, data: data ? JSON.parse(data) : undefined });
        }
      }
      return events;
    },
    cancel: () => reader.cancel(),
  };
}
