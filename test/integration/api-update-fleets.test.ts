// An update started outside Fleetdeck (a plain patch of spec.endpointConfigName, the simulated controller driving
// it): the server names both fleets in the detail and fleet responses from what its watch saw, derives the split
// of traffic between them, and a server started mid-update says it does not know the old fleet's config.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpointDetailSchema } from '@/lib/api/endpoint-detail';
import { endpointSeriesSchema } from '@/lib/api/endpoint-series';
import { fleetPageSchema, type EndpointSummary } from '@/lib/api/endpoint-summary';
import { fleetRow } from '@/lib/endpoints/fleet-row';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { call, configureServer, ORIGIN, signIn, sseReader, type ServerEvent } from '../support/api-client';
import { otherReplica } from '../support/route-server-process';
import { SimWorld } from '../support/sagemaker-world';

const sessionSecret = randomBytes(32).toString('hex');
configureServer({ FLEETDECK_SESSION_SECRET: sessionSecret });
const detail = await import('@/app/api/endpoints/[namespace]/[name]/route');
const fleet = await import('@/app/api/fleet/route');
const series = await import('@/app/api/endpoints/[namespace]/[name]/series/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');
const { runningConfigBook } = await import('@/lib/server/watch-memory/running-config-book');
const { seriesRecorder } = await import('@/lib/server/series/series-recorder');

// A canary of 25 % of four instances, with an alarm so it bakes. Each traffic step lasts 200 s of test time
// (50,000 simulated seconds at the test scale), so the update stays on its canary while the test looks at it.
const canary: DeploymentConfig = {
  autoRollbackConfiguration: { alarms: [{ alarmName: 'fleet-5xx' }] },
  blueGreenUpdatePolicy: {
    maximumExecutionTimeoutInSeconds: 28_800,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: 3600,
      canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
    },
  },
};
const name = 'moving';
let world: SimWorld;
let cookie = '';
let live: ReturnType<typeof sseReader>;
// The stream's upserts of the endpoint, oldest first.
const upserts = (events: ServerEvent[]): EndpointSummary[] =>
  events
    .filter((event) => event.event === 'upsert')
    .map((event) => event.data as EndpointSummary)
    .filter((summary) => summary.namespace === world.namespace && summary.name === name);

beforeAll(async () => {
  world = await SimWorld.start('update-fleets', { SIM_TRAFFIC_STEP_SECONDS: '50000' });
  // What instrumentation.ts does at server start: memory and series follow the watch from now on.
  runningConfigBook();
  seriesRecorder();
  cookie = (await signIn({ session: session.POST, me: me.GET }, 'oncall')).cookie;
  await world.createModel(`${name}-model-v1`);
  await world.createModel(`${name}-model-v2`, `123456789012.dkr.ecr.us-west-2.amazonaws.com/${name}:2`);
  await world.createConfig(`${name}-v1`, [
    { name: 'primary', model: `${name}-model-v1`, instanceType: 'ml.c5.large', count: 4 },
  ]);
  await world.createConfig(`${name}-v2`, [
    { name: 'primary', model: `${name}-model-v2`, instanceType: 'ml.g5.xlarge', count: 4 },
  ]);
  await world.createEndpoint(name, `${name}-v1`, canary);
  await world.waitForEndpoint(name, (e) => e.status?.endpointStatus === 'InService', 'InService on v1');
  await world.configReady(`${name}-v2`);
  // A page open on the fleet while the update runs: the stream's summaries must name both fleets too.
  const opened = await call(stream.GET, {
    path: '/api/stream',
    headers: { cookie, origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
  });
  expect(opened.status).toBe(200);
  live = sseReader(opened);
  // Not Fleetdeck: a plain patch of the spec, as kubectl or a GitOps tool makes it.
  await world.patch('Endpoint', name, { spec: { endpointConfigName: `${name}-v2` } });
  await live.until(
    (events) => upserts(events).some((summary) => summary.deployment?.stage?.status === 'ActivatingTraffic'),
    60_000,
  );
}, 180_000);
afterAll(async () => {
  await live?.cancel();
  await world?.stop();
});

const fleetItem = async (get: (path: string) => Promise<Response>): Promise<EndpointSummary> => {
  const response = await get(`/api/fleet?namespace=${world.namespace}`);
  expect(response.status).toBe(200);
  const item = fleetPageSchema.parse(await response.json()).items.find((each) => each.name === name);
  expect(item).toBeDefined();
  return item!;
};
const here = (path: string) => call(fleet.GET, { path, headers: { cookie } });

describe('an update started with a plain patch of the spec', () => {
  it('names the old fleet from what the server saw InService, and the new one from SageMaker', async () => {
    const response = await call(detail.GET, {
      path: `/api/endpoints/${world.namespace}/${name}`,
      params: { namespace: world.namespace, name },
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const { summary } = endpointDetailSchema.parse(await response.json());
    expect(summary.deployment).toMatchObject({ configName: `${name}-v2`, previousConfig: { name: `${name}-v1` } });
    expect(summary.variants.map((each) => each.instanceType)).toEqual(['ml.c5.large']);
    expect(summary.deployment?.variants.map((each) => each.instanceType)).toEqual(['ml.g5.xlarge']);
    // The canary: one of four instances of the only variant carries a quarter of the endpoint's traffic.
    expect(summary.deployment?.newFleetShare).toBeCloseTo(0.25, 6);

    const row = fleetRow(await fleetItem(here));
    expect(row.instanceTypes).toEqual(['ml.c5.large']);
    expect(row.newInstanceTypes).toEqual(['ml.g5.xlarge']);
  });

  it("sends the same on the live stream, from the update's first summary on", () => {
    const during = upserts(live.events).filter((summary) => summary.deployment);
    expect(during.length).toBeGreaterThan(0);
    for (const summary of during) {
      expect(summary.deployment?.previousConfig).toEqual({ name: `${name}-v1` });
      expect(fleetRow(summary).instanceTypes).toEqual(['ml.c5.large']);
    }
    expect(during.at(-1)?.deployment?.newFleetShare).toBeCloseTo(0.25, 6);
  });

  it('charts the split of the endpoint between the fleets, not each fleet at 100 % of its own', async () => {
    const response = await call(series.GET, {
      path: `/api/endpoints/${world.namespace}/${name}/series`,
      params: { namespace: world.namespace, name },
      headers: { cookie },
    });
    const body = endpointSeriesSchema.parse(await response.json());
    const updating = body.points.filter((point) => point.variants.some((variant) => variant.fleet === 'new'));
    // Launching (nothing on the new fleet yet), then the canary.
    expect(updating.map((point) => point.newFleetShare)).toContain(0);
    const canaryPoint = updating.find((point) => point.newFleetShare === 0.25)!;
    expect(canaryPoint.variants.map((variant) => [variant.fleet, variant.trafficShare, variant.endpointShare])).toEqual(
      [
        ['current', 1, 0.75],
        ['new', 1, 0.25],
      ],
    );
  });
});

describe('a server that starts mid-update', () => {
  const other = otherReplica({ FLEETDECK_SESSION_SECRET: sessionSecret });

  it('says the old fleet config is unknown since it started mid-update, and still names the new fleet', async () => {
    const there = (path: string) =>
      fetch(`${other().baseURL}${path}`, { headers: { cookie, origin: ORIGIN, 'sec-fetch-site': 'same-origin' } });
    const summary = await fleetItem(there);
    expect(summary.status).toBe('Updating');
    expect(summary.deployment?.previousConfig).toEqual({ unknown: 'started-mid-update' });
    const row = fleetRow(summary);
    expect(row.instanceTypes).toEqual(['unknown since this replica started mid-update']);
    expect(row.newInstanceTypes).toEqual(['ml.g5.xlarge']);
    // This server, which saw the update start, still names it.
    expect((await fleetItem(here)).deployment?.previousConfig).toEqual({ name: `${name}-v1` });
  });
});
