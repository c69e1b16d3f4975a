import { CloudWatchServiceException } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { AssumeRoleFailure, cloudWatchFailure } from './cloudwatch-error';

const serviceError = (name: string, message: string) =>
  new CloudWatchServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 403 } });

const arn = 'User: arn:aws:iam::123456789012:user/denied is not authorized to perform: cloudwatch:GetMetricData';

describe('cloudWatchFailure', () => {
  it('names the AWS error code when CloudWatch answered, with a fixed sentence and AWS’s text kept apart', () => {
    expect(cloudWatchFailure(serviceError('AccessDenied', arn))).toEqual({
      code: 'AccessDenied',
      message:
        'Fleetdeck’s AWS identity may not read CloudWatch metrics or alarms (cloudwatch:GetMetricData, DescribeAlarms, DescribeAlarmHistory).',
      detail: arn,
    });
    const signature = cloudWatchFailure(serviceError('SignatureDoesNotMatch', 'The signature does not match'));
    expect(signature?.code).toBe('SignatureDoesNotMatch');
    expect(signature?.message).toMatch(
      /^CloudWatch did not accept Fleetdeck’s AWS credentials \(SignatureDoesNotMatch\)/,
    );
    expect(cloudWatchFailure(serviceError('ExpiredToken', 'x'))?.message).toMatch(/credentials/);
    expect(cloudWatchFailure(serviceError('ValidationError', 'Period must be 60'))?.message).toMatch(/not valid/);
    expect(cloudWatchFailure(serviceError('Throttling', 'Rate exceeded'))?.message).toMatch(/throttling/);
    expect(cloudWatchFailure(serviceError('InternalFailure', 'oops'))?.message).toBe(
      'CloudWatch could not be read (InternalFailure); the server’s log has the details.',
    );
  });

  it('names the network code when CloudWatch could not be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
      $metadata: { attempts: 1 },
    });
    expect(cloudWatchFailure(refused)).toEqual({
      code: 'ECONNREFUSED',
      message: 'CloudWatch could not be reached (ECONNREFUSED).',
      detail: 'connect ECONNREFUSED 127.0.0.1:9',
    });
    const wrapped = new AggregateError([Object.assign(new Error('x'), { code: 'ETIMEDOUT' })], 'all failed');
    expect(cloudWatchFailure(new Error('fetch failed', { cause: wrapped }))?.code).toBe('ETIMEDOUT');
    const connectTimeout = Object.assign(new Error('did not establish a connection'), { name: 'TimeoutError' });
    expect(cloudWatchFailure(connectTimeout)?.code).toBe('ETIMEDOUT');
  });

  it('names a missing credential by the SDK’s error', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(cloudWatchFailure(missing)?.code).toBe('CredentialsProviderError');
    expect(cloudWatchFailure(missing)?.message).toMatch(/credentials/);
  });

  it('names the role and the account when the account’s role could not be assumed, and what to fix', () => {
    const role = 'arn:aws:iam::210987654321:role/fleetdeck-cloudwatch';
    const sts = `User: arn:aws:iam::123456789012:user/fleetdeck is not authorized to perform: sts:AssumeRole on resource: ${role}`;
    const failure = cloudWatchFailure(new AssumeRoleFailure(role, '210987654321', 'AccessDenied', sts));
    expect(failure).toEqual({
      code: 'AccessDenied',
      message:
        'Fleetdeck may not assume arn:aws:iam::210987654321:role/fleetdeck-cloudwatch, the role FLEETDECK_CLOUDWATCH_ROLES names for account 210987654321 (AccessDenied): the role’s trust policy must allow Fleetdeck’s own AWS identity (its IRSA or EKS Pod Identity role) to call sts:AssumeRole.',
      detail: `AssumeRole ${role}: ${sts}`,
    });
    const unreachable = cloudWatchFailure(new AssumeRoleFailure(role, '210987654321', 'ECONNREFUSED', 'connect'));
    expect(unreachable?.message).toBe(
      `STS could not be reached (ECONNREFUSED) to assume ${role}, the role FLEETDECK_CLOUDWATCH_ROLES names for account 210987654321.`,
    );
    expect(
      cloudWatchFailure(new AssumeRoleFailure(role, '210987654321', 'InvalidClientTokenId', 'x'))?.message,
    ).toMatch(/^STS did not accept Fleetdeck’s AWS credentials \(InvalidClientTokenId\) to assume arn:aws:iam::/);
    expect(
      cloudWatchFailure(new AssumeRoleFailure(role, '210987654321', 'RegionDisabledException', 'x'))?.message,
    ).toMatch(/^Fleetdeck could not assume arn:.* \(RegionDisabledException\); the server’s log has the details\.$/);
  });

  it('is not CloudWatch’s failure when our own code throws', () => {
    expect(cloudWatchFailure(new TypeError('cannot read properties of undefined'))).toBeUndefined();
    // The SDK stamps $metadata on whatever a send throws, ours too.
    expect(cloudWatchFailure(Object.assign(new TypeError('x'), { $metadata: { attempts: 1 } }))).toBeUndefined();
    expect(cloudWatchFailure(new Error('odd'))).toBeUndefined();
    expect(cloudWatchFailure('text')).toBeUndefined();
  });
});
