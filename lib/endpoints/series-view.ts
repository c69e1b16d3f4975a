import type { EndpointSeries } from '@/lib/api/endpoint-series';
import { withTrafficShares, type RecordedPoint } from './series-sample';

/**
 * The series an API caller gets from recorded points (oldest first, at least one): times as ISO strings,
 * traffic shares added, and the last state repeated at `now` so a step line reaches the present.
 */
export function seriesView(namespace: string, name: string, recorded: RecordedPoint[], now: number): EndpointSeries {
  const last = recorded[recorded.length - 1];
  if (!last) throw new RangeError('a series needs at least one recorded point');
  const to = Math.max(now, last.at);
  const points = [...recorded, { ...last, at: to }].map((point) => ({
    at: new Date(point.at).toISOString(),
    ...(point.status === undefined ? {} : { status: point.status }),
    variants: withTrafficShares(point.variants),
  }));
  return { namespace, name, from: points[0]!.at, to: new Date(to).toISOString(), points };
}
