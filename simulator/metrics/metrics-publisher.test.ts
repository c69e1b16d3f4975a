// The publisher against the simulated CloudWatch served in-process, through the real SDK client: a request
// CloudWatch refuses as invalid is dropped and the periods behind it still go; one that got no answer is kept.
import { createServer as createTcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { afterEach, describe, expect, it } from 'vitest';
import { createCloudWatchServer, type CloudWatchServer } from '../cloudwatch/server';
import { SimulatedCloudWatch } from '../cloudwatch/service';
import { defaultCredentials } from '../cloudwatch/settings';
import type { SimEndpoint } from '../sagemaker/types';
import { MetricsPublisher } from './metrics-publisher';

const region = 'us-west-2';
const periodMs = 60_000;
const firstPeriod = Math.floor(Date.now() / periodMs) * periodMs - 10 * periodMs;

function endpoint(name: string): SimEndpoint {
  return {
    location: { partition: 'aws', region, account: '123456789012' },
    name,
    arn: `arn:aws:sagemaker:${region}:123456789012:endpoint/${name}`,
    createdAt: 0,
    lastModifiedAt: 0,
    status: 'InService',
    configName: `${name}-v1`,
    fleet: [
      {
        variantName: 'primary',
        instanceType: 'ml.c5.large',
        instanceCount: 2,
        weight: 1,
        images: [{ specifiedImage: 'repo/model:1', resolvedImage: 'repo/model:1@sha256:0', resolutionTime: 0 }],
      },
    ],
  };
}

let running: CloudWatchServer | undefined;

afterEach(async () => {
  await new Promise((resolve) => running?.server.close(resolve) ?? resolve(undefined));
  running = undefined;
});

async function listen(port = 0): Promise<number> {
  running = createCloudWatchServer({
    cloudwatch: new SimulatedCloudWatch({ region }),
    credentials: [defaultCredentials.allowed],
  });
  await new Promise<void>((resolve) => running!.server.listen(port, '127.0.0.1', resolve));
  return (running.server.address() as AddressInfo).port;
}

/** A port nothing listens on (for now). */
async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function publisherTo(port: number, endpoints: () => SimEndpoint[], log: string[]) {
  const { accessKeyId, secretAccessKey } = defaultCredentials.allowed;
  return new MetricsPublisher({
    client: new CloudWatchClient({
      region,
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    }),
    periodSeconds: 60,
    endpoints,
    trafficFor: () => ({ requestsPerMinute: 600, profileOf: () => undefined }),
    now: () => Date.now(),
    log: (message) => log.push(message),
  });
}

const putCalls = () => running?.counts.snapshot().byOperation.PutMetricData ?? 0;

describe('MetricsPublisher', () => {
  it('drops a period CloudWatch refuses as invalid and sends the next', async () => {
    const port = await listen();
    // A dimension value may be 1,024 characters at most: CloudWatch answers InvalidParameterValue (400).
    let endpoints = [endpoint('x'.repeat(1025))];
    const log: string[] = [];
    const publisher = publisherTo(port, () => endpoints, log);

    await publisher.publish(firstPeriod);
    // Both namespaces' requests carry the endpoint's name, so both are refused; the second line is held back.
    expect(running?.counts.snapshot().errors).toEqual({ InvalidParameterValue: 2 });
    expect(publisher.queuedPeriods).toBe(0);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(
      /^PutMetricData refused, \d+ data of AWS\/SageMaker for .* dropped: InvalidParameterValue(Exception)?: .*1024 characters/,
    );

    endpoints = [endpoint('scorer')];
    await publisher.publish(firstPeriod + periodMs);
    expect(publisher.queuedPeriods).toBe(0);
    // Only the good period went, once per namespace, and nothing more was refused.
    expect(putCalls()).toBe(2 + 2);
    expect(running?.counts.snapshot().errors).toEqual({ InvalidParameterValue: 2 });
  });

  it('keeps a period CloudWatch did not answer and sends it with the next', async () => {
    const port = await freePort();
    const log: string[] = [];
    const publisher = publisherTo(port, () => [endpoint('scorer')], log);

    await publisher.publish(firstPeriod);
    expect(publisher.queuedPeriods).toBe(1);
    expect(log[0]).toMatch(/^PutMetricData failed, 1 period\(s\) kept for the next try: ECONNREFUSED/);

    await listen(port);
    await publisher.publish(firstPeriod + periodMs);
    expect(publisher.queuedPeriods).toBe(0);
    // Both periods, each in one request per namespace.
    expect(putCalls()).toBe(2 * 2);
  });
});
