import { describe, expect, it } from 'vitest';
import { endpointSeriesSchema } from '@/lib/api/endpoint-series';
import { seriesView } from './series-view';

const at = (iso: string) => Date.parse(iso);

describe('seriesView', () => {
  it('adds traffic shares, ISO times and the last state again at now', () => {
    const view = seriesView(
      'ns',
      'ep',
      [
        {
          at: at('2026-11-25T10:00:00Z'),
          status: 'InService',
          variants: [{ name: 'a', fleet: 'current', currentWeight: 1, currentInstanceCount: 2 }],
        },
        {
          at: at('2026-11-25T10:05:00Z'),
          status: 'Updating',
          variants: [
            { name: 'a', fleet: 'current', currentWeight: 1, currentInstanceCount: 2 },
            { name: 'a', fleet: 'new', currentWeight: 0, currentInstanceCount: 1 },
          ],
        },
      ],
      at('2026-11-25T10:07:00Z'),
    );
    expect(endpointSeriesSchema.parse(view)).toEqual(view);
    expect(view).toMatchObject({
      namespace: 'ns',
      name: 'ep',
      from: '2026-11-25T10:00:00.000Z',
      to: '2026-11-25T10:07:00.000Z',
    });
    expect(view.points.map((point) => [point.at, point.status])).toEqual([
      ['2026-11-25T10:00:00.000Z', 'InService'],
      ['2026-11-25T10:05:00.000Z', 'Updating'],
      ['2026-11-25T10:07:00.000Z', 'Updating'],
    ]);
    expect(view.points[0]!.variants).toEqual([
      { name: 'a', fleet: 'current', currentWeight: 1, currentInstanceCount: 2, trafficShare: 1, endpointShare: 1 },
    ]);
    expect(view.points[2]!.variants).toEqual(view.points[1]!.variants);
  });

  it("carries the derived split of an update and each variant's share of the endpoint", () => {
    const update = (newFleetShare: number | undefined, newWeight: number) => ({
      at: at('2026-11-25T10:05:00Z'),
      status: 'Updating',
      variants: [
        { name: 'a', fleet: 'current' as const, currentWeight: 1, currentInstanceCount: 4 },
        { name: 'a', fleet: 'new' as const, currentWeight: newWeight, currentInstanceCount: 4 },
      ],
      ...(newFleetShare === undefined ? {} : { newFleetShare }),
    });
    const view = seriesView('ns', 'ep', [update(0.25, 0.25)], at('2026-11-25T10:06:00Z'));
    expect(endpointSeriesSchema.parse(view)).toEqual(view);
    expect(view.points[0]!.newFleetShare).toBe(0.25);
    expect(view.points[0]!.variants.map((each) => [each.fleet, each.trafficShare, each.endpointShare])).toEqual([
      ['current', 1, 0.75],
      ['new', 1, 0.25],
    ]);
    // Not derivable: no split and no endpoint shares, rather than each fleet at 100 %.
    const unknown = seriesView('ns', 'ep', [update(undefined, 0.25)], at('2026-11-25T10:06:00Z'));
    expect(unknown.points[0]).not.toHaveProperty('newFleetShare');
    expect(unknown.points[0]!.variants.map((each) => each.endpointShare)).toEqual([undefined, undefined]);
  });

  it('never ends before the last point', () => {
    const view = seriesView('ns', 'ep', [{ at: 2000, variants: [] }], 1000);
    expect(view.to).toBe(new Date(2000).toISOString());
    expect(view.points).toHaveLength(2);
  });

  it('refuses an empty series', () => {
    expect(() => seriesView('ns', 'ep', [], 0)).toThrow(RangeError);
  });
});
