// GET /metrics and its settings, through the route handler and the proxy in this process: the bearer token
// (FLEETDECK_METRICS_TOKEN), the Host rule it relaxes for scrapes by pod address, and per-Endpoint series.
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import { call, configureServer } from '../support/api-client';
import { customObjectsAs, freshNamespace, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const TOKEN = 'scrape-me-please-0123456789abcdef';

type Handler = (request: Request) => Promise<Response>;

/** The metrics route and the proxy as modules fresh from the current environment (settings are read once). */
async function freshModules(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  vi.resetModules();
  const route = await import('@/app/metrics/route');
  const { proxy } = await import('@/proxy');
  return { GET: route.GET as Handler, proxy };
}

const scrape = (GET: Handler, headers: Record<string, string> = {}) => call(GET, { path: '/metrics', headers });
const podHost = { host: '10.1.2.3:3000' };
// The proxy lets a request through with NextResponse.next(), which Next.js marks with this header.
const passes = (response: Response) => response.headers.get('x-middleware-next') === '1';

configureServer();

describe('with FLEETDECK_METRICS_TOKEN', () => {
  let GET: Handler;
  let proxy: (request: NextRequest) => Response;
  beforeAll(async () => {
    ({ GET, proxy } = await freshModules({ FLEETDECK_METRICS_TOKEN: TOKEN }));
  });

  it('answers the right bearer token with the Prometheus text format', async () => {
    const response = await scrape(GET, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE fleetdeck_endpoints gauge');
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('refuses no token, a wrong one, a prefix of the right one and another scheme with 401 in the envelope', async () => {
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN.replace(/.$/, 'X')}`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Bearer ${TOKEN}0`,
      `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`,
      TOKEN,
    ]) {
      const response = await scrape(GET, authorization ? { authorization } : {});
      expect(response.status, authorization).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="fleetdeck-metrics"');
      const body = errorEnvelopeSchema.parse(await response.json());
      expect(body.error.code).toBe('unauthenticated');
      expect(response.headers.get('x-correlation-id')).toBe(body.error.correlationId);
    }
  });

  it('lets a scrape by pod address through the Host check, and nothing else', () => {
    expect(passes(proxy(new NextRequest('http://10.1.2.3:3000/metrics', { headers: podHost })))).toBe(true);
    for (const path of ['/api/healthz', '/metrics/', '/']) {
      const refused = proxy(new NextRequest(`http://10.1.2.3:3000${path}`, { headers: podHost }));
      expect(refused.status, path).toBe(421);
    }
  });
});

describe('without FLEETDECK_METRICS_TOKEN', () => {
  let GET: Handler;
  let proxy: (request: NextRequest) => Response;
  beforeAll(async () => {
    ({ GET, proxy } = await freshModules({ FLEETDECK_METRICS_TOKEN: undefined }));
  });

  it('answers without a token, on an allowed Host only (421 in the envelope otherwise)', async () => {
    expect((await scrape(GET)).status).toBe(200);
    expect(
      passes(proxy(new NextRequest('http://localhost:3000/metrics', { headers: { host: 'localhost:3000' } }))),
    ).toBe(true);
    const refused = proxy(new NextRequest('http://10.1.2.3:3000/metrics', { headers: podHost }));
    expect(refused.status).toBe(421);
    expect(errorEnvelopeSchema.parse(await refused.json()).error.code).toBe('misdirected_request');
  });
});

describe('FLEETDECK_METRICS_PER_ENDPOINT', () => {
  let namespace = '';
  const name = uniqueName('counted');
  beforeAll(async () => {
    namespace = await freshNamespace('metrics-each');
    await customObjectsAs('admin').createNamespacedCustomObject({
      ...coordinates('Endpoint', namespace),
      body: endpointBody(name),
    });
  });

  /** The metrics text once the shared watch has the Endpoint (counted in its namespace). */
  async function textWithEndpoint(GET: Handler): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const text = await (await scrape(GET)).text();
      if (text.includes(`fleetdeck_endpoints{namespace="${namespace}"`) || Date.now() > deadline) return text;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('adds one series per Endpoint only when set', async () => {
    const series = `fleetdeck_endpoint_info{namespace="${namespace}",name="${name}",status="Pending",health="unknown"} 1`;
    const off = await freshModules({ FLEETDECK_METRICS_TOKEN: undefined, FLEETDECK_METRICS_PER_ENDPOINT: '0' });
    const without = await textWithEndpoint(off.GET);
    expect(without).toContain(`fleetdeck_endpoints{namespace="${namespace}",status="Pending",health="unknown"} 1`);
    expect(without).not.toContain(name);

    const on = await freshModules({ FLEETDECK_METRICS_PER_ENDPOINT: '1' });
    expect(await textWithEndpoint(on.GET)).toContain(series);
  });

  it('drops the per-Endpoint series when the setting goes off (next dev reloads a changed .env)', async () => {
    const off = await freshModules({ FLEETDECK_METRICS_PER_ENDPOINT: 'false' });
    expect(await textWithEndpoint(off.GET)).not.toContain('fleetdeck_endpoint_info{');
  });
});
