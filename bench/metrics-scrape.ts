// Benchmark of GET /metrics at fleet scale: N Endpoints over 10 namespaces with a spread of statuses, scraped by
// a production server, against GET /api/healthz (liveness, no fleet work) measured in the same run, alternately,
// on one keep-alive connection. Reported as ratios; nothing is asserted. Run by metrics-scrape.sh.
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { timedGet, type TimedResponse } from './support/timed-get';

const { values } = parseArgs({
  options: { endpoints: { type: 'string', default: '5000' }, rounds: { type: 'string', default: '200' } },
});
const COUNT = Number(values.endpoints);
const ROUNDS = Number(values.rounds);
const NAMESPACES = 10;
const app = process.env.FLEETDECK_BENCH_APP!;
const kubeconfigs = process.env.FLEETDECK_HARNESS_KUBECONFIGS!;
const PORT = 3918;
const BASE = `http://127.0.0.1:${PORT}`;
const admin = new KubeConfig();
admin.loadFromFile(join(kubeconfigs, 'admin.kubeconfig'));
const objects = admin.makeApiClient(CustomObjectsApi);
const group = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1', plural: 'endpoints' };
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

// Most in service, some changing, some broken: the label combinations a real fleet has.
const STATUSES = [
  ...Array<object>(14).fill({ endpointStatus: 'InService' }),
  { endpointStatus: 'Updating', pendingDeploymentSummary: { endpointConfigName: 'next' } },
  { endpointStatus: 'Creating' },
  { endpointStatus: 'Failed', failureReason: 'no capacity' },
  { endpointStatus: 'InService', failureReason: 'alarm p99 went into ALARM' },
];

const get = (path: string): Promise<TimedResponse> => timedGet(`${BASE}${path}`, { agent });

async function createFleet() {
  for (let n = 0; n < NAMESPACES; n++)
    await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: `bench-metrics-${n}` } } });
  const names = Array.from({ length: COUNT }, (_, i) => ({
    namespace: `bench-metrics-${i % NAMESPACES}`,
    name: `e-${i}`,
    i,
  }));
  for (let start = 0; start < COUNT; start += 50) {
    await Promise.all(
      names.slice(start, start + 50).map(async ({ namespace, name, i }) => {
        await objects.createNamespacedCustomObject({
          ...group,
          namespace,
          body: {
            apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
            kind: 'Endpoint',
            metadata: { name },
            spec: { endpointName: name, endpointConfigName: `${name}-config` },
          },
        });
        await objects.patchNamespacedCustomObjectStatus(
          { ...group, namespace, name, body: { status: STATUSES[i % STATUSES.length] } },
          mergePatch,
        );
      }),
    );
  }
}

async function measure(label: string, env: Record<string, string>) {
  const server = spawn(join(app, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(PORT)], {
    cwd: app,
    env: {
      ...process.env,
      KUBECONFIG: join(kubeconfigs, 'fleetdeck-server.kubeconfig'),
      NODE_ENV: 'production',
      ...env,
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    while ((await get('/api/healthz').catch(() => undefined))?.status !== 200) await sleep(500);
    // Every Endpoint in the watch cache and in the gauges before timing starts.
    while (!(await get('/metrics')).body.includes(`fleetdeck_watch_cache_objects{kind="Endpoint"} ${COUNT}`))
      await sleep(1000);
    for (let i = 0; i < 20; i++) {
      await get('/api/healthz');
      await get('/metrics');
    }
    const health: number[] = [];
    const scrape: number[] = [];
    let bytes = 0;
    let series = 0;
    for (let i = 0; i < ROUNDS; i++) {
      health.push((await get('/api/healthz')).ms);
      const metrics = await get('/metrics');
      scrape.push(metrics.ms);
      bytes = metrics.bytes;
      series = metrics.body.split('\n').filter((line) => line && !line.startsWith('#')).length;
    }
    const p = (list: number[], n: number) => percentile(list, n).toFixed(2);
    console.log(`== ${label}: ${series} series, ${(bytes / 1024).toFixed(1)} KiB per scrape, ${ROUNDS} rounds`);
    console.log(`/api/healthz: p50 ${p(health, 50)} ms, p95 ${p(health, 95)} ms`);
    console.log(`/metrics:     p50 ${p(scrape, 50)} ms, p95 ${p(scrape, 95)} ms`);
    console.log(
      `ratio /metrics to /api/healthz: p50 ${(percentile(scrape, 50) / percentile(health, 50)).toFixed(1)}x, p95 ${(percentile(scrape, 95) / percentile(health, 95)).toFixed(1)}x`,
    );
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await sleep(1000);
  }
}

async function main() {
  console.log(`== setting up ${COUNT} Endpoints in ${NAMESPACES} namespaces with a spread of statuses`);
  await createFleet();
  await measure(`${COUNT} Endpoints, default (no per-Endpoint series)`, {});
  await measure(`${COUNT} Endpoints, FLEETDECK_METRICS_PER_ENDPOINT=1`, { FLEETDECK_METRICS_PER_ENDPOINT: '1' });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
