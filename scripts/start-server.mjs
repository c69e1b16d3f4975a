// `npm start`: the production server, Next.js's custom-server API on node:http, because `next start` does
// not expose the timeouts that cut off a client that trickles its headers or body (slowloris).
// Usage: node scripts/start-server.mjs [-H host] [-p port] [--dev]; HOST and PORT work too.
// The default host is 127.0.0.1: listening beyond loopback is a choice (`-H 0.0.0.0`, with
// FLEETDECK_ALLOWED_HOSTS or FLEETDECK_ORIGIN naming the host browsers use).
import { createServer } from 'node:http';
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
// the server is closing (which it would answer with a 502). requestTimeout bounds receiving the request only, so a long Server-Sent Events response is not
// cut. Node checks both every connectionsCheckingInterval (30 s by default), so check every second.
const TIMEOUTS = {
  headersTimeout: 15_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 65_000,
  connectionsCheckingInterval: 1_000,
};

// Fleetdeck's configuration reads where it listens (kubeconfig mode and demo users refuse beyond loopback).
process.env.FLEETDECK_LISTEN_HOST = host;
// The peer-address header below is this server's own, so the sign-in limiter may trust it.
process.env.FLEETDECK_PEER_ADDRESS_TRUSTED = '1';
process.env.NODE_ENV ??= dev ? 'development' : 'production';
const { default: next } = await import('next');
const app = next({ dev, hostname: host, port });
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

// Stop at once: open live streams would hold a graceful close open for ever; browsers reconnect.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close();
    server.closeIdleConnections();
    process.exit(0);
  });
}
