// Benchmark of Fleetdeck's CloudWatch reads at fleet scale, on a production server against the simulated
// CloudWatch. Every figure is a ratio against a baseline measured in the same run: calls to CloudWatch with many
// viewers of one endpoint against one viewer, the metrics route's latency against a direct GetMetricData of the
// same queries from this script, and the server's heap with the metrics caches filled against before any read.
// Nothing is asserted. Run by cloudwatch-reads.sh (fresh control plane, production build in a copy).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  type MetricDatum,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { CoreV1Api, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { startCloudWatchSimulator, type RunningCloudWatchSimulator } from '../test/support/cloudwatch-simulator';
import { benchCluster, createBenchFleet } from './support/bench-fleet';
import { timedGet, type TimedResponse } from './support/timed-get';

const { values } = parseArgs({
  options: {
    endpoints: { type: 'string', default: '5000' },
    viewers: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '75' },
    'poll-ms': { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '200' },
    'seed-minutes': { type: 'string', default: '15' },
  },
});
const COUNT = Number(values.endpoints);
const VIEWERS = Number(values.viewers);
// Whole reads are counted: a lone viewer polling every 10 s finds a 60 s entry still fresh at 60 s and reads again
// at 70 s, a crowd at about 60 s, so a window of 70 s to 2 minutes holds two reads of each, 65 s one or two.
const SECONDS = Number(values.seconds);
const POLL_MS = Number(values['poll-ms']);
const SEED_MINUTES = Number(values['seed-minutes']);
// e-0 and e-1 are the polled endpoints, e-2 the cached one, the rest the misses.
const ROUNDS = Math.min(Number(values.rounds), COUNT - 3);
const NAMESPACE = 'bench-cw';
const app = process.env.FLEETDECK_BENCH_APP!;
const PORT = 3919;
const BASE = `http://127.0.0.1:${PORT}`;
const { kubeconfigs, admin, objects, group } = benchCluster(NAMESPACE);
const endpoints = { ...group, plural: 'endpoints' };
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (list: number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))]!;
const name = (i: number) => `e-${i}`;
const alarmOf = (i: number) => `bench-cw-${name(i)}-5xx`;
let cookie = '';
const get = (path: string): Promise<TimedResponse> => timedGet(`${BASE}${path}`, { headers: { cookie } });
const detail = (endpoint: string) => get(`/api/endpoints/${NAMESPACE}/${endpoint}/metrics?range=1h`);
const fleet = (names: string[]) =>
  get(`/api/fleet/metrics?${names.map((each) => `endpoint=${encodeURIComponent(`${NAMESPACE}/${each}`)}`).join('&')}`);

/** The variant every bench endpoint runs, as bench-fleet.ts's EndpointConfig declares it (instance-backed). */
const VARIANT = 'primary';

// The queries the reader makes for one instance-backed variant over the last hour at one minute (as
// lib/server/cloudwatch/variant-metric-specs.ts and metric-queries.ts build them; that code is server-only).
const SERIES: [namespace: string, metric: string, stat: string][] = [
  ['AWS/SageMaker', 'Invocations', 'Sum'],
  ['AWS/SageMaker', 'Invocation4XXErrors', 'Sum'],
  ['AWS/SageMaker', 'Invocation5XXErrors', 'Sum'],
  ['AWS/SageMaker', 'ModelLatency', 'Average'],
  ['AWS/SageMaker', 'ModelLatency', 'p99'],
  ['AWS/SageMaker', 'OverheadLatency', 'Average'],
  ['/aws/sagemaker/Endpoints', 'MemoryUtilization', 'Average'],
  ['AWS/SageMaker', 'InvocationsPerInstance', 'Sum'],
  ['/aws/sagemaker/Endpoints', 'CPUUtilization', 'Average'],
];

function directQueries(endpointName: string): MetricDataQuery[] {
  return SERIES.map(([Namespace, MetricName, Stat], index) => ({
    Id: `q${index}`,
    ReturnData: true,
    MetricStat: {
      Metric: {
        Namespace,
        MetricName,
        Dimensions: [
          { Name: 'EndpointName', Value: endpointName },
          { Name: 'VariantName', Value: VARIANT },
        ],
      },
      Period: 60,
      Stat,
    },
  }));
}

async function directRead(cloudwatch: CloudWatchClient, endpointName: string): Promise<number> {
  const minute = 60_000;
  const to = Math.ceil(Date.now() / minute) * minute;
  const started = performance.now();
  await cloudwatch.send(
    new GetMetricDataCommand({
      MetricDataQueries: directQueries(endpointName),
      StartTime: new Date(to - 3600_000),
      EndTime: new Date(to),
      ScanBy: 'TimestampAscending',
    }),
  );
  return performance.now() - started;
}

/** Endpoints with what the reader needs (region, variants), e-0 and e-1 naming a rollback alarm each. */
async function createFleet() {
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: NAMESPACE } } });
  await createBenchFleet(objects, NAMESPACE, COUNT);
  for (let start = 0; start < COUNT; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, COUNT - start) }, (_, offset) =>
        objects.patchNamespacedCustomObjectStatus(
          {
            ...endpoints,
            name: name(start + offset),
            body: {
              status: {
                endpointStatus: 'InService',
                ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
                productionVariants: [{ variantName: VARIANT, currentWeight: 1, currentInstanceCount: 2 }],
              },
            },
          },
          mergePatch,
        ),
      ),
    );
  }
  for (const i of [0, 1]) {
    await objects.patchNamespacedCustomObject(
      {
        ...endpoints,
        name: name(i),
        body: { spec: { deploymentConfig: { autoRollbackConfiguration: { alarms: [{ alarmName: alarmOf(i) }] } } } },
      },
      mergePatch,
    );
  }
  // No region: its routes answer without asking CloudWatch, which loads their code before the heap baseline.
  await objects.createNamespacedCustomObject({
    ...endpoints,
    body: {
      apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
      kind: 'Endpoint',
      metadata: { name: 'warm' },
      spec: { endpointName: 'warm', endpointConfigName: 'c' },
    },
  });
}

/** A minute's worth of SageMaker's metrics for every endpoint over the last SEED_MINUTES minutes. */
async function seed(sim: RunningCloudWatchSimulator) {
  const cloudwatch = sim.client();
  const minute = 60_000;
  const datum = (i: number, metric: string, value: number, ago: number): MetricDatum => ({
    MetricName: metric,
    Dimensions: [
      { Name: 'EndpointName', Value: name(i) },
      { Name: 'VariantName', Value: VARIANT },
    ],
    Timestamp: new Date(Math.floor(Date.now() / minute) * minute - ago * minute),
    Value: value,
  });
  const invocations: MetricDatum[] = [];
  const instance: MetricDatum[] = [];
  for (let i = 0; i < COUNT; i++) {
    for (let ago = 1; ago <= SEED_MINUTES; ago++) {
      invocations.push(
        datum(i, 'Invocations', 100 + ((i + ago) % 50), ago),
        datum(i, 'Invocation5XXErrors', (i + ago) % 3, ago),
        datum(i, 'ModelLatency', 1000 + ((i * 7 + ago) % 400), ago),
      );
      instance.push(datum(i, 'CPUUtilization', 20 + ((i + ago) % 60), ago));
    }
  }
  const batches = [
    ...chunks(invocations, 500).map((MetricData) => ({ Namespace: 'AWS/SageMaker', MetricData })),
    ...chunks(instance, 500).map((MetricData) => ({ Namespace: '/aws/sagemaker/Endpoints', MetricData })),
  ];
  // 500 data a call keeps each request well under CloudWatch's 1 MB.
  await inParallel(batches, 4, (input) => cloudwatch.send(new PutMetricDataCommand(input)));
  for (const i of [0, 1]) {
    await cloudwatch.send(
      new PutMetricAlarmCommand({
        AlarmName: alarmOf(i),
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: [
          { Name: 'EndpointName', Value: name(i) },
          { Name: 'VariantName', Value: VARIANT },
        ],
        Statistic: 'Sum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
  }
  return invocations.length + instance.length;
}

const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function inParallel<T, R>(items: T[], width: number, each: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await each(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * The server's live heap: the smallest heapUsed over a few seconds of samples. Garbage comes and goes between
 * collections; the minimum is close to what survives one, without asking the server to collect.
 */
async function liveHeapMiB(seconds = 20): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < seconds * 2; i++) {
    const health = JSON.parse((await get('/api/healthz')).body) as { memory: { heapUsedMiB: number } };
    least = Math.min(least, health.memory.heapUsedMiB);
    await sleep(500);
  }
  return least;
}

async function signIn(user: string): Promise<string> {
  const config = new KubeConfig();
  config.loadFromFile(join(kubeconfigs, `${user}.kubeconfig`));
  const response = await fetch(`${BASE}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ token: config.getCurrentUser()!.token }),
  });
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** The bound of each SharedReadCache in the reader, as the built code declares it. */
function cacheBounds(): Map<string, number> {
  const dir = join(app, 'lib', 'server', 'cloudwatch');
  const bounds = new Map<string, number>();
  for (const file of readdirSync(dir).filter((each) => each.endsWith('.ts') && !each.endsWith('.test.ts'))) {
    const source = readFileSync(join(dir, file), 'utf8');
    for (const match of source.matchAll(/const (\w+) = new SharedReadCache<[\s\S]*?maxEntries: ([\d_]+)/g))
      bounds.set(`${file.replace(/\.ts$/, '')}.${match[1]}`, Number(match[2]!.replaceAll('_', '')));
  }
  return bounds;
}

/** Waits for `done`, asking every second, for at most `seconds`. */
async function until(what: string, seconds: number, done: () => Promise<boolean>) {
  const deadline = performance.now() + seconds * 1000;
  while (!(await done().catch(() => false))) {
    if (performance.now() > deadline) throw new Error(`gave up after ${seconds} s waiting until ${what}`);
    await sleep(1000);
  }
}

const OPERATIONS = ['GetMetricData', 'DescribeAlarms', 'DescribeAlarmHistory'];

/** `count` viewers polling one endpoint's metrics every POLL_MS for SECONDS, their first polls spread evenly. */
async function poll(sim: RunningCloudWatchSimulator, count: number, endpoint: string) {
  await sim.resetCounts();
  const end = performance.now() + SECONDS * 1000;
  let requests = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: count }, async (_, viewer) => {
      await sleep((viewer * POLL_MS) / count);
      while (performance.now() < end) {
        const started = performance.now();
        const response = await detail(endpoint);
        requests++;
        const source = response.status === 200 ? (JSON.parse(response.body) as { source: { state: string } }) : null;
        if (source?.source.state !== 'ok') failed++;
        await sleep(Math.max(0, Math.min(end - performance.now(), POLL_MS - (performance.now() - started))));
      }
    }),
  );
  const calls = await sim.calls();
  const perMinute = Object.fromEntries(
    OPERATIONS.map((operation) => [operation, ((calls.byOperation[operation] ?? 0) * 60) / SECONDS]),
  );
  const total = OPERATIONS.reduce((sum, operation) => sum + (calls.byOperation[operation] ?? 0), 0);
  return { requests, failed, byOperation: calls.byOperation, perMinute, totalPerMinute: (total * 60) / SECONDS };
}

async function main() {
  console.log(`== setting up ${COUNT} Endpoints (us-west-2, one variant) and ${SEED_MINUTES} minutes of metrics each`);
  await createFleet();
  const sim = await startCloudWatchSimulator();
  try {
    console.log(`seeded ${await seed(sim)} data points`);
    await measure(sim);
  } finally {
    await sim.stop();
  }
}

async function measure(sim: RunningCloudWatchSimulator) {
  const server = spawn(join(app, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(PORT)], {
    cwd: app,
    env: {
      ...process.env,
      KUBECONFIG: join(kubeconfigs, 'fleetdeck-server.kubeconfig'),
      NODE_ENV: 'production',
      ...sim.env,
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    await until('the server answers /api/healthz', 120, async () => (await get('/api/healthz')).status === 200);
    await until(`the server's watch cache holds ${COUNT + 1} Endpoints`, 300, async () => {
      const gauge = /fleetdeck_watch_cache_objects\{kind="Endpoint"\} (\d+)/.exec((await get('/metrics')).body);
      return Number(gauge?.[1] ?? 0) >= COUNT + 1;
    });
    cookie = await signIn('oncall');

    console.log(`== memory of the metrics caches at ${COUNT} endpoints`);
    for (let i = 0; i < 20; i++) {
      await detail('warm');
      await fleet(['warm']);
    }
    await sim.resetCounts();
    await sleep(5000);
    const heapBefore = await liveHeapMiB();
    const callsBefore = (await sim.calls()).total;
    let rowsWithData = 0;
    for (let start = 0; start < COUNT; start += 100) {
      const names = Array.from({ length: Math.min(100, COUNT - start) }, (_, i) => name(start + i));
      const body = JSON.parse((await fleet(names)).body) as { rows?: { invocations?: number }[] };
      rowsWithData += (body.rows ?? []).filter((row) => row.invocations !== undefined).length;
    }
    let detailsWithData = 0;
    await inParallel(
      Array.from({ length: COUNT }, (_, i) => name(i)),
      10,
      async (endpoint) => {
        const body = JSON.parse((await detail(endpoint)).body) as {
          variants?: { series: { invocations?: unknown[] } }[];
        };
        if (body.variants?.[0]?.series.invocations?.length) detailsWithData++;
      },
    );
    const lastDetailRead = performance.now();
    const memoryCalls = await sim.calls();
    const heapAfter = await liveHeapMiB();
    const perEndpointKiB = ((heapAfter - heapBefore) * 1024) / COUNT;
    console.log(
      `CloudWatch calls before the baseline: ${callsBefore}; for the reads: ${JSON.stringify(memoryCalls.byOperation)}`,
    );
    console.log(
      `answers with data: fleet rows ${rowsWithData} of ${COUNT}, detail ${detailsWithData} of ${COUNT} (${Math.ceil(COUNT / 100)} fleet calls of 100, ${COUNT} detail calls)`,
    );
    console.log(
      `server live heap: ${heapBefore} MiB before any CloudWatch read, ${heapAfter} MiB after: +${(heapAfter - heapBefore).toFixed(1)} MiB, ${perEndpointKiB.toFixed(2)} KiB per endpoint, ${(heapAfter / heapBefore).toFixed(2)}x`,
    );
    // Which bounds the run reached: each detail read adds one entry per endpoint and range, each fleet row one.
    const filled: Record<string, number> = {
      'endpoint-metrics-read.seriesReads': COUNT,
      'fleet-metrics-read.rows': COUNT,
      'alarm-reads.alarms': 2,
      'alarm-reads.histories': 2,
    };
    for (const [cache, bound] of cacheBounds()) {
      const wanted = filled[cache] ?? 0;
      const state = wanted > bound ? `bound applied: keeps ${bound} of ${wanted}` : `holds ${wanted}, under its bound`;
      console.log(`cache ${cache}: maxEntries ${bound}; ${state}`);
    }

    console.log(
      `== CloudWatch calls: ${VIEWERS} viewers vs 1 polling one endpoint every ${POLL_MS / 1000} s for ${SECONDS} s each`,
    );
    // Both polled endpoints start cold: their entries from the memory pass have run out (60 s).
    await sleep(Math.max(0, lastDetailRead + 61_000 - performance.now()));
    const one = await poll(sim, 1, name(0));
    const many = await poll(sim, VIEWERS, name(1));
    for (const [label, run] of [
      ['1 viewer', one],
      [`${VIEWERS} viewers`, many],
    ] as const) {
      const per = OPERATIONS.map((operation) => `${operation} ${run.perMinute[operation]!.toFixed(2)}`).join(', ');
      console.log(
        `${label}: ${run.requests} requests (${run.failed} without data), per minute: ${per}; all ${run.totalPerMinute.toFixed(2)}`,
      );
    }
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');
    console.log(
      `ratio ${VIEWERS} viewers to 1: ${OPERATIONS.map((operation) => `${operation} ${ratio(many.perMinute[operation]!, one.perMinute[operation]!)}`).join(', ')}; all ${ratio(many.totalPerMinute, one.totalPerMinute)}; requests ${ratio(many.requests, one.requests)}`,
    );

    console.log(`== latency: the metrics route (cached, and ${ROUNDS} misses) vs a direct GetMetricData, same queries`);
    // One client, kept alive, as the server keeps its own.
    const cloudwatch = sim.client();
    for (let i = 0; i < 10; i++) {
      await directRead(cloudwatch, name(2));
      await detail(name(2));
    }
    const cached: number[] = [];
    for (let i = 0; i < ROUNDS; i++) cached.push((await detail(name(2))).ms);
    await sim.resetCounts();
    const misses: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      misses.push((await detail(name(3 + i))).ms);
      direct.push(await directRead(cloudwatch, name(3 + i)));
    }
    const latencyCalls = await sim.calls();
    const p = (list: number[], n: number) => percentile(list, n).toFixed(2);
    console.log(
      `GetMetricData calls during the misses and direct reads: ${latencyCalls.byOperation.GetMetricData ?? 0} (${ROUNDS} of each expected)`,
    );
    console.log(`route, cached:  p50 ${p(cached, 50)} ms, p95 ${p(cached, 95)} ms`);
    console.log(`route, miss:    p50 ${p(misses, 50)} ms, p95 ${p(misses, 95)} ms`);
    console.log(`direct SDK:     p50 ${p(direct, 50)} ms, p95 ${p(direct, 95)} ms`);
    for (const [label, list] of [
      ['cached', cached],
      ['miss', misses],
    ] as const) {
      console.log(
        `ratio route ${label} to direct: p50 ${(percentile(list, 50) / percentile(direct, 50)).toFixed(2)}x, p95 ${(percentile(list, 95) / percentile(direct, 95)).toFixed(2)}x`,
      );
    }
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
    await sleep(1000);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
