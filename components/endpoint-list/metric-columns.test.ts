import { describe, expect, it } from 'vitest';
import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { makeEndpoint, summaryOf } from '@/lib/endpoints/fixtures.test-support';
import type { FleetMetricsEntry } from '@/lib/query/use-fleet-metrics';
import { metricCell, metricValue, renderedRefs, sortByLoadedMetric } from './metric-columns';

const base = summaryOf(makeEndpoint({}));
const endpoint = (name: string, namespace = 'ns'): EndpointSummary => ({ ...base, namespace, name });
const ok: CloudWatchSource = { state: 'ok' };
const read = (name: string, invocations?: number, errorRate?: number): [string, FleetMetricsEntry] => [
  `ns/${name}`,
  {
    source: ok,
    row: {
      namespace: 'ns',
      name,
      alarmsInAlarm: [],
      source: ok,
      ...(invocations !== undefined ? { invocations } : {}),
      ...(errorRate !== undefined ? { errorRate } : {}),
    },
  },
];
const names = (rows: EndpointSummary[]) => rows.map((row) => row.name);

describe('renderedRefs', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'].map((name) => endpoint(name));

  it('asks for the rendered range, both ends included', () => {
    expect(renderedRefs(rows, 1, 3)).toEqual([
      { namespace: 'ns', name: 'b' },
      { namespace: 'ns', name: 'c' },
      { namespace: 'ns', name: 'd' },
    ]);
  });

  it('clamps a range past either end and asks for nothing when none is rendered', () => {
    expect(renderedRefs(rows, -4, 1).map((ref) => ref.name)).toEqual(['a', 'b']);
    expect(renderedRefs(rows, 3, 40).map((ref) => ref.name)).toEqual(['d', 'e']);
    expect(renderedRefs(rows, 0, -1)).toEqual([]);
    expect(renderedRefs([], 0, 10)).toEqual([]);
  });

  it('asks for an endpoint once and tells namespaces apart', () => {
    const twice = [endpoint('a'), endpoint('a'), endpoint('a', 'other')];
    expect(renderedRefs(twice, 0, 2)).toEqual([
      { namespace: 'ns', name: 'a' },
      { namespace: 'other', name: 'a' },
    ]);
  });
});

describe('sortByLoadedMetric', () => {
  // The list's own order (by name) is the input; only some rows were read.
  const rows = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => endpoint(name));
  const values = new Map([read('b', 10, 0), read('d', 500, 0.2), read('e', 10, 0.01), read('f')]);

  it('orders the loaded rows by value, then those read without one, then the unread in list order', () => {
    expect(names(sortByLoadedMetric(rows, { key: 'invocations', direction: 'desc', values }))).toEqual([
      'd',
      'b',
      'e',
      'f',
      'a',
      'c',
    ]);
    expect(names(sortByLoadedMetric(rows, { key: 'invocations', direction: 'asc', values }))).toEqual([
      'b',
      'e',
      'd',
      'f',
      'a',
      'c',
    ]);
  });

  it('sorts by error rate, and puts none last in either direction', () => {
    expect(names(sortByLoadedMetric(rows, { key: 'errorRate', direction: 'desc', values }))).toEqual([
      'd',
      'e',
      'b',
      'f',
      'a',
      'c',
    ]);
    expect(names(sortByLoadedMetric(rows, { key: 'errorRate', direction: 'asc', values }))).toEqual([
      'b',
      'e',
      'd',
      'f',
      'a',
      'c',
    ]);
  });

  it('treats an answer whose source was not ok as not loaded', () => {
    const disabled = new Map<string, FleetMetricsEntry>([
      ['ns/a', { source: { state: 'disabled', message: 'off' } }],
      read('c', 1),
    ]);
    expect(names(sortByLoadedMetric(rows, { key: 'invocations', direction: 'desc', values: disabled }))).toEqual([
      'c',
      'a',
      'b',
      'd',
      'e',
      'f',
    ]);
  });

  it('leaves its input alone', () => {
    const before = names(rows);
    sortByLoadedMetric(rows, { key: 'invocations', direction: 'desc', values });
    expect(names(rows)).toEqual(before);
  });
});

describe('metricCell', () => {
  it('shows an ellipsis while loading and a dash with the failure once failed', () => {
    expect(metricCell('invocations', undefined, true, null)).toMatchObject({ state: 'loading', text: '…' });
    expect(metricCell('invocations', undefined, false, new Error('Fleetdeck answered 503.'))).toEqual({
      state: 'failed',
      text: '—',
      title: 'Not loaded: Fleetdeck answered 503.',
    });
  });

  it('shows a dash whose title says why there is no number', () => {
    const disabled: FleetMetricsEntry = {
      source: { state: 'disabled', message: 'CloudWatch reads are turned off (FLEETDECK_CLOUDWATCH=off).' },
    };
    expect(metricCell('errorRate', disabled, false, null)).toEqual({
      state: 'none',
      text: '—',
      title: 'No data: CloudWatch is turned off. CloudWatch reads are turned off (FLEETDECK_CLOUDWATCH=off).',
    });
    expect(metricCell('errorRate', read('x', 0)[1], false, null).title).toBe(
      'No data: no invocations in the last hour, so no error rate.',
    );
    expect(metricCell('invocations', { source: ok }, false, null).state).toBe('none');
    const denied: FleetMetricsEntry = {
      source: { state: 'error', code: 'AccessDenied', message: 'Not authorized.', at: '2026-03-01T12:00:00Z' },
    };
    expect(metricCell('invocations', denied, false, null).title).toBe(
      'No data: CloudWatch answered with an error (AccessDenied). Not authorized.',
    );
  });

  it('keeps a number read when another read of the row failed (its alarms)', () => {
    const [, withNumbers] = read('x', 40, 0);
    const alarmsRefused: FleetMetricsEntry = {
      ...withNumbers,
      source: { state: 'error', code: 'AccessDenied', message: 'Not authorized.', at: '2026-03-01T12:00:00Z' },
    };
    expect(metricCell('invocations', alarmsRefused, false, null)).toMatchObject({ state: 'value', value: 40 });
    expect(metricValue(alarmsRefused, 'errorRate')).toBe(0);
    // Without a rate (no errors known), the failure stands: the row is not read, not 'none'.
    expect(metricValue({ ...alarmsRefused, row: read('x', 40)[1].row! }, 'errorRate')).toBeUndefined();
  });

  it('shows compact counts and rates that never round errors away', () => {
    expect(metricCell('invocations', read('x', 12_345)[1], false, null)).toEqual({
      state: 'value',
      text: '12.3K',
      title: '12,345 invocations in the last hour',
      value: 12_345,
    });
    expect(metricCell('errorRate', read('x', 1e6, 0.0004)[1], false, null)).toMatchObject({
      text: '<0.1%',
      value: 0.0004,
    });
    expect(metricCell('errorRate', read('x', 10, 0.25)[1], false, null).text).toBe('25%');
  });
});
