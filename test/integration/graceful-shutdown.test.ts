// How a replica stops when Kubernetes (or a person) sends SIGTERM: it says it is not ready, tells open live
// streams to reconnect elsewhere, keeps answering during the delay load balancers need to notice, then exits
// on its own well within the termination grace period. The start script in its development mode, against the
// real API server.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import { signInOverHttp, sseReader } from '../support/api-client';
import { freshNamespace, inject } from '../support/control-plane';
import { startNextDevServer, type NextDevServer } from '../support/next-dev-server';

const kubeconfigDir = inject('controlPlane').kubeconfigDir;
const DELAY_SECONDS = 3;
const TIMEOUT_SECONDS = 5;
let server: NextDevServer;
beforeAll(async () => {
  server = await startNextDevServer(
    {
      KUBECONFIG: join(kubeconfigDir, 'fleetdeck-server.kubeconfig'),
      FLEETDECK_DEMO: '1',
      FLEETDECK_DEMO_KUBECONFIGS: kubeconfigDir,
      FLEETDECK_SHUTDOWN_DELAY_SECONDS: String(DELAY_SECONDS),
      FLEETDECK_SHUTDOWN_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS),
    },
    240_000,
    { startScript: true },
  );
}, 300_000);
afterAll(() => server?.stop());

describe('a graceful stop', () => {
  it('goes unready, ends streams with a shutdown event, keeps serving for the delay, then exits 0', async () => {
    const cookie = await signInOverHttp(server.baseURL, 'oncall');
    const streamOf = () =>
      fetch(`${server.baseURL}/api/stream?namespace=${namespace}`, {
        headers: { cookie, 'sec-fetch-site': 'same-origin' },
      });
    const namespace = await freshNamespace('drain');
    expect((await fetch(`${server.baseURL}/api/readyz`)).status).toBe(200);
    const stream = await streamOf();
    expect(stream.status).toBe(200);
    const events = sseReader(stream);
    await events.until((all) => all.some((event) => event.event === 'hello'), 10_000);

    const signalled = Date.now();
    const exited = server.signal('SIGTERM');
    const seen = await events.until((all) => all.some((event) => event.event === 'shutdown'), 5_000);
    expect(seen.map((event) => event.event)).toEqual(['hello', 'shutdown']);
    expect(seen[1]!.data.message).toMatch(/restarting/);

    // Within the delay: unready (503, come back in a second), no new stream, everything else still served.
    const ready = await fetch(`${server.baseURL}/api/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('retry-after')).toBe('1');
    expect(errorEnvelopeSchema.parse(await ready.json()).error.message).toMatch(/shutting down/);
    expect((await streamOf()).status).toBe(503);
    expect((await fetch(`${server.baseURL}/api/healthz`)).status).toBe(200);
    expect(Date.now() - signalled).toBeLessThan(DELAY_SECONDS * 1000);

    expect(await exited).toBe(0);
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(DELAY_SECONDS * 1000);
    expect(took).toBeLessThan((DELAY_SECONDS + TIMEOUT_SECONDS) * 1000);
    expect(server.output()).toContain('SIGTERM: draining');
  }, 60_000);
});
