import { describe, expect, it } from 'vitest';
import type { EndpointSeries, SeriesPoint } from '@/lib/api/endpoint-series';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { chartMarkers } from './chart-markers';

const t = (minute: number) => `2026-05-01T14:${String(minute).padStart(2, '0')}:00.000Z`;
const at = (minute: number) => Date.parse(t(minute));

const old = { name: 'AllTraffic', fleet: 'current' as const };
const fresh = { name: 'AllTraffic', fleet: 'new' as const };
const point = (minute: number, updating: boolean, newFleetShare?: number): SeriesPoint => ({
  at: t(minute),
  variants: updating ? [old, fresh] : [old],
  ...(newFleetShare === undefined ? {} : { newFleetShare }),
});
const series: EndpointSeries = {
  namespace: 'prod',
  name: 'ranker',
  from: t(0),
  to: t(50),
  points: [
    point(0, false),
    point(10, true, 0),
    point(12, true, 0.1),
    point(13, true, 0.1),
    point(20, true, 1),
    point(30, false),
    point(50, false),
  ],
};

type MarkerSummary = Pick<EndpointSummary, 'deployment' | 'health'>;
const settled: MarkerSummary = { health: { level: 'healthy', reasons: [] } } as MarkerSummary;

describe('chartMarkers', () => {
  it('places the update’s start, each shift of traffic and its end on the series’ times', () => {
    const markers = chartMarkers({ summary: settled, series, alarmHistory: [], from: at(0), to: at(50) });
    expect(markers.map((marker) => [marker.kind, marker.at, marker.label])).toEqual([
      ['update', at(10), 'Update began'],
      ['shift', at(12), '10% to new fleet'],
      ['shift', at(20), '100% to new fleet'],
      ['finished', at(30), 'Update ended'],
    ]);
  });

  it('calls the last update’s end a rollback when the summary reports one', () => {
    const rolledBack = {
      health: { ...settled.health, rolledBack: { failedConfigName: 'c2', failureReason: 'alarm' } },
    } as MarkerSummary;
    const markers = chartMarkers({ summary: rolledBack, series, alarmHistory: [], from: at(0), to: at(50) });
    expect(markers.at(-1)).toMatchObject({ kind: 'rollback', at: at(30), tone: 'error' });
  });

  it('draws the bake under way as an area up to now, and alarm changes in time order', () => {
    const baking = {
      ...settled,
      deployment: { variants: [], stage: { status: 'Baking', startTime: t(21) } },
    } as MarkerSummary;
    const markers = chartMarkers({
      summary: baking,
      alarmHistory: [
        { alarmName: 'p99', at: t(25), from: 'OK', to: 'ALARM', summary: 'to ALARM' },
        { alarmName: 'p99', at: t(22), from: 'INSUFFICIENT_DATA', to: 'OK', summary: 'to OK' },
        { alarmName: 'p99', at: t(23), summary: 'configuration changed' },
      ],
      from: at(0),
      to: at(50),
    });
    expect(markers.map((marker) => [marker.kind, marker.at, marker.until, marker.label, marker.tone])).toEqual([
      ['bake', at(21), at(50), 'Bake', 'warning'],
      ['alarm', at(22), undefined, 'p99: OK', 'ok'],
      ['alarm', at(25), undefined, 'p99: ALARM', 'error'],
    ]);
  });

  it('leaves out what is outside the range and cuts an area begun before it', () => {
    const baking = {
      ...settled,
      deployment: { variants: [], stage: { status: 'Baking', startTime: t(5) } },
    } as MarkerSummary;
    const markers = chartMarkers({ summary: baking, series, alarmHistory: [], from: at(15), to: at(25) });
    expect(markers.map((marker) => [marker.kind, marker.at])).toEqual([
      ['bake', at(15)],
      ['shift', at(20)],
    ]);
  });
});
