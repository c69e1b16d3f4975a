// The simulated CloudWatch's HTTP server in-process, called by the real SDK client and by hand-made requests: what
// it counts, and what it logs when its own metrics bound refuses a request.
import type { AddressInfo } from 'node:net';
import { CloudWatchClient, DescribeAlarmsCommand, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultStoreLimits } from './metric-store';
import { createCloudWatchServer, type CloudWatchServer } from './server';
import { SimulatedCloudWatch } from './service';
import { defaultCredentials } from './settings';

const region = 'us-west-2';
let running: CloudWatchServer | undefined;

afterEach(async () => {
  await new Promise((resolve) => running?.server.close(resolve) ?? resolve(undefined));
  running = undefined;
});

async function start(maxMetricsPerAccount = defaultStoreLimits.maxMetricsPerAccount, log: string[] = []) {
  running = createCloudWatchServer({
    cloudwatch: new SimulatedCloudWatch({ region, storeLimits: { ...defaultStoreLimits, maxMetricsPerAccount } }),
    credentials: [defaultCredentials.allowed],
    log: (message) => log.push(message),
  });
  await new Promise<void>((resolve) => running!.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  const { accessKeyId, secretAccessKey } = defaultCredentials.allowed;
  const client = new CloudWatchClient({ region, endpoint: url, credentials: { accessKeyId, secretAccessKey } });
  return { url, client };
}

describe('the simulated CloudWatch server', () => {
  it('counts signed callers by key, and unsigned claims under one name whatever they claim', async () => {
    const { url, client } = await start();
    await client.send(new DescribeAlarmsCommand({}));
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `GraniteServiceVersion20100801.MadeUp${i}`,
          'x-amz-date': '20260612T140230Z',
          authorization: `AWS4-HMAC-SHA256 Credential=AKIAMADEUP${i}/20260612/${region}/monitoring/aws4_request, SignedHeaders=host, Signature=00`,
        },
        body: '{}',
      });
      expect(response.status).toBe(403);
    }
    const counts = running!.counts.snapshot();
    expect(counts.total).toBe(4);
    expect(counts.byOperation).toEqual({ DescribeAlarms: 1, '(other)': 3 });
    expect(counts.byCaller).toEqual({
      [defaultCredentials.allowed.accessKeyId]: {
        userName: 'fleetdeck',
        total: 1,
        byOperation: { DescribeAlarms: 1 },
      },
      unverified: { total: 3, byOperation: { '(other)': 3 } },
    });
    expect(counts.errors).toEqual({ InvalidClientTokenId: 3 });
  });

  it('answers LimitExceeded past its metrics bound, and logs it', async () => {
    const log: string[] = [];
    const { client } = await start(1, log);
    const datum = (value: string) => ({ MetricName: 'M', Dimensions: [{ Name: 'Id', Value: value }], Value: 1 });
    await client.send(new PutMetricDataCommand({ Namespace: 'N', MetricData: [datum('a')] }));
    const refused = await client.send(new PutMetricDataCommand({ Namespace: 'N', MetricData: [datum('b')] })).then(
      () => undefined,
      (error: Error & { $metadata: { httpStatusCode?: number } }) => error,
    );
    expect(refused?.$metadata.httpStatusCode).toBe(400);
    expect(refused?.message).toMatch(/^The simulated CloudWatch holds at most 1 metrics per account/);
    expect(log).toEqual([expect.stringMatching(/^PutMetricData refused: The simulated CloudWatch holds at most 1/)]);
  });
});
