import { describe, expect, it } from 'vitest';
import { alarmConsoleUrl, endpointConsoleUrl } from './aws-console';

describe('console links', () => {
  it('point at the region’s console for the commercial partition', () => {
    expect(endpointConsoleUrl('us-west-2', 'aws', 'ep')).toBe(
      'https://us-west-2.console.aws.amazon.com/sagemaker/home?region=us-west-2#/endpoints/ep',
    );
    expect(alarmConsoleUrl('us-west-2', undefined, 'errors')).toBe(
      'https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#alarmsV2:alarm/errors',
    );
  });

  it('use the China and GovCloud consoles for their partitions', () => {
    expect(endpointConsoleUrl('cn-north-1', 'aws-cn', 'ep')).toMatch(
      /^https:\/\/console\.amazonaws\.cn\/sagemaker\/home\?region=cn-north-1#/,
    );
    expect(alarmConsoleUrl('us-gov-west-1', 'aws-us-gov', 'a')).toMatch(
      /^https:\/\/console\.amazonaws-us-gov\.com\/cloudwatch\//,
    );
  });

  it('encode names taken from the custom resource', () => {
    expect(endpointConsoleUrl('us-west-2', 'aws', 'a/../b#c')).toMatch(/#\/endpoints\/a%2F..%2Fb%23c$/);
    expect(alarmConsoleUrl('eu-west-1', 'aws', 'p99 > 2s')).toMatch(/alarm\/p99%20%3E%202s$/);
  });

  it('are absent for a region that is not one, since it names the host', () => {
    expect(endpointConsoleUrl('evil.example/#', 'aws', 'ep')).toBeUndefined();
    expect(endpointConsoleUrl('us-west-2&x=1', 'aws', 'ep')).toBeUndefined();
    expect(alarmConsoleUrl('US-WEST-2', 'aws', 'a')).toBeUndefined();
    expect(endpointConsoleUrl('us-gov-west-1', 'aws-us-gov', 'ep')).toBeDefined();
  });

  it('are absent until the controller has reported a region', () => {
    expect(endpointConsoleUrl(undefined, 'aws', 'ep')).toBeUndefined();
    expect(alarmConsoleUrl('', 'aws', 'a')).toBeUndefined();
  });
});
