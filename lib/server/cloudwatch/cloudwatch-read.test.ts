import { CloudWatchServiceException } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { attempt } from './cloudwatch-read';

describe('attempt', () => {
  it('turns CloudWatch’s refusal into a read the caches can share', async () => {
    const refusal = new CloudWatchServiceException({
      name: 'AccessDenied',
      message: 'User: arn:aws:iam::123456789012:user/denied is not authorized',
      $fault: 'client',
      $metadata: {},
    });
    const read = await attempt(
      () => Promise.reject(refusal),
      () => 7,
    );
    expect(read).toEqual({
      ok: false,
      failure: { code: 'AccessDenied', message: expect.stringMatching(/^Fleetdeck’s AWS identity may not read/) },
      at: 7,
    });
  });

  it('rethrows a fault of ours instead of blaming CloudWatch', async () => {
    const bug = new TypeError('Cannot read properties of undefined');
    await expect(attempt(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
