// Cause and effect through real CloudWatch calls: the simulated SageMaker publishes each fleet's metrics to the
// CloudWatch simulator, which evaluates the alarm the fault ConfigMap defines; the guardrail reads the alarm's
// state with DescribeAlarms. A canary to an image that fails 9 % of requests trips the alarm on the new config's
// 5XX rate and is rolled back; the same canary to a healthy image completes.
import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { startCloudWatchSimulator, type RunningCloudWatchSimulator } from '../support/cloudwatch-simulator';
import { SimWorld } from '../support/sim-world';

// At this scale a 3,000 s bake lasts 15 s of wall-clock time: longer than the alarm's 10 s period plus a poll,
// so the bad canary is caught while it bakes, and short enough for the good one to finish in about 35 s.
const timeScale = 0.005;
const bakeSeconds = 3000;
const registry = '123456789012.dkr.ecr.us-west-2.amazonaws.com';
const badImage = `${registry}/scorer:bad`;
const goodImage = `${registry}/scorer:good`;

let cloudwatch: RunningCloudWatchSimulator;
let world: SimWorld;
let client: CloudWatchClient;

beforeAll(async () => {
  cloudwatch = await startCloudWatchSimulator();
  world = await SimWorld.startIn(
    inject('controlPlane').kubeconfigDir,
    'sim-alarm-rb',
    {
      AWS_ENDPOINT_URL_CLOUDWATCH: cloudwatch.url,
      AWS_ACCESS_KEY_ID: cloudwatch.credentials.allowed.accessKeyId,
      AWS_SECRET_ACCESS_KEY: cloudwatch.credentials.allowed.secretAccessKey,
      SIM_REGION: cloudwatch.region,
      SIM_METRIC_PERIOD_SECONDS: '1',
      SIM_ALARM_POLL_SECONDS: '0.5',
    },
    timeScale,
  );
  client = new CloudWatchClient({
    endpoint: cloudwatch.url,
    region: cloudwatch.region,
    credentials: cloudwatch.credentials.allowed,
  });
  await world.setFaults({
    cloudwatchAlarms: {
      'bad-canary-5xx': newFleetErrors('bad-canary'),
      'good-canary-5xx': newFleetErrors('good-canary'),
    },
    images: { [badImage]: { modelLatencyMs: 40, errorRate5xx: 0.09, errorRate4xx: 0.005 } },
    traffic: { 'bad-canary': { requestsPerMinute: 12_000 }, 'good-canary': { requestsPerMinute: 12_000 } },
  });
  // The simulator puts the alarms once it has read the ConfigMap.
  await world.waitFor(
    async () =>
      (await client.send(new DescribeAlarmsCommand({ AlarmNames: ['bad-canary-5xx', 'good-canary-5xx'] })))
        .MetricAlarms ?? [],
    (alarms) => alarms.length === 2,
    'the two alarms in CloudWatch',
  );
}, 120_000);

afterAll(async () => {
  await world?.stop();
  await cloudwatch?.stop();
});

/** The 5XX rate of the new config's fleet, over 10 s, as the guide's "new fleet" alarm example watches it. */
function newFleetErrors(endpoint: string) {
  return {
    metricName: 'Invocation5XXErrors',
    dimensions: { EndpointName: endpoint, VariantName: 'primary', EndpointConfigName: `${endpoint}-v2` },
    statistic: 'Average',
    periodSeconds: 10,
    evaluationPeriods: 1,
    threshold: 0.05,
    comparisonOperator: 'GreaterThanThreshold',
  };
}

const canary = (alarmName: string): DeploymentConfig => ({
  autoRollbackConfiguration: { alarms: [{ alarmName }] },
  blueGreenUpdatePolicy: {
    maximumExecutionTimeoutInSeconds: 28_800,
    trafficRoutingConfiguration: {
      type_: 'CANARY',
      waitIntervalInSeconds: bakeSeconds,
      canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
    },
  },
});

/** An endpoint of four instances on v1, then a canary to `image` watched by the endpoint's alarm. */
async function canaryTo(endpoint: string, image: string) {
  await world.inServiceEndpoint(endpoint, [{ name: 'primary', count: 4 }]);
  await world.createModel(`${endpoint}-model-v2`, image);
  await world.createConfig(`${endpoint}-v2`, [{ name: 'primary', model: `${endpoint}-model-v2`, count: 4 }]);
  await world.configReady(`${endpoint}-v2`);
  await world.patch('Endpoint', endpoint, {
    spec: { endpointConfigName: `${endpoint}-v2`, deploymentConfig: canary(`${endpoint}-5xx`) },
  });
}

async function stateUpdates(alarmName: string) {
  const history = await client.send(
    new DescribeAlarmHistoryCommand({ AlarmName: alarmName, HistoryItemType: 'StateUpdate' }),
  );
  return (history.AlarmHistoryItems ?? []).map((item) => JSON.parse(item.HistoryData ?? '{}') as Record<string, any>);
}

/** Sum over SampleCount of a 0/1 metric since `from`: its rate. */
async function errorRate(dimensions: Record<string, string>, from: Date): Promise<number> {
  const query = (stat: string) => ({
    Id: stat.toLowerCase(),
    MetricStat: {
      Metric: {
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })),
      },
      Period: 60,
      Stat: stat,
    },
  });
  const answer = await client.send(
    new GetMetricDataCommand({
      StartTime: new Date(Math.floor(from.getTime() / 60_000) * 60_000),
      EndTime: new Date(Date.now() + 60_000),
      MetricDataQueries: [query('Sum'), query('SampleCount')],
    }),
  );
  const total = (id: string) =>
    (answer.MetricDataResults ?? []).find((result) => result.Id === id)?.Values?.reduce((a, b) => a + b, 0) ?? 0;
  return total('sum') / total('samplecount');
}

describe.concurrent('a canary watched by a CloudWatch alarm on the new fleet', () => {
  it('to a bad image: the alarm goes to ALARM in CloudWatch and the endpoint is rolled back naming it', async ({
    expect,
  }) => {
    const started = new Date();
    await canaryTo('bad-canary', badImage);
    await world.waitForEndpoint('bad-canary', (e) => e.status?.endpointStatus === 'RollingBack', 'RollingBack', 40_000);
    const rolledBack = await world.waitForEndpoint(
      'bad-canary',
      (e) => e.status?.endpointStatus === 'InService' && e.status.failureReason !== undefined,
      'InService on the old config',
    );
    expect(rolledBack.status?.failureReason).toBe(
      'Deployment was rolled back because CloudWatch alarm(s) bad-canary-5xx went into ALARM state.',
    );
    expect(rolledBack.status?.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage).toMatch(
      /bad-canary-model-v1:1$/,
    );

    const transitions = await stateUpdates('bad-canary-5xx');
    expect(transitions).toContainEqual(
      expect.objectContaining({ newState: expect.objectContaining({ stateValue: 'ALARM' }) }),
    );
    // The new fleet's series carries the image's full 9 %; the mixed one is diluted by the old fleet.
    const newFleet = await errorRate(
      { EndpointName: 'bad-canary', VariantName: 'primary', EndpointConfigName: 'bad-canary-v2' },
      started,
    );
    const mixed = await errorRate({ EndpointName: 'bad-canary', VariantName: 'primary' }, started);
    expect(newFleet).toBeGreaterThan(0.06);
    expect(newFleet).toBeLessThan(0.12);
    expect(mixed).toBeLessThan(newFleet / 2);
  });

  it('to a good image: the canary bakes, the rest follows and the alarm never fires', async ({ expect }) => {
    await canaryTo('good-canary', goodImage);
    const done = await world.waitForEndpoint(
      'good-canary',
      (e) =>
        e.status?.endpointStatus === 'InService' &&
        e.status.productionVariants?.[0]?.deployedImages?.[0]?.specifiedImage === goodImage,
      'the good image in service',
      50_000,
    );
    expect(done.status?.failureReason).toBeUndefined();
    const transitions = await stateUpdates('good-canary-5xx');
    expect(transitions.some((item) => item.newState?.stateValue === 'ALARM')).toBe(false);
    // The alarm saw the new fleet's data while it baked.
    expect(transitions).toContainEqual(
      expect.objectContaining({ newState: expect.objectContaining({ stateValue: 'OK' }) }),
    );
  });
});
