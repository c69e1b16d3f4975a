// A second Fleetdeck server process, for what replicas share: it serves a few route handlers over plain HTTP on
// a loopback port, with the environment it was started with, starts what instrumentation.ts starts at boot, and
// prints `listening <port>`. Started by startRouteServer (route-server-process.ts) with tsx and the react-server
// condition, under which `server-only` resolves to nothing, as in Next.js's server bundles.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Imported, not awaited at the top: tsx runs this file as CommonJS, which has no top-level await.
const routes: Record<string, Promise<Handler>> = {
  '/api/fleet': import('@/app/api/fleet/route').then((module) => module.GET),
  '/api/me': import('@/app/api/me/route').then((module) => module.GET),
  '/api/stream': import('@/app/api/stream/route').then((module) => module.GET),
  '/api/readyz': import('@/app/api/readyz/route').then((module) => module.GET),
};

// What Next.js does when a server starts: instrumentation.ts's register, so watches start before any request.
process.env.NEXT_RUNTIME = 'nodejs';
void import('@/instrumentation').then((module) => module.register());

const server = createServer(async (incoming, outgoing) => {
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? '127.0.0.1'}`);
  const handler = await routes[url.pathname];
  if (!handler || incoming.method !== 'GET') {
    outgoing.writeHead(404).end();
    return;
  }
  const aborted = new AbortController();
  outgoing.on('close', () => aborted.abort());
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value);
  const response = await handler(new Request(url, { headers, signal: aborted.signal }), {
    params: Promise.resolve({}),
  });
  outgoing.writeHead(response.status, [...response.headers.entries()].flat());
  if (!response.body) return void outgoing.end();
  const reader = response.body.getReader();
  aborted.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}));
  for (;;) {
    const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
    if (chunk.done) break;
    outgoing.write(chunk.value);
  }
  outgoing.end();
});

void Promise.all(Object.values(routes)).then(() =>
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`)),
);
