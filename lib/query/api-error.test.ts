import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromBody, replacesLastRead } from './api-error';

describe('replacesLastRead', () => {
  it.each([
    [403, true],
    [404, true],
    [401, false],
    [500, false],
    [503, false],
    [0, false],
  ])('an API error of status %i replaces what was read before: %s', (status, expected) => {
    expect(replacesLastRead(new ApiError(status, status === 0 ? 'network' : 'cluster_unavailable', 'x'))).toBe(
      expected,
    );
  });

  it('a failure that is not an API error keeps what was read', () => {
    expect(replacesLastRead(new TypeError('Failed to fetch'))).toBe(false);
    expect(replacesLastRead(null)).toBe(false);
  });
});

describe('apiErrorFromBody', () => {
  const envelope = (error: object) => ({
    error: { code: 'conflict', message: 'The endpoint changed.', correlationId: 'c-1', ...error },
  });

  it('carries the envelope’s code, message, fields and details with the HTTP status', () => {
    const details = { current: { endpoint: { metadata: { name: 'ep' } } }, createdConfigName: 'ep-abc' };
    const fields = [{ path: 'draft.variants[0].modelName', message: 'Required.' }];
    const error = apiErrorFromBody(409, envelope({ fields, details }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      httpStatus: 409,
      code: 'conflict',
      message: 'The endpoint changed.',
      fields,
      details,
    });
  });

  it('gives no fields and no details when the envelope has none', () => {
    const error = apiErrorFromBody(403, { error: { code: 'forbidden', message: 'No.', correlationId: 'c-2' } });
    expect(error).toMatchObject({ httpStatus: 403, code: 'forbidden', message: 'No.', fields: [] });
    expect(error.details).toBeUndefined();
  });

  it.each([
    ['an HTML page', '<html>Bad gateway</html>', 502, 'internal'],
    ['no body', undefined, 500, 'internal'],
    ['an unknown code', { error: { code: 'teapot', message: 'x', correlationId: 'c' } }, 418, 'bad_request'],
    ['details that are not an object', envelope({ details: ['current'] }), 409, 'bad_request'],
  ])('reads %s as a plain error of the status', (_what, body, status, code) => {
    const error = apiErrorFromBody(status, body);
    expect(error).toMatchObject({ httpStatus: status, code, message: `Fleetdeck answered ${status}.`, fields: [] });
    expect(error.details).toBeUndefined();
  });
});
