import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error';
import { errorResponse } from '../http/respond';
import { RolloutError } from './rollout-error';

const endpoint = {
  metadata: { name: 'ep', namespace: 'ns', generation: 4 },
  spec: { endpointName: 'ep', endpointConfigName: 'ep-v2' },
};

describe('a rollout error in the envelope', () => {
  it('sends the endpoint as it is now under details, beside code, message and correlation id', async () => {
    const response = errorResponse(
      new RolloutError('conflict', 'The endpoint changed.', undefined, { current: { endpoint, liveConfig: null } }),
      'c-1',
    );
    expect(response.status).toBe(409);
    expect(response.headers.get('X-Correlation-Id')).toBe('c-1');
    expect(await response.json()).toEqual({
      error: {
        code: 'conflict',
        message: 'The endpoint changed.',
        details: { current: { endpoint, liveConfig: null } },
        correlationId: 'c-1',
      },
    });
  });

  it('sends the created config name with the fields of the failure that stopped the patch', async () => {
    const fields = [{ path: 'spec.endpointConfigName', message: 'Invalid.' }];
    const response = errorResponse(
      new RolloutError('invalid', 'Created EndpointConfig ep-abc, but …', fields, { createdConfigName: 'ep-abc' }),
      'c-2',
    );
    expect(response.status).toBe(422);
    expect((await response.json()).error).toEqual({
      code: 'invalid',
      message: 'Created EndpointConfig ep-abc, but …',
      fields,
      details: { createdConfigName: 'ep-abc' },
      correlationId: 'c-2',
    });
  });

  it('leaves details out of an error that has none', async () => {
    const body = await errorResponse(new AppError('forbidden', 'No.'), 'c-3').json();
    expect(body).toEqual({ error: { code: 'forbidden', message: 'No.', correlationId: 'c-3' } });
  });
});
