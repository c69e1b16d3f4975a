import { describe, expect, it } from 'vitest';
import { ApiError, replacesLastRead } from './api-error';

describe('replacesLastRead', () => {
  it.each([
    [403, true],
    [404, true],
    [401, false],
    [500, false],
    [503, false],
    [0, false],
  ])('an API error of status %i replaces what was read before: %s', (status, expected) => {
    expect(replacesLastRead(new ApiError(status, status === 0 ? 'network' : 'cluster_unavailable', 'x'))).toBe(expected);
  });

  it('a failure that is not an API error keeps what was read', () => {
    expect(replacesLastRead(new TypeError('Failed to fetch'))).toBe(false);
    expect(replacesLastRead(null)).toBe(false);
  });
});
