import { describe, expect, it } from 'vitest';
import type { FleetMetricsRow } from '@/lib/api/endpoint-metrics';
import type { FleetMetricsEntry } from '@/lib/query/use-fleet-metrics';
import { errorRateThreshold, metricAttention, overviewMetricRefs } from './overview-metrics';

const ref = (name: string) => ({ namespace: 'ns', name });
const entry = (row: Omit<FleetMetricsRow, 'namespace' | 'source'>, errorRateAttention?: number): FleetMetricsEntry => ({
  source: { state: 'ok' },
  row: { namespace: 'ns', source: { state: 'ok' }, ...row },
  ...(errorRateAttention !== undefined ? { errorRateAttention } : {}),
});

describe('overviewMetricRefs', () => {
  it('asks for each endpoint on screen once, the queue first, within one call', () => {
    const refs = overviewMetricRefs([
      [ref('a'), ref('b')],
      [ref('b'), ref('c')],
      [ref('a'), ref('d')],
    ]);
    expect(refs.map((r) => r.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(overviewMetricRefs([[ref('a'), ref('b')], [ref('c')]], 2).map((r) => r.name)).toEqual(['a', 'b']);
  });
});

describe('metricAttention', () => {
  it('uses the route’s threshold when it gives one, else 5%', () => {
    const noisy = new Map([['ns/x', entry({ name: 'x', invocations: 100, errorRate: 0.03, alarmsInAlarm: [] })]]);
    expect(errorRateThreshold(noisy.values())).toBe(0.05);
    expect(metricAttention(noisy).size).toBe(0);
    const strict = new Map([
      ['ns/x', entry({ name: 'x', invocations: 100, errorRate: 0.03, alarmsInAlarm: [] }, 0.02)],
    ]);
    expect(
      metricAttention(strict)
        .get('ns/x')
        ?.map((finding) => finding.kind),
    ).toEqual(['ErrorRateHigh']);
  });

  it('finds alarms in ALARM and high error rates, and nothing in an answer whose source was not ok', () => {
    const entries = new Map<string, FleetMetricsEntry>([
      ['ns/both', entry({ name: 'both', invocations: 10, errorRate: 0.5, alarmsInAlarm: ['5xx'] })],
      ['ns/fine', entry({ name: 'fine', invocations: 10, errorRate: 0, alarmsInAlarm: [] })],
      ['ns/unread', { source: { state: 'error', code: 'AccessDenied', message: 'no', at: '2026-03-01T12:00:00Z' } }],
    ]);
    const found = metricAttention(entries);
    expect([...found.keys()]).toEqual(['ns/both']);
    expect(found.get('ns/both')?.map((finding) => finding.kind)).toEqual(['AlarmInAlarm', 'ErrorRateHigh']);
  });
});
