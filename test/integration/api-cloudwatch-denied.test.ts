// CloudWatch refusing Fleetdeck's identity (the simulator's `denied` credentials may not read): the metrics routes
// still answer 200 with the AWS error code and a fixed sentence (never AWS's text, which names the ARN) in `source`
// and nothing else, remember the failure for a few seconds, and count it for operators.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { endpointMetricsSchema, fleetMetricsSchema } from '@/lib/api/endpoint-metrics';
import { call, configureServer, signIn } from '../support/api-client';
import { startCloudWatchSimulator } from '../support/cloudwatch-simulator';
import { customObjectsAs, freshNamespace, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const sim = await startCloudWatchSimulator();
const { accessKeyId, secretAccessKey } = sim.credentials.denied;
configureServer({ ...sim.env, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey });
const metricsRoute = await import('@/app/api/endpoints/[namespace]/[name]/metrics/route');
const fleetRoute = await import('@/app/api/fleet/metrics/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const { fleetdeckMetrics } = await import('@/lib/server/metrics/registry');

const name = uniqueName('denied');
let namespace = '';
let cookie = '';

beforeAll(async () => {
  namespace = await freshNamespace('cw-denied');
  const where = coordinates('Endpoint', namespace);
  await customObjectsAs('admin').createNamespacedCustomObject({ ...where, body: endpointBody(name) });
  await customObjectsAs('admin').patchNamespacedCustomObjectStatus(
    {
      ...where,
      name,
      body: {
        status: {
          endpointStatus: 'InService',
          ackResourceMetadata: { ownerAccountID: '123456789012', region: sim.region },
          productionVariants: [{ variantName: 'blue', currentWeight: 1, currentInstanceCount: 1 }],
        },
      },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
  cookie = (await signIn({ session: session.POST, me: me.GET }, 'oncall')).cookie;
});

afterAll(() => sim.stop());

const read = async () => {
  const response = await call(metricsRoute.GET, {
    path: `/api/endpoints/${namespace}/${name}/metrics`,
    params: { namespace, name },
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  return endpointMetricsSchema.parse(await response.json());
};

it('answers 200 with AccessDenied in source and the rest empty; remembers it for a few seconds', async () => {
  let body = await read();
  for (let tries = 0; body.source.state === 'no-region' && tries < 100; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    body = await read();
  }
  expect(body.source).toMatchObject({
    state: 'error',
    code: 'AccessDenied',
    message:
      'Fleetdeck’s AWS identity may not read CloudWatch metrics or alarms (cloudwatch:GetMetricData, DescribeAlarms, DescribeAlarmHistory).',
  });
  // AWS's own text names the identity's ARN and account: it stays in the server's log.
  expect(JSON.stringify(body.source)).not.toMatch(/arn:aws|not authorized/);
  expect(body).toMatchObject({ variants: [], alarms: [], alarmHistory: [] });
  expect(body.readAt).toBeUndefined();

  await sim.resetCounts();
  expect((await read()).source).toMatchObject({ code: 'AccessDenied' });
  expect((await sim.calls()).total).toBe(0);

  const counted = await fleetdeckMetrics().registry.getSingleMetricAsString('fleetdeck_cloudwatch_requests_total');
  expect(counted).toMatch(/operation="GetMetricData",outcome="AccessDenied"} [1-9]/);
});

it('answers the fleet route the same way', async () => {
  const response = await call(fleetRoute.GET, {
    path: `/api/fleet/metrics?endpoint=${namespace}/${name}`,
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  const body = fleetMetricsSchema.parse(await response.json());
  expect(body.source).toMatchObject({ state: 'error', code: 'AccessDenied' });
  expect(JSON.stringify(body)).not.toMatch(/arn:aws|not authorized/);
  expect(body.rows).toEqual([]);
});
