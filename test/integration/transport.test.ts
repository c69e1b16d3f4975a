// The transport of the server `npm start` runs (scripts/start-server.mjs, here in its development mode): the
// Host names it answers to, the timeouts that cut off a client trickling its headers while a long stream
// lives on, and the banner of a demo server.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import { signInOverHttp, sseReader } from '../support/api-client';
import { customObjectsAs, freshNamespace, inject } from '../support/control-plane';
import { startNextDevServer, type NextDevServer } from '../support/next-dev-server';
import { coordinates, endpointBody } from '../support/sagemaker-objects';
import { uniqueName } from '../support/test-users';

const kubeconfigDir = inject('controlPlane').kubeconfigDir;
let server: NextDevServer;
let port: number;
beforeAll(async () => {
  server = await startNextDevServer(
    {
      KUBECONFIG: join(kubeconfigDir, 'fleetdeck-server.kubeconfig'),
      FLEETDECK_DEMO: '1',
      FLEETDECK_DEMO_KUBECONFIGS: kubeconfigDir,
      FLEETDECK_ALLOWED_HOSTS: 'localhost,127.0.0.1,fleetdeck.test:8443',
    },
    240_000,
    { startScript: true },
  );
  port = Number(new URL(server.baseURL).port);
}, 300_000);
afterAll(() => server?.stop());

/** A request with a Host header of the test's choosing (fetch sends its URL's). */
function withHost(path: string, host: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('host names', () => {
  it('answers 421 to any Host it was not told to answer to: the envelope on the API, plain text on a page', async () => {
    for (const host of [
      'rebound.example',
      `rebound.example:${port}`,
      'fleetdeck.test',
      `[::1]:${port}`,
      `127.0.0.1.nip.io:${port}`,
    ]) {
      const api = await withHost('/api/me', host);
      expect(api.status, host).toBe(421);
      expect(api.type).toBe('application/json; charset=utf-8');
      expect(errorEnvelopeSchema.parse(JSON.parse(api.body)).error.code).toBe('misdirected_request');
      const page = await withHost('/sign-in', host);
      expect(page.status, host).toBe(421);
      expect(page.type).toBe('text/plain; charset=utf-8');
    }
    expect((await withHost('/api/me', `127.0.0.1:${port}`)).status).toBe(401);
    expect((await withHost('/api/me', `LOCALHOST:${port}`)).status).toBe(401);
    expect((await withHost('/api/me', 'fleetdeck.test:8443')).status).toBe(401);
  });
});

describe('a demo server', () => {
  it('says it is a demo on the sign-in page', async () => {
    const page = await fetch(`${server.baseURL}/sign-in`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('This is a Fleetdeck demo');
  });
});

describe('timeouts', () => {
  it('closes a connection that trickles its headers within 20 s, while a live stream outlasts the request timeout', async () => {
    // A signed-in live stream, open from the start: requestTimeout (30 s) bounds receiving a request, not
    // sending the response.
    const cookie = await signInOverHttp(server.baseURL, 'oncall');
    const namespace = await freshNamespace('late');
    const stream = await fetch(`${server.baseURL}/api/stream?namespace=${namespace}`, {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(stream.status).toBe(200);
    const events = sseReader(stream);
    const streamOpened = Date.now();

    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.write(`GET /api/healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    let line = 0;
    const trickle = setInterval(() => socket.writable && socket.write(`X-Slow-${line++}: a\r\n`), 1000);
    const after = await Promise.race([
      closed,
      new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 25_000)),
    ]);
    clearInterval(trickle);
    socket.destroy();
    expect(after).toBeGreaterThan(10_000);
    expect(after).toBeLessThan(20_000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);

    // Past the 30 s request timeout and the 1 s check after it, the stream still delivers a change.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, streamOpened + 32_000 - Date.now())));
    const name = uniqueName('late');
    await customObjectsAs('admin').createNamespacedCustomObject({
      ...coordinates('Endpoint', namespace),
      body: endpointBody(name),
    });
    const seen = await events.until(
      (all) => all.some((event) => event.event === 'upsert' && event.data?.name === name),
      10_000,
    );
    expect(seen.some((event) => event.event === 'upsert' && event.data?.name === name)).toBe(true);
    await events.cancel();
  }, 60_000);
});
