// Benchmark of the server's read path and live stream at fleet scale, with the simulated controller's churn
// live. Every figure is reported against a baseline measured in the same run: a direct LIST from the API
// server for reads, raw watch events for the stream. Run by api-fleet.sh (fresh control plane, production build).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  Watch,
} from '@kubernetes/client-node';
import { cpuSeconds as cpuOf, descendants, rssMiB as rssOf } from './process-stats';
import { createBenchFleet } from './support/bench-fleet';
import { timedGet, type TimedResponse } from './support/timed-get';

const cpuSeconds = (pid: number) => cpuOf([pid]);
const rssMiB = (pid: number) => rssOf([pid]);

const { values } = parseArgs({
  options: {
    endpoints: { type: 'string', default: '5000' },
    streams: { type: 'string', default: '100' },
    cycles: { type: 'string', default: '10000' },
  },
});
const COUNT = Number(values.endpoints);
const STREAMS = Number(values.streams);
const CYCLES = Number(values.cycles);
const repo = join(import.meta.dirname, '..');
const kubeconfigs = process.env.FLEETDECK_HARNESS_KUBECONFIGS!;
const stateDir = process.env.FLEETDECK_HARNESS_STATE!;
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;
const kc = (user: string) => {
  const config = new KubeConfig();
  config.loadFromFile(join(kubeconfigs, `${user}.kubeconfig`));
  return config;
};
const admin = kc('admin');
const objects = admin.makeApiClient(CustomObjectsApi);
const group = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const get = (path: string, cookie: string): Promise<TimedResponse> =>
  timedGet(`${BASE}${path}`, { headers: { cookie } });

/**
 * The server's live heap: the smallest heapUsed over a few seconds of samples. Garbage comes and goes between
 * collections; the minimum is close to what survives one, without asking the server to collect.
 */
async function liveHeapMiB(seconds = 20): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < seconds * 2; i++) {
    const health = JSON.parse((await get('/api/healthz', '')).body) as { memory: { heapUsedMiB: number } };
    least = Math.min(least, health.memory.heapUsedMiB);
    await sleep(500);
  }
  return least;
}

async function signIn(user: string): Promise<string> {
  const token = kc(user).getCurrentUser()!.token!;
  const response = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ token }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** The API server's request counters by verb and resource, from its own /metrics. */
async function apiCounters(): Promise<Record<string, number>> {
  const text = execFileSync(
    'curl',
    [
      '-s',
      '--cacert',
      join(stateDir, '..', 'pki', 'ca.crt'),
      '-H',
      `Authorization: Bearer ${admin.getCurrentUser()!.token}`,
      `${admin.getCurrentCluster()!.server}/metrics`,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const counters: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^apiserver_request_total\{(.*)\} (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...match[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const key = `${labels.verb} ${labels.resource}`;
    counters[key] = (counters[key] ?? 0) + Number(match[2]);
  }
  return counters;
}
const delta = (after: Record<string, number>, before: Record<string, number>, key: string) =>
  (after[key] ?? 0) - (before[key] ?? 0);

function openStream(cookie: string, onEvent: (event: string, data: string) => void): () => void {
  const controller = new AbortController();
  const req = httpRequest(
    `${BASE}/api/stream`,
    { headers: { cookie, 'sec-fetch-site': 'same-origin' }, signal: controller.signal },
    (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          onEvent(/^event: (.*)$/m.exec(frame)?.[1] ?? '', /^data: (.*)$/m.exec(frame)?.[1] ?? '');
        }
      });
      response.on('error', () => {});
    },
  );
  req.on('error', () => {});
  req.end();
  return () => controller.abort();
}

async function main() {
  console.log(`== setting up ${COUNT} Endpoints with the simulated controller's churn`);
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: 'bench-fleet' } } });
  const server = spawn(join(repo, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(PORT)], {
    cwd: repo,
    env: {
      ...process.env,
      KUBECONFIG: join(kubeconfigs, 'fleetdeck-server.kubeconfig'),
      FLEETDECK_MAX_STREAMS_PER_IDENTITY: String(STREAMS + 10),
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
  const simulator: ChildProcess = spawn(
    join(repo, 'node_modules', '.bin', 'tsx'),
    [join(repo, 'simulator', 'main.ts')],
    {
      env: {
        ...process.env,
        SIM_KUBECONFIG: join(kubeconfigs, 'sagemaker-simulator.kubeconfig'),
        SIM_TIME_SCALE: '1',
        SIM_CREATE_SECONDS: '0',
        SIM_CONCURRENCY: '8',
        SIM_STATE_FILE: join(stateDir, 'bench-api-sim.json'),
      },
      stdio: 'ignore',
    },
  );
  try {
    while ((await fetch(`${BASE}/api/healthz`).catch(() => undefined))?.status !== 200) await sleep(500);
    const serverPid =
      descendants(server.pid!).find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('next-server')) ??
      server.pid!;
    await sleep(5000);
    const rssEmpty = rssMiB(serverPid);
    const heapEmpty = await liveHeapMiB();
    await createBenchFleet(objects, 'bench-fleet', COUNT);
    const cookie = await signIn('oncall');
    // Wait until the simulator has given every endpoint a status, so the churn is the steady 30 s resync.
    while (true) {
      const list = (await objects.listNamespacedCustomObject({
        ...group,
        namespace: 'bench-fleet',
        plural: 'endpoints',
      })) as { items: { status?: { endpointStatus?: string } }[] };
      const done = list.items.filter((item) => item.status?.endpointStatus === 'InService').length;
      if (done === COUNT) break;
      await sleep(5000);
    }
    const rssFull = rssMiB(serverPid);
    const heapFull = await liveHeapMiB();
    console.log(`server RSS: ${rssEmpty.toFixed(0)} MiB with no endpoints, ${rssFull.toFixed(0)} MiB with ${COUNT}`);
    console.log(
      `server live heap: ${heapEmpty} MiB with no endpoints, ${heapFull} MiB with ${COUNT}: +${((heapFull - heapEmpty) / (COUNT / 1000)).toFixed(1)} MiB per 1,000 endpoints`,
    );
    const oneEndpoint = JSON.stringify(
      await objects.getNamespacedCustomObject({ ...group, namespace: 'bench-fleet', plural: 'endpoints', name: 'e-0' }),
    );
    console.log(`one Endpoint as JSON: ${oneEndpoint.length} bytes`);

    console.log(
      '== fleet list: the whole fleet through Fleetdeck (pages of 1000) vs one direct LIST as admin, 20 times each',
    );
    const before = await apiCounters();
    const fleetTimes: number[] = [];
    let fleetBytes = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      let cursor: string | undefined;
      fleetBytes = 0;
      do {
        const response = await get(`/api/fleet?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, cookie);
        fleetBytes += response.bytes;
        cursor = (JSON.parse(response.body) as { nextCursor?: string }).nextCursor;
      } while (cursor);
      fleetTimes.push(performance.now() - started);
    }
    const afterFleet = await apiCounters();
    const directTimes: number[] = [];
    let directBytes = 0;
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const list = await objects.listNamespacedCustomObject({
        ...group,
        namespace: 'bench-fleet',
        plural: 'endpoints',
      });
      directTimes.push(performance.now() - started);
      directBytes = JSON.stringify(list).length;
    }
    const p = (values: number[], n: number) => percentile(values, n).toFixed(0);
    console.log(
      `Fleetdeck full fleet: p50 ${p(fleetTimes, 50)} ms, p95 ${p(fleetTimes, 95)} ms, ${(fleetBytes / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `direct LIST:          p50 ${p(directTimes, 50)} ms, p95 ${p(directTimes, 95)} ms, ${(directBytes / 1024).toFixed(0)} KiB`,
    );
    console.log(
      `ratio Fleetdeck/direct: p50 ${(percentile(fleetTimes, 50) / percentile(directTimes, 50)).toFixed(2)}x, p95 ${(percentile(fleetTimes, 95) / percentile(directTimes, 95)).toFixed(2)}x, bytes ${(fleetBytes / directBytes).toFixed(2)}x`,
    );
    console.log(
      `API calls made by 20 warm full-fleet reads: LIST endpoints ${delta(afterFleet, before, 'LIST endpoints')}, SelfSubjectAccessReviews ${delta(afterFleet, before, 'POST selfsubjectaccessreviews')}`,
    );

    console.log(`== stream fan-out: ${STREAMS} open streams vs 1, under pure churn for 30 s`);
    const baseline = await apiCounters();
    let rawEvents = 0;
    const rawWatch = await new Watch(admin).watch(
      '/apis/sagemaker.services.k8s.aws/v1alpha1/namespaces/bench-fleet/endpoints',
      {},
      () => rawEvents++,
      () => {},
    );
    const rssBeforeStreams = rssMiB(serverPid);
    const cpuBefore = cpuSeconds(serverPid);
    const received = Array.from({ length: STREAMS }, () => ({ upserts: 0, marks: new Map<string, number>() }));
    const closers = received.map((slot) =>
      openStream(cookie, (event, data) => {
        if (event !== 'upsert') return;
        slot.upserts++;
        const status = (JSON.parse(data) as { name: string; status?: string }).status ?? '';
        if (status.startsWith('Mark-')) slot.marks.set(status, performance.now());
      }),
    );
    await sleep(30_000);
    const serverCores = (cpuSeconds(serverPid) - cpuBefore) / 30;
    const loop = JSON.parse((await get('/api/healthz', '')).body) as { eventLoopDelayP99Ms?: number };
    console.log(
      `server CPU under churn with ${STREAMS} streams: ${serverCores.toFixed(2)} cores (the API server's watch cost is shared; see WATCH below); event-loop delay p99 since start ${loop.eventLoopDelayP99Ms} ms`,
    );
    const churnForwarded = received.reduce((sum, slot) => sum + slot.upserts, 0) / STREAMS;
    console.log(
      `per stream: ${churnForwarded.toFixed(1)} events forwarded vs ${rawEvents} raw watch events (churn only, ${(churnForwarded / Math.max(1, rawEvents)).toFixed(3)}x)`,
    );
    const rssWithStreams = rssMiB(serverPid);

    console.log('== 50 real changes: each must reach every stream');
    const sentAt = new Map<string, number>();
    const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
    for (let i = 0; i < 50; i++) {
      const status = `Mark-${i}`;
      sentAt.set(status, performance.now());
      await objects.patchNamespacedCustomObjectStatus(
        {
          ...group,
          namespace: 'bench-fleet',
          plural: 'endpoints',
          name: `e-${i * 97}`,
          body: { status: { endpointStatus: status } },
        },
        mergePatch,
      );
      await sleep(100);
    }
    await sleep(3000);
    const latencies: number[] = [];
    let missing = 0;
    for (const slot of received) {
      for (const [status, sent] of sentAt) {
        const at = slot.marks.get(status);
        if (at === undefined) missing++;
        else latencies.push(at - sent);
      }
    }
    console.log(
      `delivered ${latencies.length} of ${STREAMS * 50}; missing ${missing}; change-to-stream p50 ${p(latencies, 50)} ms, p95 ${p(latencies, 95)} ms`,
    );
    const afterStreams = await apiCounters();
    console.log(
      `API calls while ${STREAMS} streams were open: WATCH endpoints ${delta(afterStreams, baseline, 'WATCH endpoints')}, SelfSubjectAccessReviews ${delta(afterStreams, baseline, 'POST selfsubjectaccessreviews')}`,
    );
    console.log(`server RSS: +${(rssWithStreams - rssBeforeStreams).toFixed(1)} MiB for ${STREAMS} streams`);
    for (const close of closers) close();
    rawWatch.abort();

    console.log(`== ${CYCLES} connect/disconnect cycles`);
    await sleep(2000);
    const rssBeforeCycles = rssMiB(serverPid);
    const heapBeforeCycles = await liveHeapMiB();
    for (let i = 0; i < CYCLES; i += 50) {
      const batch = Array.from({ length: 50 }, () => openStream(cookie, () => {}));
      await sleep(20);
      for (const close of batch) close();
    }
    await sleep(3000);
    const health = JSON.parse((await get('/api/healthz', '')).body) as { streams?: number };
    const heapAfterCycles = await liveHeapMiB();
    console.log(
      `after the cycles: ${health.streams} open streams on the server; live heap ${heapBeforeCycles} -> ${heapAfterCycles} MiB (${(heapAfterCycles / heapBeforeCycles).toFixed(2)}x); RSS ${rssBeforeCycles.toFixed(0)} -> ${rssMiB(serverPid).toFixed(0)} MiB`,
    );
  } finally {
    server.kill('SIGTERM');
    simulator.kill('SIGTERM');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
