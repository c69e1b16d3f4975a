// Endpoints owned by other AWS accounts: FLEETDECK_CLOUDWATCH_ROLES maps an owner account to a role, and the metrics
// routes read that account's CloudWatch with the role's credentials, assumed through the simulated STS (found by the
// SDK's own AWS_ENDPOINT_URL_STS) with Fleetdeck's default identity. The simulator keeps each account's metrics and
// alarms apart, so a page shows the owner account's data or none of it.
import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointMetricsSchema, fleetMetricsSchema } from '@/lib/api/endpoint-metrics';
import type { SimulatorCredential } from '@/simulator/cloudwatch/settings';
import { call, configureServer, signIn } from '../support/api-client';
import { createLocatedEndpoint, putFiringAlarm } from '../support/cloudwatch-endpoints';
import { cloudWatchTestCredentials, startCloudWatchSimulator } from '../support/cloudwatch-simulator';
import { freshNamespace, uniqueName } from '../support/control-plane';

const { allowed, denied } = cloudWatchTestCredentials;
const ownAccount = allowed.accountId; // Fleetdeck's own identity, and the account no role is mapped for
const accountB = '210987654321';
const accountC = '345678901234';
const trustingRole = `arn:aws:iam::${accountB}:role/fleetdeck-cloudwatch`;
const untrustingRole = `arn:aws:iam::${accountC}:role/fleetdeck-cloudwatch`;
// An identity of account B, for the test to publish B's metrics and alarm as SageMaker would there.
const publisherB: SimulatorCredential = {
  accessKeyId: 'AKIAFLEETDECKSIMB001',
  secretAccessKey: 'simulated+cloudwatch/account-b/secretkey',
  accountId: accountB,
  userName: 'sagemaker-b',
  deny: [],
};

const sim = await startCloudWatchSimulator({
  credentials: [allowed, denied, publisherB],
  // Account C's role trusts someone else: its trust policy leaves Fleetdeck's identity out.
  roles: { [trustingRole]: [allowed.accessKeyId], [untrustingRole]: ['AKIAFLEETDECKSIMC001'] },
});
configureServer({
  ...sim.env,
  FLEETDECK_CLOUDWATCH_ROLES: JSON.stringify({ [accountB]: trustingRole, [accountC]: untrustingRole }),
});
const metricsRoute = await import('@/app/api/endpoints/[namespace]/[name]/metrics/route');
const fleetRoute = await import('@/app/api/fleet/metrics/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const { fleetdeckMetrics } = await import('@/lib/server/metrics/registry');

const inB = uniqueName('in-b');
const inC = uniqueName('in-c');
const inOwn = uniqueName('in-own');
const alarmB = `${inB}-5xx`;
let namespace = '';
let cookie = '';

const minute = 60_000;
const seededMinute = Math.floor(Date.now() / minute) * minute;
const minutesAgo = (minutes: number) => new Date(seededMinute - minutes * minute);

const createEndpoint = (name: string, account: string, alarms: string[] = []) =>
  createLocatedEndpoint(namespace, name, { account, region: sim.region, alarms });

/** Publishes the endpoint's blue invocations, one value a minute from 7 minutes back, in the signer's account. */
async function publish(
  publisher: { accessKeyId: string; secretAccessKey: string },
  endpointName: string,
  values: number[],
) {
  await sim.client(publisher).send(
    new PutMetricDataCommand({
      Namespace: 'AWS/SageMaker',
      MetricData: values.map((value, index) => ({
        MetricName: 'Invocations',
        Dimensions: [
          { Name: 'EndpointName', Value: endpointName },
          { Name: 'VariantName', Value: 'blue' },
        ],
        Timestamp: minutesAgo(7 - index),
        Value: value,
      })),
    }),
  );
}

const read = (name: string, range = '1h') =>
  call(metricsRoute.GET, {
    path: `/api/endpoints/${namespace}/${name}/metrics?range=${range}`,
    params: { namespace, name },
    headers: { cookie },
  });

/** The endpoint's metrics once the shared watch has its status (its region and account). */
async function readWhenLocated(name: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await read(name);
    expect(response.status).toBe(200);
    const body = endpointMetricsSchema.parse(await response.json());
    if (body.source.state !== 'no-region' || Date.now() > deadline) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const requestsCounted = () =>
  fleetdeckMetrics().registry.getSingleMetricAsString('fleetdeck_cloudwatch_requests_total');

beforeAll(async () => {
  namespace = await freshNamespace('cw-roles');
  const b = sim.client(publisherB);
  await putFiringAlarm(b, alarmB, inB, 'blue');
  await Promise.all([
    createEndpoint(inB, accountB, [alarmB]),
    createEndpoint(inC, accountC),
    createEndpoint(inOwn, ownAccount, [alarmB]),
    publish(publisherB, inB, [100, 60]),
    // The same endpoint name in Fleetdeck's own account: a read in the wrong account would show these.
    publish(allowed, inB, [999, 999]),
    publish(allowed, inOwn, [5]),
  ]);
  cookie = (await signIn({ session: session.POST, me: me.GET }, 'oncall')).cookie;
});

afterAll(() => sim.stop());

describe('an endpoint of a mapped account', () => {
  it('shows the owner account’s series and alarm, read with the role’s credentials', async () => {
    const body = await readWhenLocated(inB);
    expect(body.source).toEqual({ state: 'ok' });
    expect(body).toMatchObject({ accountId: accountB, region: sim.region });
    expect(body.variants[0]?.series.invocations?.map((point) => point.value)).toEqual([100, 60]);
    expect(body.alarms).toEqual([expect.objectContaining({ name: alarmB, state: 'ALARM' })]);
    expect(body.alarmHistory).toContainEqual(
      expect.objectContaining({ alarmName: alarmB, from: 'INSUFFICIENT_DATA', to: 'ALARM' }),
    );
  });

  it('assumes the role once for many reads, and reads as the role’s session', async () => {
    for (const range of ['6h', '24h', '7d']) {
      const body = endpointMetricsSchema.parse(await (await read(inB, range)).json());
      expect(body.source).toEqual({ state: 'ok' });
    }
    const calls = await sim.calls();
    expect(calls.byOperation.AssumeRole).toBe(1);
    expect(calls.byCaller[allowed.accessKeyId]?.byOperation.AssumeRole).toBe(1);
    const session = Object.values(calls.byCaller).find(
      (caller) => caller.userName === 'assumed-role/fleetdeck-cloudwatch/fleetdeck',
    );
    expect(session?.byOperation.GetMetricData).toBe(4);
    expect(session?.byOperation.DescribeAlarms).toBeGreaterThanOrEqual(1);
    expect(await requestsCounted()).toMatch(/operation="AssumeRole",outcome="ok"} 1\n/);
  });
});

describe('an endpoint of an unmapped account', () => {
  it('is read with Fleetdeck’s own identity, in its own account', async () => {
    const before = (await sim.calls()).byCaller[allowed.accessKeyId]?.byOperation.GetMetricData ?? 0;
    const body = await readWhenLocated(inOwn);
    expect(body.source).toEqual({ state: 'ok' });
    expect(body.variants[0]?.series.invocations?.map((point) => point.value)).toEqual([5]);
    // B's alarm is not in this account: the name is shown without a state.
    expect(body.alarms).toEqual([{ name: alarmB }]);
    expect((await sim.calls()).byCaller[allowed.accessKeyId]?.byOperation.GetMetricData).toBe(before + 1);
  });

  it('shares the fleet list with a mapped account’s row, each read in its own account', async () => {
    const response = await call(fleetRoute.GET, {
      path: `/api/fleet/metrics?endpoint=${namespace}/${inB}&endpoint=${namespace}/${inOwn}`,
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const body = fleetMetricsSchema.parse(await response.json());
    expect(body.source).toEqual({ state: 'ok' });
    expect(body.rows).toEqual([
      { namespace, name: inB, invocations: 160, alarmsInAlarm: [alarmB], errorRate: 0, source: { state: 'ok' } },
      { namespace, name: inOwn, invocations: 5, alarmsInAlarm: [], errorRate: 0, source: { state: 'ok' } },
    ]);
  });
});

describe('an account whose role does not trust Fleetdeck', () => {
  it('answers 200 with AccessDenied and a sentence naming the role, the account and the fix', async () => {
    const body = await readWhenLocated(inC);
    expect(body.source).toMatchObject({
      state: 'error',
      code: 'AccessDenied',
      message: `Fleetdeck may not assume ${untrustingRole}, the role FLEETDECK_CLOUDWATCH_ROLES names for account ${accountC} (AccessDenied): the role’s trust policy must allow Fleetdeck’s own AWS identity (its IRSA or EKS Pod Identity role) to call sts:AssumeRole.`,
    });
    expect(body).toMatchObject({ accountId: accountC, variants: [], alarms: [], alarmHistory: [] });
    // STS's own text names Fleetdeck's identity: it stays in the server's log.
    expect(JSON.stringify(body)).not.toMatch(/not authorized|user\/fleetdeck/);
    expect((await sim.calls()).errors.AccessDenied).toBeGreaterThanOrEqual(1);
    const counted = await requestsCounted();
    expect(counted).toMatch(/operation="AssumeRole",outcome="AccessDenied"} [1-9]/);
    expect(counted).toMatch(/operation="GetMetricData",outcome="AccessDenied"} [1-9]/);

    // In the fleet list, the refused account's row says why it has no numbers; the other account's row has its own.
    const fleet = await call(fleetRoute.GET, {
      path: `/api/fleet/metrics?endpoint=${namespace}/${inC}&endpoint=${namespace}/${inB}`,
      headers: { cookie },
    });
    expect(fleet.status).toBe(200);
    const list = fleetMetricsSchema.parse(await fleet.json());
    expect(list.source).toMatchObject({ state: 'error', code: 'AccessDenied' });
    expect(list.rows).toEqual([
      { namespace, name: inC, alarmsInAlarm: [], source: list.source },
      { namespace, name: inB, invocations: 160, alarmsInAlarm: [alarmB], errorRate: 0, source: { state: 'ok' } },
    ]);
  });
});
