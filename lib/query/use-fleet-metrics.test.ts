import { describe, expect, it } from 'vitest';
import { type FleetMetrics, fleetMetricsMaxEndpoints } from '@/lib/api/endpoint-metrics';
import {
  createMetricsBatcher,
  type EndpointRef,
  fleetMetricsPath,
  latestMetricsState,
  metricsBatches,
} from './use-fleet-metrics';

const refs = (count: number, namespace = 'ns'): EndpointRef[] =>
  Array.from({ length: count }, (_, index) => ({ namespace, name: `ep-${index}` }));

describe('metricsBatches', () => {
  it('splits into calls of at most the route’s limit, each endpoint once, in order', () => {
    const batches = metricsBatches([...refs(fleetMetricsMaxEndpoints + 30), ...refs(5)]);
    expect(batches.map((batch) => batch.length)).toEqual([fleetMetricsMaxEndpoints, 30]);
    expect(batches[1]?.[0]).toEqual({ namespace: 'ns', name: `ep-${fleetMetricsMaxEndpoints}` });
    expect(metricsBatches([])).toEqual([]);
  });

  it('writes one endpoint parameter per endpoint', () => {
    expect(
      fleetMetricsPath([
        { namespace: 'a', name: 'x' },
        { namespace: 'b', name: 'y' },
      ]),
    ).toBe('/api/fleet/metrics?endpoint=a%2Fx&endpoint=b%2Fy');
  });
});

const ok = { state: 'ok' } as const;
const denied = { state: 'error', code: 'AccessDenied', message: 'no', at: '2026-03-01T12:00:00Z' } as const;

describe('createMetricsBatcher', () => {
  const answer = (asked: EndpointRef[]): FleetMetrics & { errorRateAttention?: number } => ({
    source: { state: 'ok' },
    readAt: '2026-03-01T12:00:00Z',
    errorRateAttention: 0.02,
    // The route leaves out what the caller may not read: here, anything named "hidden".
    rows: asked
      .filter((ref) => ref.name !== 'hidden')
      .map((ref) => ({
        ...ref,
        invocations: ref.name.length,
        alarmsInAlarm: [],
        source: ref.name === 'denied' ? denied : ok,
      })),
  });

  it('answers the reads asked for together with as few calls as the limit allows', async () => {
    const calls: EndpointRef[][] = [];
    const load = createMetricsBatcher(async (asked) => {
      calls.push(asked);
      return answer(asked);
    });
    const many = refs(fleetMetricsMaxEndpoints + 1);
    const entries = await Promise.all([...many, many[0]!, { namespace: 'ns', name: 'hidden' }].map(load));
    expect(calls.map((call) => call.length)).toEqual([fleetMetricsMaxEndpoints, 2]);
    expect(entries[0]).toEqual({
      row: { namespace: 'ns', name: 'ep-0', invocations: 4, alarmsInAlarm: [], source: ok },
      source: { state: 'ok' },
      readAt: '2026-03-01T12:00:00Z',
      errorRateAttention: 0.02,
    });
    expect(entries.at(-2)).toEqual(entries[0]);
    expect(entries.at(-1)).toEqual({
      source: { state: 'ok' },
      readAt: '2026-03-01T12:00:00Z',
      errorRateAttention: 0.02,
    });
  });

  it('gives each row the source of its own reads, and a row left out the call’s', async () => {
    const load = createMetricsBatcher(async (asked) => ({ ...answer(asked), source: denied }));
    const [fine, refused, hidden] = await Promise.all(
      ['fine', 'denied', 'hidden'].map((name) => load({ namespace: 'ns', name })),
    );
    expect(fine?.source).toEqual(ok);
    expect(refused?.source).toEqual(denied);
    expect(hidden?.source).toEqual(denied);
  });

  it('rejects every read of a failed call; a later read asks again', async () => {
    const load = createMetricsBatcher(async (asked) => {
      if (asked.some((ref) => ref.name === 'bad')) throw new Error('Fleetdeck answered 503.');
      return answer(asked);
    });
    const first = Promise.allSettled([load({ namespace: 'ns', name: 'bad' }), load({ namespace: 'ns', name: 'x' })]);
    expect((await first).map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(load({ namespace: 'ns', name: 'x' })).resolves.toMatchObject({ row: { name: 'x' } });
  });
});

describe('latestMetricsState', () => {
  it('says what the newest answer or failure says', () => {
    const disabled = { state: 'disabled', message: 'off' } as const;
    const failure = new Error('down');
    const idle = { dataUpdatedAt: 0, error: null, errorUpdatedAt: 0 };
    expect(latestMetricsState([])).toEqual({});
    expect(
      latestMetricsState([
        { ...idle, data: { source: { state: 'ok' } }, dataUpdatedAt: 1 },
        { ...idle, data: { source: disabled }, dataUpdatedAt: 5 },
        { ...idle, error: failure, errorUpdatedAt: 3 },
      ]),
    ).toEqual({ source: disabled });
    expect(
      latestMetricsState([
        { ...idle, data: { source: disabled }, dataUpdatedAt: 5 },
        { ...idle, error: failure, errorUpdatedAt: 9 },
      ]),
    ).toEqual({ error: failure });
  });

  it('names a failing row even when a newer row read fine, and forgets a failure a newer answer replaced', () => {
    const idle = { dataUpdatedAt: 0, error: null, errorUpdatedAt: 0 };
    expect(
      latestMetricsState([
        { ...idle, data: { source: denied }, dataUpdatedAt: 2 },
        { ...idle, data: { source: ok }, dataUpdatedAt: 9 },
      ]),
    ).toEqual({ source: denied });
    expect(
      latestMetricsState([
        { ...idle, data: { source: ok }, dataUpdatedAt: 9, error: new Error('down'), errorUpdatedAt: 4 },
        { ...idle, data: { source: ok }, dataUpdatedAt: 3 },
      ]),
    ).toEqual({ source: ok });
  });
});
