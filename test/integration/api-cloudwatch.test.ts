// The CloudWatch reads end to end: the metrics routes in-process against the real control plane and the simulated
// CloudWatch process, read as users with different rights. What the simulator counted is what AWS would bill.
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointMetricsSchema, fleetMetricsSchema } from '@/lib/api/endpoint-metrics';
import { call, configureServer, signIn } from '../support/api-client';
import { createLocatedEndpoint, putFiringAlarm } from '../support/cloudwatch-endpoints';
import { startCloudWatchSimulator } from '../support/cloudwatch-simulator';
import { coordinates, endpointBody } from '../support/sagemaker-objects';
import { customObjectsAs, freshNamespace, kubeConfigAs, uniqueName } from '../support/control-plane';

const sim = await startCloudWatchSimulator();
// The simulator keeps high-resolution data: the verdict samples every 10 s, so a few minutes give it enough.
configureServer({ ...sim.env, FLEETDECK_CLOUDWATCH: 'on', FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS: '10' });
const metricsRoute = await import('@/app/api/endpoints/[namespace]/[name]/metrics/route');
const fleetRoute = await import('@/app/api/fleet/metrics/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

const cloudwatch = sim.client();
const sessions: Record<string, string> = {};
let shared = ''; // ml-eng may read it (a RoleBinding below)
let other = ''; // ml-eng may not
const shop = uniqueName('shop');
const busy = uniqueName('busy');
const hidden = uniqueName('hidden');
const alarmName = `${shop}-5xx`;

const createEndpoint = (namespace: string, name: string, alarms: string[] = []) =>
  createLocatedEndpoint(namespace, name, {
    account: '123456789012',
    region: sim.region,
    alarms,
    variants: [
      { variantName: 'blue', currentWeight: 3, currentInstanceCount: 2 },
      { variantName: 'green', currentWeight: 1, currentServerlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5 } },
    ],
  });

const minute = 60_000;
// Fixed once, so the assertions name the minutes seeded even when the clock passes a minute in between. Seeded 6
// and 7 minutes back: the reads end on the last complete period, and at 5 minutes a period both are inside it.
const seededMinute = Math.floor(Date.now() / minute) * minute;
const minutesAgo = (minutes: number) => new Date(seededMinute - minutes * minute);

async function seed(endpointName: string) {
  const datum = (variant: string, metric: string, value: number, at: Date) => ({
    MetricName: metric,
    Dimensions: [
      { Name: 'EndpointName', Value: endpointName },
      { Name: 'VariantName', Value: variant },
    ],
    Timestamp: at,
    Value: value,
  });
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: 'AWS/SageMaker',
      MetricData: [
        datum('blue', 'Invocations', 100, minutesAgo(7)),
        datum('blue', 'Invocations', 60, minutesAgo(6)),
        datum('blue', 'Invocation5XXErrors', 3, minutesAgo(7)),
        datum('blue', 'ModelLatency', 1200, minutesAgo(7)),
        datum('green', 'Invocations', 40, minutesAgo(7)),
        datum('green', 'ModelSetupTime', 900_000, minutesAgo(7)),
      ],
    }),
  );
  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: '/aws/sagemaker/Endpoints',
      MetricData: [datum('blue', 'CPUUtilization', 42, minutesAgo(7))],
    }),
  );
}

const get = (user: string, namespace: string, name: string, query = '') =>
  call(metricsRoute.GET, {
    path: `/api/endpoints/${namespace}/${name}/metrics${query}`,
    params: { namespace, name },
    headers: { cookie: sessions[user]! },
  });

const fleet = (user: string, refs: string[]) =>
  call(fleetRoute.GET, {
    path: `/api/fleet/metrics?${refs.map((ref) => `endpoint=${encodeURIComponent(ref)}`).join('&')}`,
    headers: { cookie: sessions[user]! },
  });

beforeAll(async () => {
  shared = await freshNamespace('cw');
  other = await freshNamespace('cw-other');
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace: shared,
      body: {
        metadata: { name: 'ml-eng-viewer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-viewer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ml-eng' }],
      },
    });
  await putFiringAlarm(cloudwatch, alarmName, shop, 'no-such-variant');
  await Promise.all([
    createEndpoint(shared, shop, [alarmName]),
    createEndpoint(shared, busy),
    createEndpoint(other, hidden),
    seed(shop),
    seed(busy),
    seed(hidden),
  ]);
  for (const user of ['oncall', 'ml-eng'] as const)
    sessions[user] = (await signIn({ session: session.POST, me: me.GET }, user)).cookie;
});

afterAll(() => sim.stop());

/** The endpoint's metrics once the shared watch has its status (its region), as `user`. */
async function readWhenLocated(user: string, namespace: string, name: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await get(user, namespace, name);
    expect(response.status).toBe(200);
    const body = endpointMetricsSchema.parse(await response.json());
    if (body.source.state !== 'no-region' || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('GET /api/endpoints/{namespace}/{name}/metrics', () => {
  it('answers the values per variant, each with the metrics of its kind', async () => {
    const body = await readWhenLocated('oncall', shared, shop);
    expect(body.source).toEqual({ state: 'ok' });
    expect(body).toMatchObject({ endpointName: shop, region: sim.region, accountId: '123456789012', range: '1h' });
    expect(body.periodSeconds).toBe(60);
    const blue = body.variants.find((variant) => variant.variantName === 'blue')!;
    const green = body.variants.find((variant) => variant.variantName === 'green')!;
    expect(blue.serverless).toBe(false);
    expect(blue.series.invocations?.map((point) => point.value)).toEqual([100, 60]);
    expect(blue.series.invocations?.[0]?.at).toBe(minutesAgo(7).toISOString());
    expect(blue.series.errors5xx?.map((point) => point.value)).toEqual([3]);
    expect(blue.series.cpuUtilization?.map((point) => point.value)).toEqual([42]);
    expect(blue.series).not.toHaveProperty('modelSetupTime');
    expect(green.serverless).toBe(true);
    expect(green.series.invocations?.map((point) => point.value)).toEqual([40]);
    expect(green.series.modelSetupTime?.map((point) => point.value)).toEqual([900_000]);
    expect(green.series).not.toHaveProperty('cpuUtilization');
  });

  it('shows the rollback alarm in ALARM and its transition', async () => {
    const body = endpointMetricsSchema.parse(await (await get('oncall', shared, shop)).json());
    expect(body.alarms).toEqual([
      expect.objectContaining({
        name: alarmName,
        state: 'ALARM',
        reason: expect.stringContaining('Threshold Crossed'),
        metric: expect.objectContaining({ name: 'Invocation5XXErrors', statistic: 'Sum', threshold: 1 }),
      }),
    ]);
    expect(body.alarmHistory).toContainEqual(
      expect.objectContaining({ alarmName, from: 'INSUFFICIENT_DATA', to: 'ALARM' }),
    );
  });

  it('refuses a caller without rights with 403, and asks CloudWatch nothing', async () => {
    await sim.resetCounts();
    const response = await get('ml-eng', other, hidden);
    expect(response.status).toBe(403);
    expect((await sim.calls()).total).toBe(0);
  });

  it('answers a bad range with 400 naming the field', async () => {
    const response = await get('oncall', shared, shop, '?range=2h');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields?: { path: string }[] } };
    expect(body.error.fields?.map((field) => field.path)).toContain('range');
  });

  it('serves a hundred concurrent viewers with one GetMetricData', async () => {
    expect((await readWhenLocated('oncall', shared, busy)).source).toEqual({ state: 'ok' });
    // The read above filled the cache for 1h; 6h has its own entry, read once for all of these.
    await sim.resetCounts();
    const responses = await Promise.all(Array.from({ length: 100 }, () => get('oncall', shared, busy, '?range=6h')));
    expect(responses.map((response) => response.status)).toEqual(Array(100).fill(200));
    const bodies = await Promise.all(
      responses.map(async (response) => endpointMetricsSchema.parse(await response.json())),
    );
    expect(new Set(bodies.map((body) => body.readAt)).size).toBe(1);
    // Summed into 5-minute periods: both seeded minutes, in one bucket or two.
    const blue = bodies[0]!.variants.find((variant) => variant.variantName === 'blue');
    expect(blue?.series.invocations?.reduce((sum, point) => sum + point.value, 0)).toBe(160);
    expect((await sim.calls()).byOperation.GetMetricData).toBe(1);
  });
});

describe('the canary verdict', () => {
  const canary = uniqueName('canary');
  const tenSeconds = 10_000;
  const now = Math.floor(Date.now() / tenSeconds) * tenSeconds;
  const deployStart = new Date(now - 4 * minute);
  const bakeStart = new Date(now - 3 * minute);

  /** Per-10-second points from `from` to `to`: invocations, 5XX errors and latency, on the given dimensions. */
  function points(dimensions: Record<string, string>, from: number, to: number, errors: number) {
    const data = [];
    for (let at = from; at < to; at += tenSeconds) {
      for (const [metric, value] of [
        ['Invocations', 100],
        ['Invocation5XXErrors', errors],
        ['Invocation4XXErrors', 1],
        ['ModelLatency', 2000 + ((at / tenSeconds) % 7)],
      ] as const) {
        data.push({
          MetricName: metric,
          Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
          Timestamp: new Date(at),
          Value: value,
          StorageResolution: 1,
        });
      }
    }
    return data;
  }

  beforeAll(async () => {
    const where = coordinates('Endpoint', shared);
    await customObjectsAs('admin').createNamespacedCustomObject({
      ...where,
      body: endpointBody(canary, `${canary}-v2`),
    });
    await customObjectsAs('admin').patchNamespacedCustomObjectStatus(
      {
        ...where,
        name: canary,
        body: {
          status: {
            endpointStatus: 'Updating',
            ackResourceMetadata: { ownerAccountID: '123456789012', region: sim.region },
            productionVariants: [{ variantName: 'blue', currentWeight: 1, currentInstanceCount: 2 }],
            pendingDeploymentSummary: {
              endpointConfigName: `${canary}-v2`,
              startTime: deployStart.toISOString(),
              productionVariants: [
                {
                  variantName: 'blue',
                  currentWeight: 1,
                  currentInstanceCount: 1,
                  variantStatus: [{ status: 'Baking', startTime: bakeStart.toISOString() }],
                },
              ],
            },
          },
        },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    const data = [
      // Before the deployment, the endpoint's own series: no errors.
      ...points(
        { EndpointName: canary, VariantName: 'blue' },
        deployStart.getTime() - 3 * minute,
        deployStart.getTime(),
        0,
      ),
      // The new fleet, by its config: a fifth of its requests fail.
      ...points(
        { EndpointName: canary, VariantName: 'blue', EndpointConfigName: `${canary}-v2` },
        bakeStart.getTime(),
        now,
        20,
      ),
    ];
    for (let start = 0; start < data.length; start += 500)
      await cloudwatch.send(
        new PutMetricDataCommand({ Namespace: 'AWS/SageMaker', MetricData: data.slice(start, start + 500) }),
      );
  });

  it('fails a new fleet whose 5XX rate rose, and says what it compared', async () => {
    const body = await readWhenLocated('oncall', shared, canary);
    expect(body.source).toEqual({ state: 'ok' });
    expect(body.verdict?.outcome).toBe('fail');
    const errors = body.verdict?.metrics.find((metric) => metric.metric === 'errorRate5xx');
    expect(errors).toMatchObject({ critical: true, outcome: 'high', baselineMedian: 0, canaryMedian: 0.2 });
    expect(body.verdict?.compared).toContain(`New config ${canary}-v2`);
    expect(body.verdict?.compared).toContain('before the deployment started');
    // The endpoint that is not deploying has none.
    expect((await readWhenLocated('oncall', shared, shop)).verdict).toBeUndefined();
  });
});

describe('GET /api/fleet/metrics', () => {
  const ok = { state: 'ok' };
  it('sums the last hour over variants and names the alarms in ALARM', async () => {
    const response = await fleet('oncall', [`${shared}/${shop}`, `${other}/${hidden}`]);
    expect(response.status).toBe(200);
    const body = fleetMetricsSchema.parse(await response.json());
    expect(body.source).toEqual({ state: 'ok' });
    expect(body.errorRateAttention).toBe(0.05);
    expect(body.rows).toEqual([
      { namespace: shared, name: shop, invocations: 200, errorRate: 3 / 200, alarmsInAlarm: [alarmName], source: ok },
      { namespace: other, name: hidden, invocations: 200, errorRate: 3 / 200, alarmsInAlarm: [], source: ok },
    ]);
  });

  it('leaves out the endpoints the caller may not read', async () => {
    const response = await fleet('ml-eng', [`${shared}/${shop}`, `${other}/${hidden}`, `${shared}/no-such-endpoint`]);
    expect(response.status).toBe(200);
    const body = fleetMetricsSchema.parse(await response.json());
    expect(body.rows.map((row) => `${row.namespace}/${row.name}`)).toEqual([`${shared}/${shop}`]);
  });

  it('refuses more endpoints than a screen holds, and anything not namespace/name', async () => {
    const many = Array.from({ length: 101 }, (_, index) => `${shared}/e${index}`);
    expect((await fleet('oncall', many)).status).toBe(400);
    expect((await fleet('oncall', ['no-slash'])).status).toBe(400);
  });
});
