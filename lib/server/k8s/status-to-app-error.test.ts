import { afterEach, describe, expect, it, vi } from 'vitest';
import { withCorrelationId } from '../http/correlation';
import { statusToAppError } from './status-to-app-error';

const internal = {
  kind: 'Status',
  message:
    'Internal error occurred: failed calling webhook "guard.corp": Post "https://10.0.3.7:9443/validate": dial tcp 10.0.3.7:9443: connect: connection refused',
};

afterEach(() => vi.restoreAllMocks());

describe('statusToAppError', () => {
  it('passes the API server text through for the 4xx a user can act on', () => {
    expect(statusToAppError(403, { message: 'endpoints is forbidden: User "ml-eng" cannot get' })).toMatchObject({
      code: 'forbidden',
      message: 'endpoints is forbidden: User "ml-eng" cannot get',
    });
    expect(
      statusToAppError(422, { message: 'bad', details: { causes: [{ field: 'spec.x', message: 'required' }] } }),
    ).toMatchObject({ code: 'invalid', fields: [{ path: 'spec.x', message: 'required' }] });
  });

  it('keeps a 5xx text from the browser and logs it under the request correlation id', () => {
    const log = vi.spyOn(console, 'error');
    for (const [status, code] of [
      [500, 'cluster_unavailable'],
      [503, 'cluster_unavailable'],
      [504, 'cluster_timeout'],
    ] as const) {
      const error = withCorrelationId(`req-${status}`, () => statusToAppError(status, internal));
      expect(error.code).toBe(code);
      expect(error.message).not.toContain('10.0.3.7');
      expect(error.message).not.toContain('webhook');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(JSON.parse(String(log.mock.lastCall?.[0]))).toMatchObject({
        level: 'error',
        correlationId: `req-${status}`,
        msg: expect.stringContaining(`the cluster answered ${status}: Internal error occurred: failed calling webhook`),
      });
    }
  });

  it('logs a 5xx outside a request (the shared watch) without a correlation id, tokens redacted', () => {
    const log = vi.spyOn(console, 'error');
    statusToAppError(502, { message: 'upstream said Bearer abc.def.ghi' });
    const line = JSON.parse(String(log.mock.lastCall?.[0])) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', msg: 'the cluster answered 502: upstream said Bearer [redacted]' });
    expect(line).not.toHaveProperty('correlationId');
  });

  it("carries the API server's own Retry-After when it throttles (header first, else the Status's details)", () => {
    expect(statusToAppError(429, { message: 'too many requests' }, '7').headers).toEqual({ 'Retry-After': '7' });
    expect(statusToAppError(429, { message: 'too many requests', details: { retryAfterSeconds: 4 } }).headers).toEqual({
      'Retry-After': '4',
    });
    expect(statusToAppError(429, { message: 'too many requests' }).headers).toEqual({ 'Retry-After': '1' });
    // Capped, and never 0 (which would read as "at once").
    expect(statusToAppError(429, {}, '86400').headers).toEqual({ 'Retry-After': '300' });
    expect(statusToAppError(429, {}, '0').headers).toEqual({ 'Retry-After': '1' });
    const unavailable = statusToAppError(
      503,
      { message: 'the server is currently unable to handle the request' },
      '12',
    );
    expect(unavailable).toMatchObject({ code: 'cluster_unavailable', headers: { 'Retry-After': '12' } });
    expect(statusToAppError(500, internal).headers).toBeUndefined();
  });
});
