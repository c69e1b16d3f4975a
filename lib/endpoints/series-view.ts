import type { EndpointSeries } from '@/lib/api/endpoint-series';
import { withEndpointShares, withTrafficShares, type RecordedPoint } from './series-sample';

/**
 * The series an API caller gets from recorded points (oldest first, at least one): times as ISO strings,
 * traffic shares of each fleet and of the endpoint added, and the last state repeated at `now` so a step line
 * reaches the present.
 */
export function seriesView(namespace: string, name: string, recorded: RecordedPoint[], now: number): EndpointSeries {
  const last = recorded[recorded.length - 1];
  if (!last) throw new RangeError('a series needs at least one recorded point');
  const to = Math.max(now, last.at);
  const points = [...recorded, { ...last, at: to }].map((point) => ({
    at: new Date(point.at).toISOString(),
    ...(point.status === undefined ? {} : { status: point.status }),
    variants: withEndpointShares(withTrafficShares(point.variants), point.newFleetShare),
    ...(point.newFleetShare === undefined ? {} : { newFleetShare: point.newFleetShare }),
  }));
  return { namespace, name, from: points[0]!.at, to: new Date(to).toISOString(), points };
}
