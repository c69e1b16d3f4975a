import { describe, expect, it } from 'vitest';
import type { Verdict } from '@/lib/api/endpoint-metrics';
import type { CloudWatchRead } from './cloudwatch-read';
import { endpointMetricsBody } from './endpoint-metrics-body';

const base = {
  namespace: 'ml',
  name: 'scorer',
  endpointName: 'scorer',
  range: '1h' as const,
  periodSeconds: 60,
  from: '2026-12-06T10:00:00.000Z',
  to: '2026-12-06T11:00:00.000Z',
  variants: [],
  alarms: [],
  alarmHistory: [],
};
const ok = <T>(value: T, at = 1_000): CloudWatchRead<T> => ({ ok: true, value, at });
const denied: CloudWatchRead<never> = {
  ok: false,
  failure: { code: 'AccessDenied', message: 'may not read' },
  at: 2_000,
};
const variants = [{ variantName: 'blue', serverless: false, series: { invocations: [] } }];
const alarm = { name: 'scorer-5xx', state: 'OK' as const };
const verdict: Verdict = { outcome: 'pass', summary: 's', compared: 'c', metrics: [] };

describe('endpointMetricsBody', () => {
  it('shows the charts when the alarm history and the verdict failed', () => {
    const body = endpointMetricsBody(base, {
      series: ok(variants, 5_000),
      alarms: ok([alarm], 3_000),
      history: denied,
      verdict: denied,
    });
    expect(body.source).toEqual({ state: 'ok' });
    expect(body.variants).toEqual(variants);
    expect(body.alarms).toEqual([alarm]);
    expect(body.alarmHistory).toEqual([]);
    expect(body.alarmsSource).toMatchObject({
      state: 'error',
      code: 'AccessDenied',
      at: new Date(2_000).toISOString(),
    });
    expect(body.verdict).toBeUndefined();
    expect(body.readAt).toBe(new Date(3_000).toISOString());
  });

  it('shows the alarms when the series failed', () => {
    const body = endpointMetricsBody(base, { series: denied, alarms: ok([alarm]), history: ok([]) });
    expect(body.source).toMatchObject({ state: 'error', code: 'AccessDenied' });
    expect(body.variants).toEqual([]);
    expect(body.alarms).toEqual([alarm]);
    expect(body.alarmsSource).toEqual({ state: 'ok' });
  });

  it('says nothing of alarms the endpoint does not name, and keeps a verdict read', () => {
    const body = endpointMetricsBody(base, { series: ok(variants), verdict: ok(verdict) });
    expect(body).not.toHaveProperty('alarmsSource');
    expect(body.verdict).toEqual(verdict);
    expect(body.readAt).toBe(new Date(1_000).toISOString());
  });

  it('has no readAt when nothing could be read', () => {
    expect(endpointMetricsBody(base, { series: denied, alarms: denied })).not.toHaveProperty('readAt');
  });
});
