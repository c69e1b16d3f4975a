import { describe, expect, it } from 'vitest';
import { withCorrelationId } from '../http/correlation';
import { logLine } from './logger';
import { redact } from './redact';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtbC1lbmcifQ.c2lnbmF0dXJlLWJ5dGVz';
const hexToken = 'a3f1'.repeat(12);

describe('redact', () => {
  it('replaces bearer and basic credentials, JWTs and long hex tokens, and keeps the words around them', () => {
    expect(redact(`Authorization: Bearer abc.DEF-123~x`)).toBe('Authorization: Bearer [redacted]');
    expect(redact('basic dXNlcjpwYXNz and more')).toBe('basic [redacted] and more');
    expect(redact(`token ${jwt} refused`)).toBe('token [redacted] refused');
    expect(redact(`static token ${hexToken}`)).toBe('static token [redacted]');
  });

  it('leaves ordinary text alone: names, uids, short hex', () => {
    const text = 'endpoint team-a/churn-7 uid 0f8e2c1a-0c1d-4bde-9a53-1c2b3d4e5f60 rv deadbeef';
    expect(redact(text)).toBe(text);
  });
});

describe('logLine', () => {
  const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;

  it('is one JSON object on one line, with level, time, message and the request correlation id', () => {
    const line = withCorrelationId('c0ffee', () => logLine('warn', 'first\nsecond', { status: 403 }));
    expect(line).not.toContain('\n');
    expect(parse(line)).toEqual({
      level: 'warn',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      msg: 'first\nsecond',
      correlationId: 'c0ffee',
      status: 403,
    });
  });

  it('has no correlation id outside a request', () => {
    expect(parse(logLine('info', 'started'))).not.toHaveProperty('correlationId');
  });

  it('redacts tokens in the message and in every field, and credential-named fields whole', () => {
    const line = logLine('error', `the cluster refused Bearer ${jwt}`, {
      detail: `sent ${hexToken}`,
      csrfToken: 'short-but-secret',
      cookie: 'fleetdeck_session=abc',
      Authorization: 'whatever',
      user: 'ml-eng',
      route: '/api/fleet',
    });
    expect(line).not.toContain(jwt);
    expect(line).not.toContain(hexToken);
    expect(line).not.toContain('short-but-secret');
    expect(line).not.toContain('fleetdeck_session=abc');
    expect(parse(line)).toMatchObject({
      msg: 'the cluster refused Bearer [redacted]',
      detail: 'sent [redacted]',
      csrfToken: '[redacted]',
      cookie: '[redacted]',
      Authorization: '[redacted]',
      user: 'ml-eng',
      route: '/api/fleet',
    });
  });
});
