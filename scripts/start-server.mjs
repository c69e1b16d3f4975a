// `npm start`: the production server, Next.js's custom-server API on node:http, because `next start` does
// not expose the timeouts that cut off a client that trickles its headers or body (slowloris), nor a
// graceful stop.
// Usage: node scripts/start-server.mjs [-H host] [-p port] [--dev]; HOST and PORT work too.
// The default host is 127.0.0.1: listening beyond loopback is a choice (`-H 0.0.0.0`, with
// FLEETDECK_ALLOWED_HOSTS or FLEETDECK_ORIGIN naming the host browsers use).
// The same file is the production image's entrypoint: `npm run build` copies it to the top of the standalone
// output (.next/standalone/start-server.mjs), where it serves the app beside it.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    hostname: { type: 'string', short: 'H' },
    port: { type: 'string', short: 'p' },
    // Development build with hot reload, for tests of the transport that should not need a production build.
    dev: { type: 'boolean', default: false },
  },
});
const host = values.hostname ?? process.env.HOST ?? '127.0.0.1';
const port = Number(values.port ?? process.env.PORT ?? 3000);
const dev = values.dev;

// Headers must arrive within 15 s and the whole request within 30 s; an idle keep-alive connection closes
// after 65 s, longer than load balancers keep theirs (60 s is common), so a balancer never reuses a connection
// the server is closing (which it would answer with a 502). requestTimeout bounds receiving the request only,
// so a long Server-Sent Events response is not cut. Node checks both every connectionsCheckingInterval (30 s
// by default), so check every second.
const TIMEOUTS = {
  headersTimeout: 15_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 65_000,
  connectionsCheckingInterval: 1_000,
};

// How the server stops: see the signal handlers at the end. Read first, so a wrong value stops the start.
const shutdownDelayMs = seconds('FLEETDECK_SHUTDOWN_DELAY_SECONDS', 5) * 1000;
const shutdownTimeoutMs = seconds('FLEETDECK_SHUTDOWN_TIMEOUT_SECONDS', 20) * 1000;

// Fleetdeck's configuration reads where it listens (kubeconfig mode and demo users refuse beyond loopback).
process.env.FLEETDECK_LISTEN_HOST = host;
// The peer-address header below is this server's own, so the sign-in limiter may trust it.
process.env.FLEETDECK_PEER_ADDRESS_TRUSTED = '1';
process.env.NODE_ENV ??= dev ? 'development' : 'production';

// In the repository this file is in scripts/ and the app is one folder up; in the standalone output it sits
// beside the app, with no next.config.js: the build wrote the resolved configuration into
// required-server-files.json, and Next.js reads it from this variable instead (as its own server.js does).
const here = dirname(fileURLToPath(import.meta.url));
const standalone =
  existsSync(join(here, '.next', 'required-server-files.json')) && !existsSync(join(here, 'next.config.js'));
const dir = standalone ? here : dirname(here);
if (standalone) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(
    JSON.parse(readFileSync(join(here, '.next', 'required-server-files.json'), 'utf8')).config,
  );
}

const { default: next } = await import('next');
const app = next({ dev, dir, hostname: host, port });
await app.prepare();
const handle = app.getRequestHandler();

// The sign-in limiter counts attempts per client address; it is the socket's, whatever the client sent.
const PEER_ADDRESS_HEADER = 'x-fleetdeck-peer-address';
const server = createServer(
  {
    headersTimeout: TIMEOUTS.headersTimeout,
    requestTimeout: TIMEOUTS.requestTimeout,
    keepAliveTimeout: TIMEOUTS.keepAliveTimeout,
    connectionsCheckingInterval: TIMEOUTS.connectionsCheckingInterval,
  },
  (request, response) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? 'unknown';
    void handle(request, response);
  },
);
server.listen(port, host, () => {
  console.log(
    `[fleetdeck] listening on http://${host.includes(':') ? `[${host}]` : host}:${port}/${dev ? ' (development)' : ''}`,
  );
});

// A graceful stop, within the pod's termination grace period (the settings are read at start, above):
// readiness answers 503 and open streams are told to reconnect elsewhere at once; after
// FLEETDECK_SHUTDOWN_DELAY_SECONDS (load balancers notice the failed readiness) the server stops accepting
// and finishes the requests under way, for at most FLEETDECK_SHUTDOWN_TIMEOUT_SECONDS, then exits. A second
// signal exits at once.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) process.exit(0);
    stopping = true;
    console.log(`[fleetdeck] ${signal}: draining`);
    // Shared with lib/server/drain.ts, which the app's routes read.
    globalThis.__fleetdeckDraining = true;
    process.emit('fleetdeck:drain');
    setTimeout(() => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => {
        console.log('[fleetdeck] requests still open at the shutdown timeout; closing them');
        server.closeAllConnections();
        process.exit(0);
      }, shutdownTimeoutMs).unref();
    }, shutdownDelayMs).unref();
  });
}

/** A whole number of seconds from the environment, or the default; anything else stops the start. */
function seconds(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) {
    console.error(`[fleetdeck] ${name} must be a whole number of seconds, not "${text}"`);
    process.exit(1);
  }
  return Number(text);
}
