// The simulated STS in-process behind the simulated CloudWatch's server, called by the real SDK: its XML read by the
// SDK's own STS deserializer, its refusals, and the account the issued credentials act in.
import type { AddressInfo } from 'node:net';
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricDataCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
} from '@aws-sdk/client-cloudwatch';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudWatchError } from './errors';
import { refusal } from './refusal.test-support';
import { createCloudWatchServer, type CloudWatchServer } from './server';
import { SimulatedCloudWatch } from './service';
import { defaultCredentials, type SimulatorCredential } from './settings';
import { SimulatedSts } from './sts';
import { assumeRoleResponse, stsErrorResponse } from './sts-wire';

const region = 'us-west-2';
const accountB = '210987654321';
const trusting = `arn:aws:iam::${accountB}:role/fleetdeck-cloudwatch`;
const untrusting = `arn:aws:iam::${accountB}:role/someone-else`;
const { allowed } = defaultCredentials;
const writerB: SimulatorCredential = {
  accessKeyId: 'AKIAFLEETDECKSIMB001',
  secretAccessKey: 'simulated+cloudwatch/account-b/secretkey',
  accountId: accountB,
  userName: 'publisher',
  deny: [],
};

let running: CloudWatchServer | undefined;
let clock = Date.now();

afterEach(async () => {
  await new Promise((resolve) => running?.server.close(resolve) ?? resolve(undefined));
  running = undefined;
  clock = Date.now();
});

async function start() {
  running = createCloudWatchServer({
    cloudwatch: new SimulatedCloudWatch({ region }),
    credentials: [allowed, writerB],
    sts: new SimulatedSts({ [trusting]: [allowed.accessKeyId], [untrusting]: ['AKIASOMEONEELSE00001'] }),
    now: () => clock,
  });
  await new Promise<void>((resolve) => running!.server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
  const signedAs = (credential: SimulatorCredential) =>
    new CloudWatchClient({
      region,
      endpoint,
      credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    });
  // Allowed's own identity assumes the role through the SDK's STS client, as Fleetdeck does.
  const assuming = (RoleArn: string) =>
    new CloudWatchClient({
      region,
      endpoint,
      credentials: fromTemporaryCredentials({
        params: { RoleArn, RoleSessionName: 'fleetdeck', DurationSeconds: 3600 },
        masterCredentials: { accessKeyId: allowed.accessKeyId, secretAccessKey: allowed.secretAccessKey },
        clientConfig: { region, endpoint },
      }),
    });
  return { endpoint, signedAs, assuming };
}

const alarm = (AlarmName: string) =>
  new PutMetricAlarmCommand({
    AlarmName,
    Namespace: 'AWS/SageMaker',
    MetricName: 'Invocation5XXErrors',
    Statistic: 'Sum',
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanThreshold',
  });
const alarmNames = async (client: CloudWatchClient) =>
  ((await client.send(new DescribeAlarmsCommand({}))).MetricAlarms ?? []).map((each) => each.AlarmName);

async function failure(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number } };
  }
  throw new Error('the call succeeded');
}

describe('AssumeRole through the SDK', () => {
  it('issues credentials acting in the role’s account: its alarms and metrics, not the caller’s', async () => {
    const { signedAs, assuming } = await start();
    await signedAs(writerB).send(alarm('b-only'));
    await signedAs(allowed).send(alarm('a-only'));
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000;
    await signedAs(writerB).send(
      new PutMetricDataCommand({
        Namespace: 'AWS/SageMaker',
        MetricData: [{ MetricName: 'Invocations', Timestamp: new Date(minute), Value: 7 }],
      }),
    );
    const asRole = assuming(trusting);
    expect(await alarmNames(asRole)).toEqual(['b-only']);
    expect(await alarmNames(signedAs(allowed))).toEqual(['a-only']);
    const invocations = (client: CloudWatchClient) =>
      client
        .send(
          new GetMetricDataCommand({
            StartTime: new Date(minute - 60_000),
            EndTime: new Date(minute + 60_000),
            MetricDataQueries: [
              {
                Id: 'm',
                MetricStat: {
                  Metric: { Namespace: 'AWS/SageMaker', MetricName: 'Invocations' },
                  Period: 60,
                  Stat: 'Sum',
                },
              },
            ],
          }),
        )
        .then((output) => output.MetricDataResults?.[0]?.Values);
    expect(await invocations(asRole)).toEqual([7]);
    expect(await invocations(signedAs(allowed))).toEqual([]);

    // One AssumeRole for every call: the client keeps the credentials until shortly before they expire.
    const counts = running!.counts.snapshot();
    expect(counts.byOperation.AssumeRole).toBe(1);
    expect(counts.byCaller[allowed.accessKeyId]?.byOperation.AssumeRole).toBe(1);
    const issued = Object.entries(counts.byCaller).find(([key]) => key.startsWith('ASIA'));
    expect(issued?.[1]).toMatchObject({
      userName: 'assumed-role/fleetdeck-cloudwatch/fleetdeck',
      byOperation: { DescribeAlarms: 1, GetMetricData: 1 },
    });
  });

  it('refuses a role that does not trust the caller, or does not exist, as AccessDenied with 403', async () => {
    const { assuming } = await start();
    for (const role of [untrusting, `arn:aws:iam::${accountB}:role/missing`]) {
      const refused = await failure(assuming(role).send(new DescribeAlarmsCommand({})));
      expect(refused.name).toBe('AccessDenied');
      expect(refused.$metadata?.httpStatusCode).toBe(403);
      expect(refused.message).toBe(
        `User: arn:aws:iam::123456789012:user/fleetdeck is not authorized to perform: sts:AssumeRole on resource: ${role}`,
      );
    }
    expect(running!.counts.snapshot().errors).toEqual({ AccessDenied: 2 });
  });

  it('takes the issued keys only with their session token, and not once they expire', async () => {
    const { endpoint, assuming } = await start();
    const withKeys = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
      new CloudWatchClient({ region, endpoint, credentials });
    const client = assuming(trusting);
    await client.send(new DescribeAlarmsCommand({}));
    const issued = await client.config.credentials();
    expect(issued.accessKeyId).toMatch(/^ASIA/);
    const { accessKeyId, secretAccessKey, sessionToken } = issued;
    expect(await alarmNames(withKeys({ accessKeyId, secretAccessKey, sessionToken }))).toEqual([]);
    expect((await failure(alarmNames(withKeys({ accessKeyId, secretAccessKey })))).name).toBe('InvalidClientTokenId');
    expect((await failure(alarmNames(withKeys({ accessKeyId, secretAccessKey, sessionToken: 'forged' })))).name).toBe(
      'InvalidClientTokenId',
    );
    // Keys another STS issued are unknown here.
    const elsewhere = new SimulatedSts({ [trusting]: [allowed.accessKeyId] }).handle(
      new URLSearchParams({ Action: 'AssumeRole', Version: '2011-06-15', RoleArn: trusting, RoleSessionName: 'x1' }),
      allowed,
      clock,
    );
    expect((await failure(alarmNames(withKeys(elsewhere)))).name).toBe('InvalidClientTokenId');
    clock += 3600_000;
    expect((await failure(alarmNames(withKeys({ accessKeyId, secretAccessKey, sessionToken })))).name).toBe(
      'ExpiredToken',
    );
  });
});

describe('AssumeRole’s checks', () => {
  const sts = new SimulatedSts({ [trusting]: [allowed.accessKeyId] });
  const assume = (params: Record<string, string>) => () =>
    sts.handle(
      new URLSearchParams({
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: trusting,
        RoleSessionName: 'f',
        ...params,
      }),
      allowed,
      Date.now(),
    );

  it('refuses what STS refuses, as ValidationError or InvalidAction', () => {
    expect(refusal(assume({ RoleSessionName: 'f' })).code).toBe('ValidationError');
    expect(refusal(assume({ RoleSessionName: 'fleet deck' })).message).toMatch(/roleSessionName.*regular expression/);
    expect(refusal(assume({ RoleArn: 'arn:aws:iam::210987654321:user/x', RoleSessionName: 'ok' })).code).toBe(
      'ValidationError',
    );
    expect(refusal(assume({ RoleSessionName: 'ok', DurationSeconds: '600' })).message).toMatch(
      /greater than or equal to 900/,
    );
    expect(refusal(assume({ RoleSessionName: 'ok', DurationSeconds: '7200' })).message).toBe(
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    expect(refusal(assume({ RoleSessionName: 'ok', Version: '2011-06-14' }))).toEqual({
      code: 'InvalidAction',
      message: 'Could not find operation AssumeRole for version 2011-06-14',
    });
    expect(refusal(assume({ RoleSessionName: 'ok', Action: 'GetCallerIdentity' })).code).toBe('InvalidAction');
  });

  it('issues an hour by default, in the role’s account, named as the role session', () => {
    const now = Date.now();
    const issued = assume({ RoleSessionName: 'fleetdeck' })();
    expect(issued).toMatchObject({
      accountId: accountB,
      userName: 'assumed-role/fleetdeck-cloudwatch/fleetdeck',
      assumedRoleArn: `arn:aws:sts::${accountB}:assumed-role/fleetdeck-cloudwatch/fleetdeck`,
    });
    expect(issued.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(issued.expiresMs - now).toBeGreaterThanOrEqual(3600_000);
    expect(issued.expiresMs - now).toBeLessThan(3601_000);
  });
});

describe('STS’s XML', () => {
  it('answers AssumeRole with the result and metadata the SDK reads, escaped', () => {
    const wire = assumeRoleResponse(
      {
        accessKeyId: 'ASIAAAAAAAAAAAAAAAAA',
        secretAccessKey: 'a/b+c',
        sessionToken: 'x<y&z',
        accountId: accountB,
        userName: 'assumed-role/r/s',
        deny: [],
        expiresMs: Date.parse('2026-06-12T15:00:00.250Z'),
        assumedRoleArn: `arn:aws:sts::${accountB}:assumed-role/r/s`,
        assumedRoleId: 'AROAEXAMPLE:s',
      },
      'req-1',
    );
    expect(wire.status).toBe(200);
    expect(wire.headers['content-type']).toBe('text/xml');
    expect(wire.body).toBe(
      '<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>' +
        `<AssumedRoleUser><Arn>arn:aws:sts::${accountB}:assumed-role/r/s</Arn><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>` +
        '<Credentials><AccessKeyId>ASIAAAAAAAAAAAAAAAAA</AccessKeyId><SecretAccessKey>a/b+c</SecretAccessKey>' +
        '<SessionToken>x&lt;y&amp;z</SessionToken><Expiration>2026-06-12T15:00:00Z</Expiration></Credentials>' +
        '</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></AssumeRoleResponse>',
    );
  });

  it('answers a refusal as awsQuery’s ErrorResponse with its status', () => {
    const wire = stsErrorResponse(new CloudWatchError('AccessDenied', 'User: a is not authorized & so on'), 'req-2');
    expect(wire.status).toBe(403);
    expect(wire.body).toBe(
      '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>' +
        '<Code>AccessDenied</Code><Message>User: a is not authorized &amp; so on</Message></Error>' +
        '<RequestId>req-2</RequestId></ErrorResponse>',
    );
  });
});
