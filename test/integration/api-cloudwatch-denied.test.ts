// CloudWatch refusing Fleetdeck's identity (the simulator's `denied` credentials may not read): the metrics routes
// still answer 200 with the AWS error code and a fixed sentence (never AWS's text, which names the ARN) in `source`
// and nothing else, remember the failure for a few seconds, and count it for operators.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configureServer } from '../support/api-client';
import { cloudWatchFailureSetup } from '../support/cloudwatch-failure-setup';
import { startCloudWatchSimulator } from '../support/cloudwatch-simulator';

const sim = await startCloudWatchSimulator();
const { accessKeyId, secretAccessKey } = sim.credentials.denied;
configureServer({ ...sim.env, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey });
const { fleetdeckMetrics } = await import('@/lib/server/metrics/registry');

let routes: Awaited<ReturnType<typeof cloudWatchFailureSetup>>;

beforeAll(async () => {
  routes = await cloudWatchFailureSetup(sim.region, 'denied');
});

afterAll(() => sim.stop());

it('answers 200 with AccessDenied in source and the rest empty; remembers it for a few seconds', async () => {
  const body = await routes.readEndpointWhenLocated();
  expect(body.source).toMatchObject({
    state: 'error',
    code: 'AccessDenied',
    message:
      'Fleetdeck’s AWS identity may not read CloudWatch metrics or alarms (cloudwatch:GetMetricData, DescribeAlarms, DescribeAlarmHistory).',
  });
  // AWS's own text names the identity's ARN and account: it stays in the server's log.
  expect(JSON.stringify(body)).not.toMatch(/arn:aws|not authorized/);
  expect(body).toMatchObject({ variants: [], alarms: [], alarmHistory: [] });
  expect(body.readAt).toBeUndefined();

  await sim.resetCounts();
  expect((await routes.readEndpoint()).source).toMatchObject({ code: 'AccessDenied' });
  expect((await sim.calls()).total).toBe(0);

  const counted = await fleetdeckMetrics().registry.getSingleMetricAsString('fleetdeck_cloudwatch_requests_total');
  expect(counted).toMatch(/operation="GetMetricData",outcome="AccessDenied"} [1-9]/);
});

it('answers the fleet route the same way', async () => {
  const body = await routes.readFleet();
  expect(body.source).toMatchObject({ state: 'error', code: 'AccessDenied' });
  expect(JSON.stringify(body)).not.toMatch(/arn:aws|not authorized/);
  // The row is there, without numbers, saying why.
  expect(body.rows).toEqual([
    { namespace: routes.namespace, name: routes.name, alarmsInAlarm: [], source: body.source },
  ]);
});
