// The real CloudWatchClient of @aws-sdk/client-cloudwatch, unmodified, against the simulated CloudWatch running
// as its own process: what it publishes it reads back, alarms change state from published data on the clock,
// and refusals reach the SDK as AWS's errors. (No Kubernetes needed; it is here because it starts a process.)
import {
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  type CloudWatchClient,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudWatchSimulator, type RunningCloudWatchSimulator } from '../support/cloudwatch-simulator';

let cloudwatch: RunningCloudWatchSimulator;
let client: CloudWatchClient;

beforeAll(async () => {
  cloudwatch = await startCloudWatchSimulator();
  client = cloudwatch.client();
});

afterAll(async () => {
  await cloudwatch?.stop();
});

const dimensions = [
  { Name: 'EndpointName', Value: 'scorer' },
  { Name: 'VariantName', Value: 'primary' },
];

/** The caught error of a call that should fail. */
async function failure(call: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number } };
  }
  throw new Error('the call succeeded');
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the simulated CloudWatch through the AWS SDK', () => {
  it('answers GetMetricData with what PutMetricData published: Sum, Average and p99', async () => {
    // A whole minute well in the past, so every sample falls in one period.
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
    // 1..200 ms, the 100 ms sample twice: 201 samples, sum 20,200, in two datums (150 values at most each).
    const halves = [Array.from({ length: 100 }, (_, i) => i + 1), Array.from({ length: 100 }, (_, i) => i + 101)];
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SageMaker',
        MetricData: halves.map((values) => ({
          MetricName: 'ModelLatency',
          Dimensions: dimensions,
          Timestamp: new Date(minute + 5_000),
          Values: values,
          Counts: values.map((value) => (value === 100 ? 2 : 1)),
          Unit: 'Milliseconds',
        })),
      }),
    );
    const query = (Id: string, Stat: string): MetricDataQuery => ({
      Id,
      MetricStat: {
        Metric: { Namespace: 'AWS/SageMaker', MetricName: 'ModelLatency', Dimensions: dimensions },
        Period: 60,
        Stat,
      },
    });
    const answer = await client.send(
      new GetMetricDataCommand({
        StartTime: new Date(minute - 60_000),
        EndTime: new Date(minute + 120_000),
        MetricDataQueries: [query('sum', 'Sum'), query('average', 'Average'), query('p99', 'p99')],
      }),
    );
    const byId = Object.fromEntries((answer.MetricDataResults ?? []).map((result) => [result.Id, result]));
    expect(byId.sum).toMatchObject({ StatusCode: 'Complete', Timestamps: [new Date(minute)], Values: [20_200] });
    expect(byId.average?.Values?.[0]).toBeCloseTo(20_200 / 201);
    // Nearest rank: the 199th of 201 samples, 198 ms.
    expect(byId.p99?.Values).toEqual([198]);
  });

  it('takes a PutMetricData large enough for the SDK to gzip it', async () => {
    // 500 datums are some 60 KB of JSON, over the SDK's 10 KB threshold for compressing PutMetricData.
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000);
    await client.send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SageMaker',
        MetricData: Array.from({ length: 500 }, (_, i) => ({
          MetricName: 'Invocations',
          Dimensions: [{ Name: 'EndpointName', Value: `endpoint-${i}` }],
          Timestamp: at,
          Value: i,
          Unit: 'Count',
        })),
      }),
    );
    const answer = await client.send(
      new GetMetricDataCommand({
        StartTime: at,
        EndTime: new Date(at.getTime() + 60_000),
        MetricDataQueries: [
          {
            Id: 'last',
            MetricStat: {
              Metric: {
                Namespace: 'AWS/SageMaker',
                MetricName: 'Invocations',
                Dimensions: [{ Name: 'EndpointName', Value: 'endpoint-499' }],
              },
              Period: 60,
              Stat: 'Sum',
            },
          },
        ],
      }),
    );
    expect(answer.MetricDataResults?.[0]?.Values).toEqual([499]);
  });

  it('takes an alarm to ALARM from published high-resolution data and records the transition', async () => {
    await client.send(
      new PutMetricAlarmCommand({
        AlarmName: 'scorer-5xx-rate',
        Namespace: 'AWS/SageMaker',
        MetricName: 'Invocation5XXErrors',
        Dimensions: dimensions,
        Statistic: 'Average',
        Period: 1,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 2,
        Threshold: 0.05,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      }),
    );
    const publishing = setInterval(() => {
      void client.send(
        new PutMetricDataCommand({
          Namespace: 'AWS/SageMaker',
          MetricData: [
            {
              MetricName: 'Invocation5XXErrors',
              Dimensions: dimensions,
              Values: [0, 1],
              Counts: [9, 1],
              StorageResolution: 1,
            },
          ],
        }),
      );
    }, 250);
    try {
      const alarm = await waitFor(
        async () =>
          (await client.send(new DescribeAlarmsCommand({ AlarmNames: ['scorer-5xx-rate'] }))).MetricAlarms?.[0],
        (found) => found?.StateValue === 'ALARM',
        'the alarm to go to ALARM',
      );
      expect(alarm?.StateReason).toMatch(
        /^Threshold Crossed: 2 out of the last 2 datapoints \[0\.1 \(\d\d\/\d\d\/\d\d \d\d:\d\d:\d\d\), 0\.1 \(.+\)\] were greater than the threshold \(0\.05\) \(minimum 2 datapoints for OK -> ALARM transition\)\.$/,
      );
      expect(JSON.parse(alarm?.StateReasonData ?? '')).toMatchObject({
        statistic: 'Average',
        period: 1,
        threshold: 0.05,
      });
    } finally {
      clearInterval(publishing);
    }
    const history = await client.send(
      new DescribeAlarmHistoryCommand({ AlarmName: 'scorer-5xx-rate', HistoryItemType: 'StateUpdate' }),
    );
    const [latest] = history.AlarmHistoryItems ?? [];
    expect(latest).toMatchObject({ AlarmName: 'scorer-5xx-rate', HistoryItemType: 'StateUpdate' });
    expect(latest?.HistorySummary).toMatch(/^Alarm updated from (OK|INSUFFICIENT_DATA) to ALARM$/);
    expect(latest?.Timestamp).toBeInstanceOf(Date);
    expect(JSON.parse(latest?.HistoryData ?? '')).toMatchObject({ newState: { stateValue: 'ALARM' } });
  });

  it('describes alarms by name, leaving out the others', async () => {
    for (const AlarmName of ['latency-a', 'latency-b', 'latency-c']) {
      await client.send(
        new PutMetricAlarmCommand({
          AlarmName,
          Namespace: 'AWS/SageMaker',
          MetricName: 'ModelLatency',
          Dimensions: dimensions,
          ExtendedStatistic: 'p99',
          Period: 60,
          EvaluationPeriods: 3,
          Threshold: 500_000,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        }),
      );
    }
    const answer = await client.send(new DescribeAlarmsCommand({ AlarmNames: ['latency-c', 'latency-a', 'absent'] }));
    expect(answer.MetricAlarms?.map((alarm) => alarm.AlarmName)).toEqual(['latency-a', 'latency-c']);
    expect(answer.MetricAlarms?.[0]).toMatchObject({
      AlarmArn: `arn:aws:cloudwatch:${cloudwatch.region}:123456789012:alarm:latency-a`,
      ExtendedStatistic: 'p99',
      Period: 60,
      EvaluationPeriods: 3,
      Threshold: 500_000,
      StateValue: 'INSUFFICIENT_DATA',
    });
    expect(answer.MetricAlarms?.[0]?.StateUpdatedTimestamp).toBeInstanceOf(Date);
  });

  it('answers a wrong secret with SignatureDoesNotMatch, as AWS does', async () => {
    const wrong = cloudwatch.client({ ...cloudwatch.credentials.allowed, secretAccessKey: 'not-the-secret' });
    const error = await failure(wrong.send(new DescribeAlarmsCommand({})));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
  });

  it('answers a credential denied the action with AccessDenied, naming the user and the action', async () => {
    const denied = cloudwatch.client(cloudwatch.credentials.denied);
    const error = await failure(
      denied.send(
        new GetMetricDataCommand({
          StartTime: new Date(Date.now() - 3_600_000),
          EndTime: new Date(),
          MetricDataQueries: [
            {
              Id: 'q',
              MetricStat: {
                Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations' },
                Period: 60,
                Stat: 'Sum',
              },
            },
          ],
        }),
      ),
    );
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      'User: arn:aws:iam::123456789012:user/fleetdeck-no-metrics is not authorized to perform: cloudwatch:GetMetricData because no identity-based policy allows the cloudwatch:GetMetricData action',
    );
  });

  it('counts the calls per operation and per caller', async () => {
    await cloudwatch.resetCounts();
    const allowedKey = cloudwatch.credentials.allowed.accessKeyId;
    const deniedKey = cloudwatch.credentials.denied.accessKeyId;
    await client.send(new DescribeAlarmsCommand({}));
    await client.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'latency-' }));
    await failure(cloudwatch.client(cloudwatch.credentials.denied).send(new DescribeAlarmsCommand({})));
    const counts = await cloudwatch.calls();
    expect(counts.total).toBe(3);
    expect(counts.byOperation).toEqual({ DescribeAlarms: 3 });
    expect(counts.byCaller[allowedKey]).toEqual({
      userName: 'fleetdeck',
      total: 2,
      byOperation: { DescribeAlarms: 2 },
    });
    expect(counts.byCaller[deniedKey]).toMatchObject({ userName: 'fleetdeck-no-metrics', total: 1 });
    expect(counts.errors).toEqual({ AccessDenied: 1 });
  });
});
