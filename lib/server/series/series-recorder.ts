import 'server-only';
import { seriesSample, type RecordedPoint } from '@/lib/endpoints/series-sample';
import { endpointSchema } from '@/lib/schemas/endpoint';
import { fleetStore, type FleetStore } from '../k8s/fleet-store';
import type { KubeObject } from '../k8s/kube-object';
import type { CacheChange } from '../k8s/resource-cache';
import { SeriesBook } from './series-book';

/**
 * Records, from the shared Endpoint watch, each endpoint's traffic split and instance counts over the last
 * hours, so a detail page opened later still shows them. One bounded ring per endpoint (limits and memory
 * bound: `seriesLimits` in series-limits.ts); a point is added only when the recorded state
 * changes, never for ACK's status restamps. Deleted endpoints drop their series. Each replica records from
 * its own watch and keeps the history in memory only: after a restart every series starts again from the
 * state at the first list (chart history is not state that must outlive the process).
 */
export class SeriesRecorder {
  private readonly book = new SeriesBook();

  constructor(
    store: FleetStore,
    private readonly now: () => number = Date.now,
  ) {
    store.endpoints.onChange((change) => this.onChange(change));
    // Created after the first list: seed from the cache. Created before it, the first list's ADDED events do.
    for (const object of store.endpoints.list()) this.observe(object);
  }

  /** The kept points of one endpoint in the window ending now, oldest first; empty when none were recorded. */
  points(namespace: string, name: string, now = this.now()): RecordedPoint[] {
    return this.book.points(namespace, name, now);
  }

  /** Whether a series is kept for the endpoint. */
  tracks(namespace: string, name: string): boolean {
    return this.book.tracks(namespace, name);
  }

  /** How many endpoints have a series. */
  get size(): number {
    return this.book.size;
  }

  private onChange(change: CacheChange): void {
    if (change.type === 'DELETED')
      this.book.forget(change.object.metadata.namespace ?? '', change.object.metadata.name);
    else this.observe(change.object);
  }

  private observe(object: KubeObject): void {
    const parsed = endpointSchema.safeParse(object);
    if (!parsed.success) return;
    const { namespace, name, uid } = parsed.data.metadata;
    this.book.observe(namespace ?? '', name, uid, this.now(), seriesSample(parsed.data));
  }
}

const holder = globalThis as typeof globalThis & { __fleetdeckSeries?: SeriesRecorder };

/** The process's recorder, created with the store on first use (at server start, from instrumentation.ts). */
export function seriesRecorder(): SeriesRecorder {
  holder.__fleetdeckSeries ??= new SeriesRecorder(fleetStore());
  return holder.__fleetdeckSeries;
}
