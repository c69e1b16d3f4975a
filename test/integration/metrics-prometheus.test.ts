// A real Prometheus scrapes a running Fleetdeck (next dev on the harness API server) with the metrics token,
// and the fleet gauges it stores follow an Endpoint's status as the controller would write it.
import { join } from 'node:path';
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customObjectsAs, freshNamespace, inject, uniqueName } from '../support/control-plane';
import { startNextDevServer, type NextDevServer } from '../support/next-dev-server';
import { startPrometheus, type Prometheus, type PromSample } from '../support/prometheus';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const TOKEN = `metrics-${uniqueName('token')}-0123456789`;
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const name = uniqueName('scraped');
let namespace = '';
let server: NextDevServer;
let prometheus: Prometheus;

const where = () => ({ ...coordinates('Endpoint', namespace), name });
const writeStatus = (status: object) =>
  customObjectsAs('admin').patchNamespacedCustomObjectStatus({ ...where(), body: { status } }, mergePatch);
const valueOf = (samples: PromSample[]) => (samples.length === 1 ? samples[0]!.value : undefined);
const inNamespace = () => `namespace="${namespace}"`;

beforeAll(async () => {
  namespace = await freshNamespace('metrics');
  await customObjectsAs('admin').createNamespacedCustomObject({
    ...coordinates('Endpoint', namespace),
    body: endpointBody(name),
  });
  await writeStatus({ endpointStatus: 'InService' });
  server = await startNextDevServer({
    KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'fleetdeck-server.kubeconfig'),
    FLEETDECK_METRICS_TOKEN: TOKEN,
  });
  // The first request compiles the route in next dev, which takes longer than a 1 s scrape timeout.
  const first = await fetch(`${server.baseURL}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(first.status).toBe(200);
  const target = new URL(server.baseURL).host;
  prometheus = await startPrometheus([
    { name: 'fleetdeck', target, bearerToken: TOKEN },
    { name: 'fleetdeck-wrong-token', target, bearerToken: `${TOKEN}-not` },
  ]);
}, 240_000);
afterAll(async () => {
  await prometheus?.stop();
  await server?.stop();
});

describe('Prometheus scraping Fleetdeck', () => {
  it('moves the fleet gauges with the Endpoint status: in service, updating, rolled back, failed', async () => {
    const byStatus = () => `fleetdeck_endpoints{${inNamespace()}}`;
    const only = (status: string, health: string) => (samples: PromSample[]) =>
      samples.length === 1 && samples[0]!.metric.status === status && samples[0]!.metric.health === health;
    await prometheus.waitFor(byStatus(), only('InService', 'healthy'));
    expect(valueOf(await prometheus.query(byStatus()))).toBe(1);
    await prometheus.waitFor(`fleetdeck_endpoint_deployments_in_progress{${inNamespace()}}`, (s) => valueOf(s) === 0);

    await writeStatus({
      endpointStatus: 'Updating',
      pendingDeploymentSummary: { endpointConfigName: `${name}-v2`, startTime: new Date().toISOString() },
    });
    await prometheus.waitFor(byStatus(), only('Updating', 'progressing'));
    await prometheus.waitFor(`fleetdeck_endpoint_deployments_in_progress{${inNamespace()}}`, (s) => valueOf(s) === 1);
    expect(valueOf(await prometheus.query(`fleetdeck_endpoints_rolled_back{${inNamespace()}}`))).toBe(0);

    // SageMaker rolled the update back: InService again with a failure reason, ACK.Terminal, and the
    // controller's annotation naming the config the spec still asks for (docs/ack-behaviour.md §6.2).
    await customObjectsAs('admin').patchNamespacedCustomObject(
      {
        ...where(),
        body: {
          metadata: { annotations: { 'sagemaker.services.k8s.aws/last-endpoint-config-for-update': `${name}-config` } },
        },
      },
      mergePatch,
    );
    await writeStatus({
      endpointStatus: 'InService',
      failureReason: 'alarm p99 went into ALARM',
      pendingDeploymentSummary: null,
      conditions: [
        {
          type: 'ACK.Terminal',
          status: 'True',
          message: 'api error EndpointUpdateError: unable to update endpoint. latest EndpointConfigName is old-config',
        },
      ],
    });
    await prometheus.waitFor(`fleetdeck_endpoints_rolled_back{${inNamespace()}}`, (s) => valueOf(s) === 1);
    await prometheus.waitFor(byStatus(), only('InService', 'critical'));
    expect(valueOf(await prometheus.query(`fleetdeck_endpoint_deployments_in_progress{${inNamespace()}}`))).toBe(0);

    await writeStatus({ endpointStatus: 'Failed', failureReason: 'no capacity', conditions: [] });
    await prometheus.waitFor(byStatus(), only('Failed', 'critical'));
    await prometheus.waitFor(`fleetdeck_endpoints_rolled_back{${inNamespace()}}`, (s) => valueOf(s) === 0);
    // Counted by namespace, status and health only: no series names the Endpoint.
    expect(await prometheus.query(`{__name__=~"fleetdeck_.+", name="${name}"}`)).toEqual([]);
  });

  it('refuses a scrape with the wrong token', async () => {
    const targets = await prometheus.targets();
    expect(targets['fleetdeck']).toMatchObject({ health: 'up' });
    expect(targets['fleetdeck-wrong-token']!.health).toBe('down');
    expect(targets['fleetdeck-wrong-token']!.lastError).toContain('401');
  });

  it('carries the internals: watch events, API-server calls, HTTP latency by route pattern, the event loop', async () => {
    // A detail read without a session: a 401 on a dynamic route, which must be labelled by its pattern.
    expect((await fetch(`${server.baseURL}/api/endpoints/${namespace}/${name}`)).status).toBe(401);
    const http = await prometheus.waitFor(
      'fleetdeck_http_request_duration_seconds_count{route="/api/endpoints/[namespace]/[name]", status="401"}',
      (s) => (valueOf(s) ?? 0) >= 1,
    );
    expect(http[0]!.metric.method).toBe('GET');
    const routes = (await prometheus.query('count by (route) (fleetdeck_http_request_duration_seconds_count)')).map(
      (sample) => sample.metric.route!,
    );
    expect(routes).toContain('/metrics');
    expect(routes.filter((route) => route.includes(name) || route.includes(namespace))).toEqual([]);

    const watched = await prometheus.query('sum by (kind) (fleetdeck_watch_events_received_total)');
    expect(watched.find((sample) => sample.metric.kind === 'Endpoint')?.value).toBeGreaterThan(0);
    // The probe and the first lists went to the API server and came back.
    const calls = await prometheus.query(
      'sum by (verb) (fleetdeck_apiserver_request_duration_seconds_count{code="200"})',
    );
    expect(calls.find((sample) => sample.metric.verb === 'GET')?.value).toBeGreaterThan(0);
    // Declared in the exposition even before anything counted (HELP/TYPE), so dashboards can refer to them.
    const text = await metricsText();
    for (const each of [
      'fleetdeck_apiserver_request_errors_total',
      'fleetdeck_watch_relists_total',
      'fleetdeck_stream_events_sent_total',
      'fleetdeck_access_review_cache_lookups_total',
    ])
      expect(text, each).toContain(`# TYPE ${each} counter`);
    expect(valueOf(await prometheus.query('fleetdeck_streams_open'))).toBe(0);
    expect(valueOf(await prometheus.query('fleetdeck_cluster_reachable'))).toBe(1);
    expect(valueOf(await prometheus.query('fleetdeck_watch_synced{kind="Endpoint"}'))).toBe(1);
    expect(valueOf(await prometheus.query('nodejs_eventloop_lag_p99_seconds'))).toBeGreaterThan(0);
    expect(valueOf(await prometheus.query('process_resident_memory_bytes'))).toBeGreaterThan(0);
  });

  it('logs each request as one JSON line with route, status, duration and correlation id, never the token', async () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const scrape = lines.find((line) => line.msg === 'request' && line.route === '/metrics' && line.status === 200);
    expect(scrape).toMatchObject({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      method: 'GET',
      path: '/metrics',
      durationMs: expect.any(Number),
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(lines.some((line) => line.route === '/metrics' && line.status === 401)).toBe(true);
    expect(server.output()).not.toContain(TOKEN);
  });
});

const metricsText = async () =>
  (await fetch(`${server.baseURL}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
