import { describe, expect, it } from 'vitest';
import type { EndpointSeries } from '@/lib/api/endpoint-series';
import { capacityData, derivedNote, describeChart, trafficData, unknownSplitNote } from './series-rows';

// A canary: one variant running on four instances, then a new fleet of one taking traffic, then the new fleet only.
const series: EndpointSeries = {
  namespace: 'team-a',
  name: 'ep',
  from: '2026-12-01T10:00:00Z',
  to: '2026-12-01T10:30:00Z',
  points: [
    {
      at: '2026-12-01T10:00:00Z',
      status: 'InService',
      variants: [
        {
          name: 'main',
          fleet: 'current',
          trafficShare: 1,
          endpointShare: 1,
          currentInstanceCount: 4,
          desiredInstanceCount: 4,
        },
      ],
    },
    {
      at: '2026-12-01T10:10:00Z',
      status: 'Updating',
      variants: [
        {
          name: 'main',
          fleet: 'current',
          trafficShare: 1,
          endpointShare: 0.75,
          currentInstanceCount: 4,
          desiredInstanceCount: 4,
        },
        {
          name: 'main',
          fleet: 'new',
          trafficShare: 1,
          endpointShare: 0.25,
          currentInstanceCount: 1,
          desiredInstanceCount: 4,
        },
      ],
      newFleetShare: 0.25,
    },
    {
      at: '2026-12-01T10:20:00Z',
      status: 'InService',
      variants: [{ name: 'main', fleet: 'current', trafficShare: 1, endpointShare: 1, currentInstanceCount: 4 }],
    },
    {
      at: '2026-12-01T10:30:00Z',
      status: 'InService',
      variants: [{ name: 'main', fleet: 'current', trafficShare: 1, endpointShare: 1, currentInstanceCount: 4 }],
    },
  ],
};

describe('chart rows', () => {
  it('give a traffic line per variant of each fleet, in percent of the endpoint, at each point’s time', () => {
    const data = trafficData(series);
    expect(data.lines.map((line) => [line.key, line.label, line.dashed])).toEqual([
      ['current:main', 'main', false],
      ['new:main', 'main, new fleet (derived)', false],
    ]);
    expect(data.rows.map((row) => row.at)).toEqual(series.points.map((point) => Date.parse(point.at)));
    // The canary: a quarter of the endpoint's traffic on the new fleet, not each fleet at 100 % of its own.
    expect(data.rows[1]?.values).toEqual({ 'current:main': 75, 'new:main': 25 });
    expect(data.rows.map((row) => row.note)).toEqual([undefined, derivedNote, undefined, undefined]);
    // The new fleet is gone after the deployment: no value, so the step line ends there.
    expect(data.rows[2]?.values).toEqual({ 'current:main': 100 });
    expect([data.from, data.to]).toEqual([Date.parse(series.from), Date.parse(series.to)]);
  });

  it('leave the update without values and say so when the split is not known', () => {
    const update = series.points[1]!;
    const unknown: EndpointSeries = {
      ...series,
      points: [
        {
          at: update.at,
          status: 'Updating',
          variants: update.variants.map(({ endpointShare: _dropped, ...variant }) => variant),
        },
      ],
    };
    const data = trafficData(unknown);
    expect(data.rows[0]).toEqual({ at: Date.parse(update.at), values: {}, note: unknownSplitNote });
  });

  it('give running and desired capacity lines, desired dashed, a variant keeping its colour in both', () => {
    const capacity = capacityData(series);
    expect(capacity.lines.map((line) => [line.key, line.label, line.dashed, line.colour])).toEqual([
      ['current:main:current', 'main, running', false, 0],
      ['current:main:desired', 'main, desired', true, 0],
      ['new:main:current', 'main, new fleet, running', false, 1],
      ['new:main:desired', 'main, new fleet, desired', true, 1],
    ]);
    expect(capacity.rows[1]?.values).toEqual({
      'current:main:current': 4,
      'current:main:desired': 4,
      'new:main:current': 1,
      'new:main:desired': 4,
    });
    // A point without a desired count leaves that line without a value rather than at 0.
    expect(capacity.rows[2]?.values).toEqual({ 'current:main:current': 4 });
    expect(trafficData(series).lines.map((line) => line.colour)).toEqual([0, 1]);
  });

  it('describe the chart in a sentence: the changes before the repeated last point, and the values now', () => {
    const text = describeChart(trafficData(series), 'Traffic share', (value) => `${value}%`);
    expect(text).toMatch(/^Traffic share from .+ to .+, 2 changes\. Now: main 100%\.$/);
  });

  it('say there is nothing to show for a series without values', () => {
    const empty: EndpointSeries = { ...series, points: [{ at: series.from, variants: [] }] };
    expect(describeChart(capacityData(empty), 'Instances', String)).toMatch(/^Instances from .+: nothing to show\.$/);
  });

  it('count a single change in the singular', () => {
    const one: EndpointSeries = { ...series, points: series.points.slice(1) };
    expect(describeChart(trafficData(one), 'Traffic share', String)).toMatch(/, 1 change\. Now:/);
  });
});
