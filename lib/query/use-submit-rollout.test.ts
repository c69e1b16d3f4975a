import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { rolloutErrorDetails } from './use-submit-rollout';

const endpoint = {
  metadata: { name: 'ep', namespace: 'ns', generation: 3 },
  spec: { endpointName: 'ep', endpointConfigName: 'ep-v2', tags: [{ key: 'owner', value: 'someone-else' }] },
};
const conflict = (details?: Record<string, unknown>) =>
  new ApiError(409, 'conflict', 'The endpoint changed.', [], details);

describe('rolloutErrorDetails', () => {
  it('reads the endpoint and config as they are now from a 409’s details', () => {
    const details = rolloutErrorDetails(conflict({ current: { endpoint, liveConfig: null } }));
    expect(details).toEqual({ current: { endpoint, liveConfig: null } });
  });

  it('reads the config created before pointing the endpoint at it failed', () => {
    expect(rolloutErrorDetails(new ApiError(403, 'forbidden', 'No.', [], { createdConfigName: 'ep-abc' }))).toEqual({
      createdConfigName: 'ep-abc',
    });
  });

  it.each([
    ['an error without details', conflict()],
    ['details of another shape', conflict({ createdConfigName: 42 })],
    ['a current object that is not an endpoint', conflict({ current: { endpoint: { spec: {} }, liveConfig: null } })],
    ['an error that is not an API error', new TypeError('Failed to fetch')],
  ])('is empty for %s', (_what, error) => {
    expect(rolloutErrorDetails(error)).toEqual({});
  });
});
