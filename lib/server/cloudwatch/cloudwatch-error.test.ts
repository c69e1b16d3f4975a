import { CloudWatchServiceException } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { cloudWatchFailure } from './cloudwatch-error';

const serviceError = (name: string, message: string) =>
  new CloudWatchServiceException({ name, message, $fault: 'client', $metadata: { httpStatusCode: 403 } });

describe('cloudWatchFailure', () => {
  it('names the AWS error code when CloudWatch answered', () => {
    expect(cloudWatchFailure(serviceError('AccessDenied', 'User is not authorized'))).toEqual({
      code: 'AccessDenied',
      message: 'User is not authorized',
    });
    expect(cloudWatchFailure(serviceError('SignatureDoesNotMatch', 'The signature does not match')).code).toBe(
      'SignatureDoesNotMatch',
    );
  });

  it('names the network code when CloudWatch could not be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      code: 'ECONNREFUSED',
      $metadata: { attempts: 1 },
    });
    expect(cloudWatchFailure(refused)).toEqual({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:9' });
    const wrapped = new AggregateError([Object.assign(new Error('x'), { code: 'ETIMEDOUT' })], 'all failed');
    expect(cloudWatchFailure(new Error('fetch failed', { cause: wrapped })).code).toBe('ETIMEDOUT');
  });

  it('names a missing credential by the SDK’s error', () => {
    const missing = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(cloudWatchFailure(missing).code).toBe('CredentialsProviderError');
  });

  it('says Unknown for anything else', () => {
    expect(cloudWatchFailure(new Error('odd'))).toEqual({ code: 'Unknown', message: 'odd' });
    expect(cloudWatchFailure('text')).toEqual({ code: 'Unknown', message: 'text' });
  });
});
