// Benchmark: one replica, run as the production image runs it, at fleet scale: how long a cold start takes
// until it is ready (/api/readyz 200: the fleet listed) and how much memory (RSS) it holds once ready, at
// --endpoints (5,000) against the same replica on an empty fleet, measured in the same run. The fleet is made
// InService by the simulated controller, which is then stopped so its churn does not weigh on the figures.
// Run by replica-scale.sh (a control plane of its own, a fresh production build, the image root).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreV1Api } from '@kubernetes/client-node';
import { Replica } from '../e2e/support/replicas';
import { rssMiB } from './process-stats';
import { benchCluster, createBenchFleet } from './support/bench-fleet';

const { values } = parseArgs({
  options: { endpoints: { type: 'string', default: '5000' }, starts: { type: 'string', default: '3' } },
});
const COUNT = Number(values.endpoints);
const STARTS = Number(values.starts);
const repo = join(import.meta.dirname, '..');
const namespace = 'bench-replica';
const { kubeconfigs, stateDir, admin, objects, group } = benchCluster(namespace);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function inService(): Promise<number> {
  const list = (await objects.listNamespacedCustomObject({ ...group, plural: 'endpoints' })) as {
    items: { status?: { endpointStatus?: string } }[];
  };
  return list.items.filter((item) => item.status?.endpointStatus === 'InService').length;
}

/** STARTS cold starts of the replica: milliseconds to ready, and RSS once ready and settled, as medians. */
async function coldStarts(replica: Replica): Promise<{ readyMs: number; rss: number; heap: number }> {
  const ready: number[] = [];
  const rss: number[] = [];
  const heap: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const started = performance.now();
    await replica.start();
    ready.push(performance.now() - started);
    // Settled: the start's garbage has had time to go, the fleet is held as it will be.
    await sleep(10_000);
    rss.push(rssMiB([replica.pid!]));
    const health = (await (await fetch(`${replica.url}/api/healthz`)).json()) as { memory: { heapUsedMiB: number } };
    heap.push(health.memory.heapUsedMiB);
    await replica.stop();
  }
  return { readyMs: median(ready), rss: median(rss), heap: median(heap) };
}

async function main() {
  const logDir = mkdtempSync(join(tmpdir(), 'fleetdeck-bench-replica-'));
  const replica = await Replica.create('bench', { kubeconfigDir: kubeconfigs, logDir, allowedHosts: [] });
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
  try {
    console.log(`== one replica, ${STARTS} cold starts each (medians): an empty fleet, then ${COUNT} endpoints`);
    const empty = await coldStarts(replica);

    const simulator = spawn(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'simulator', 'main.ts')], {
      env: {
        ...process.env,
        SIM_KUBECONFIG: join(kubeconfigs, 'sagemaker-simulator.kubeconfig'),
        SIM_CREATE_SECONDS: '0',
        SIM_CONCURRENCY: '8',
        SIM_WATCH_NAMESPACE: namespace,
        SIM_STATE_FILE: join(stateDir, 'bench-replica-sim.json'),
      },
      stdio: 'ignore',
    });
    await createBenchFleet(objects, namespace, COUNT);
    while ((await inService()) < COUNT) await sleep(5000);
    const stopped = new Promise((resolve) => simulator.once('exit', resolve));
    simulator.kill('SIGTERM');
    await stopped;
    const listStarted = performance.now();
    await objects.listNamespacedCustomObject({ ...group, plural: 'endpoints' });
    const listMs = performance.now() - listStarted;

    const full = await coldStarts(replica);
    const row = (name: string, figures: typeof empty) =>
      `${name}: ready after ${figures.readyMs.toFixed(0)} ms, RSS ${figures.rss.toFixed(0)} MiB, live heap ${figures.heap} MiB`;
    console.log(row('empty fleet (baseline)', empty));
    console.log(row(`${COUNT} endpoints`, full));
    console.log(
      `ratio ${COUNT}/empty: cold start ${(full.readyMs / empty.readyMs).toFixed(2)}x, RSS ${(full.rss / empty.rss).toFixed(2)}x (+${(full.rss - empty.rss).toFixed(0)} MiB)`,
    );
    console.log(`for reference, one direct LIST of the ${COUNT} Endpoints as admin: ${listMs.toFixed(0)} ms`);
  } finally {
    await replica.kill();
    rmSync(logDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
