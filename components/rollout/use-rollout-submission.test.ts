import { describe, expect, it } from 'vitest';
import type { RolloutResult } from '@/lib/api/rollout-views';
import { ApiError } from '@/lib/query/api-error';
import type { RolloutRequest } from '@/lib/schemas/rollout-request';
import { submissionOutcome } from './use-rollout-submission';

const request = (mode: RolloutRequest['mode']): RolloutRequest => ({
  mode,
  baseGeneration: 3,
  baseResourceVersion: '812',
  requestId: '5b0c7a4e-8a3f-4f57-9d55-0c8f7a1c2b3d',
  draft: { baseConfigName: 'ep-v1', variants: [{ variantName: 'primary', modelName: 'model-v2' }], reason: '' },
});
const variables = (mode: RolloutRequest['mode']) => ({ request: request(mode), csrfToken: 't' });
const endpoint = {
  metadata: { name: 'ep', namespace: 'ns', generation: 3 },
  spec: { endpointName: 'ep', endpointConfigName: 'ep-v1' },
};
const config = {
  metadata: { name: 'ep-abc', namespace: 'ns' },
  spec: { endpointConfigName: 'ep-abc', productionVariants: [] },
};
const applied: RolloutResult = { outcome: 'already-applied', configName: 'ep-abc', config, endpoint };
const key = '5b0c7a4e-8a3f-4f57-9d55-0c8f7a1c2b3d@3';

describe('submissionOutcome', () => {
  it('is undefined before the first submission and while one is in flight', () => {
    expect(submissionOutcome({ status: 'idle', variables: undefined, data: undefined, error: null })).toBeUndefined();
    expect(
      submissionOutcome({ status: 'pending', variables: variables('apply'), data: undefined, error: null }),
    ).toBeUndefined();
  });

  it('is done with the result, for the mode and draft that were sent', () => {
    expect(submissionOutcome({ status: 'success', variables: variables('apply'), data: applied, error: null })).toEqual(
      { kind: 'done', mode: 'apply', key, result: applied },
    );
  });

  it('is an error with the rollout details the envelope carried', () => {
    const error = new ApiError(409, 'conflict', 'The endpoint changed.', [], {
      current: { endpoint, liveConfig: null },
    });
    expect(submissionOutcome({ status: 'error', variables: variables('dry-run'), data: undefined, error })).toEqual({
      kind: 'error',
      mode: 'dry-run',
      key,
      error,
      details: { current: { endpoint, liveConfig: null } },
    });
  });

  it('reads a failure that never reached the server as a network error without details', () => {
    const outcome = submissionOutcome({
      status: 'error',
      variables: variables('apply'),
      data: undefined,
      error: new TypeError('Failed to fetch'),
    });
    expect(outcome).toMatchObject({ kind: 'error', mode: 'apply', key, details: {} });
    expect(outcome?.kind === 'error' && outcome.error).toMatchObject({
      httpStatus: 0,
      code: 'network',
      message: 'Failed to fetch',
    });
  });
});
