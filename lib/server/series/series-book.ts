import 'server-only';
import type { RecordedPoint, SeriesSample } from '@/lib/endpoints/series-sample';
import { seriesLimits, type SeriesLimits } from './series-limits';
import { SeriesRing } from './series-ring';

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;

/**
 * The series of every endpoint, by namespace and name: one ring each (`SeriesRing`), dropped when the endpoint
 * is, and started afresh when an object with a new uid takes the name (deleted and re-created while the watch
 * was away, seen as one change by a re-list).
 */
export class SeriesBook {
  private readonly series = new Map<string, { uid?: string; ring: SeriesRing }>();

  constructor(private readonly limits: SeriesLimits = seriesLimits) {}

  /** Records what an endpoint showed at `at` (ms); returns whether that added a point. */
  observe(namespace: string, name: string, uid: string | undefined, at: number, sample: SeriesSample): boolean {
    const key = keyOf(namespace, name);
    let entry = this.series.get(key);
    if (!entry || entry.uid !== uid) {
      entry = { uid, ring: new SeriesRing(this.limits) };
      this.series.set(key, entry);
    }
    return entry.ring.record(at, sample);
  }

  /** Drops an endpoint's series. */
  forget(namespace: string, name: string): void {
    this.series.delete(keyOf(namespace, name));
  }

  /** The kept points of one endpoint in the window ending at `now`, oldest first; empty when there are none. */
  points(namespace: string, name: string, now: number): RecordedPoint[] {
    return this.series.get(keyOf(namespace, name))?.ring.points(now) ?? [];
  }

  /** Whether a series is kept for the endpoint. */
  tracks(namespace: string, name: string): boolean {
    return this.series.has(keyOf(namespace, name));
  }

  /** How many endpoints have a series. */
  get size(): number {
    return this.series.size;
  }
}
