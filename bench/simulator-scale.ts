// Benchmark: the simulated controller holding N Endpoints at the real 30-second resync. Measures status writes
// per second, and the simulator's CPU and memory as ratios against the API server's own cost for the same
// writes, measured over the same window. Run by simulator-scale.sh, which provides a fresh control plane.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreV1Api, Watch } from '@kubernetes/client-node';
import { cpuSeconds, descendants, rssMiB } from './process-stats';
import { benchCluster, createBenchFleet } from './support/bench-fleet';

const { values } = parseArgs({
  options: {
    endpoints: { type: 'string', default: '5000' },
    window: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '1' },
  },
});
const count = Number(values.endpoints);
const windowSeconds = Number(values.window);
const repo = join(import.meta.dirname, '..');
const namespace = 'bench-sim';
const { kubeconfigs, stateDir, admin, objects, group } = benchCluster(namespace);

const pidFile = (name: string) => Number(readFileSync(join(stateDir, '..', `${name}.pid`), 'utf8'));

async function createFleet() {
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
  await createBenchFleet(objects, namespace, count, {
    model: 'bench-model',
    image: 'repo/bench:1',
    config: 'bench-config',
    endpointPrefix: 'bench-',
  });
}

async function inServiceCount(): Promise<number> {
  const list = (await objects.listNamespacedCustomObject({ ...group, plural: 'endpoints' })) as {
    items: { status?: { endpointStatus?: string } }[];
  };
  return list.items.filter((item) => item.status?.endpointStatus === 'InService').length;
}

async function main() {
  const created = Date.now();
  await createFleet();
  console.log(`created ${count} Endpoints in ${((Date.now() - created) / 1000).toFixed(0)} s`);
  const simulator = spawn(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'simulator', 'main.ts')], {
    env: {
      ...process.env,
      SIM_KUBECONFIG: join(kubeconfigs, 'sagemaker-simulator.kubeconfig'),
      SIM_TIME_SCALE: '1',
      SIM_CREATE_SECONDS: '0',
      SIM_STATE_FILE: join(stateDir, 'bench-simulator.json'),
      SIM_CONCURRENCY: values.concurrency,
      SIM_WATCH_NAMESPACE: namespace,
    },
    stdio: 'ignore',
  });
  const started = Date.now();
  while ((await inServiceCount()) < count) await new Promise((resolve) => setTimeout(resolve, 5000));
  console.log(`all ${count} InService after ${((Date.now() - started) / 1000).toFixed(0)} s (first reconcile of each)`);
  // Let the first round of 30-second requeues settle into a steady rhythm.
  await new Promise((resolve) => setTimeout(resolve, 30_000));

  let writes = 0;
  const watch = await new Watch(admin).watch(
    `/apis/sagemaker.services.k8s.aws/v1alpha1/namespaces/${namespace}/endpoints`,
    {},
    (type) => {
      if (type === 'MODIFIED') writes++;
    },
    () => {},
  );
  const simulatorPids = descendants(simulator.pid!);
  const apiserverPids = [pidFile('kube-apiserver')];
  const etcdPids = [pidFile('etcd')];
  const before = { sim: cpuSeconds(simulatorPids), api: cpuSeconds(apiserverPids), etcd: cpuSeconds(etcdPids) };
  await new Promise((resolve) => setTimeout(resolve, windowSeconds * 1000));
  const after = { sim: cpuSeconds(simulatorPids), api: cpuSeconds(apiserverPids), etcd: cpuSeconds(etcdPids) };
  watch.abort();
  const rate = writes / windowSeconds;
  const simCpu = (after.sim - before.sim) / windowSeconds;
  const apiCpu = (after.api - before.api) / windowSeconds;
  const etcdCpu = (after.etcd - before.etcd) / windowSeconds;
  const simRss = rssMiB(simulatorPids);
  const apiRss = rssMiB(apiserverPids);
  console.log(`window ${windowSeconds} s, SIM_CONCURRENCY=${values.concurrency}`);
  console.log(
    `status writes: ${rate.toFixed(1)}/s (the real controller's 30 s resync asks ${(count / 30).toFixed(1)}/s) = ${(rate / (count / 30)).toFixed(2)}x target`,
  );
  console.log(
    `CPU (cores): simulator ${simCpu.toFixed(2)}, kube-apiserver ${apiCpu.toFixed(2)}, etcd ${etcdCpu.toFixed(2)}; simulator = ${(simCpu / apiCpu).toFixed(2)}x kube-apiserver`,
  );
  console.log(
    `CPU per 1,000 writes: simulator ${((simCpu / rate) * 1000).toFixed(2)} s, kube-apiserver ${((apiCpu / rate) * 1000).toFixed(2)} s`,
  );
  console.log(
    `RSS: simulator ${simRss.toFixed(0)} MiB, kube-apiserver ${apiRss.toFixed(0)} MiB; simulator = ${(simRss / apiRss).toFixed(2)}x kube-apiserver`,
  );
  simulator.kill('SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
