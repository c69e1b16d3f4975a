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
      { name: 'a', fleet: 'current', currentWeight: 1, currentInstanceCount: 2, trafficShare: 1 },
    ]);
    expect(view.points[2]!.variants).toEqual(view.points[1]!.variants);
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
