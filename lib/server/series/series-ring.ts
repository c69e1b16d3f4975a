import 'server-only';
import type { RecordedPoint, SampleVariant, SeriesSample } from '@/lib/endpoints/series-sample';
import { sagemakerLimits } from '@/lib/rollout/sagemaker-limits';
import { seriesLimits, type SeriesLimits } from './series-limits';

// SageMaker's names have a length limit; a longer string is cut so the table stays bounded.
const MAX_NAME_LENGTH = sagemakerLimits.nameMaxLength;
const NO_STATUS = 255;
const NO_COUNT = 0xffff;

// Weights are 32-bit floats in the SageMaker API (VariantWeight is a Float), so Float32 storage loses nothing
// SageMaker had; reading rounds to the 7 significant digits a float32 carries, so 0.1 reads back as 0.1.
const storedWeight = (weight: number | undefined) => (weight === undefined ? undefined : Math.fround(weight));
const readWeight = (weight: number) => Number(weight.toPrecision(7));
const storedCount = (count: number | undefined) =>
  count === undefined ? undefined : Math.min(NO_COUNT - 1, Math.max(0, Math.round(count)));

type Column = Float64Array | Float32Array | Uint16Array | Uint8Array;

/** The column if it holds `length` values, else a copy at least twice as long (at most `max`). */
function withRoom<T extends Column>(column: T, length: number, max: number): T {
  if (length <= column.length) return column;
  const grown = new (column.constructor as new (length: number) => T)(
    Math.min(max, Math.max(length, 2 * column.length)),
  );
  grown.set(column);
  return grown;
}

/**
 * One endpoint's recent history in bounded memory: columns of typed arrays, oldest point first. A point is
 * the time it began, a status and a run of variant entries; the entries of all points follow each other in
 * columns of their own. Strings are codes into a small table. A sample equal to the last point adds nothing.
 * The oldest points go when a limit would be passed (points, entries or strings), and points older than the
 * window go when a newer one already says what the state was at the window's start. The columns start small
 * and double up to the limits, so an endpoint that never changes costs little.
 */
export class SeriesRing {
  // Points: when each began (ms), its status code (or NO_STATUS), how many entries it has, and the derived share
  // of the endpoint's traffic on the new fleet (NaN: none).
  private at = new Float64Array(0);
  private status = new Uint8Array(0);
  private count = new Uint8Array(0);
  private split = new Float32Array(0);
  private size = 0;
  // Entries: name code << 1 | 1 for the new fleet, weight (NaN: none), instance counts (NO_COUNT: none).
  private key = new Uint8Array(0);
  private weight = new Float32Array(0);
  private current = new Uint16Array(0);
  private desired = new Uint16Array(0);
  private entrySize = 0;
  // Strings by code; a code that no kept point uses is undefined, free for the next new string.
  private names: (string | undefined)[] = [];

  constructor(private readonly limits: SeriesLimits = seriesLimits) {
    if (limits.maxPoints < 1 || limits.maxPoints > 0xffff) throw new RangeError('maxPoints must be 1..65535');
    if (limits.maxEntries < 2 * limits.maxVariantsPerFleet || limits.maxEntries > 0xffff)
      throw new RangeError('maxEntries must be 2 × maxVariantsPerFleet..65535');
    if (limits.maxNames < 2 * limits.maxVariantsPerFleet + 1 || limits.maxNames > 127)
      throw new RangeError('maxNames must be 2 × maxVariantsPerFleet + 1..127');
  }

  /** How many points are kept. */
  get length(): number {
    return this.size;
  }

  /** How many variant entries are kept over all points. */
  get entries(): number {
    return this.entrySize;
  }

  /** Bytes held by the typed arrays, the bulk of the ring (the bound of the whole is in `seriesLimits`). */
  get arrayBytes(): number {
    return [this.at, this.status, this.count, this.split, this.key, this.weight, this.current, this.desired].reduce(
      (sum, column) => sum + column.byteLength,
      0,
    );
  }

  /**
   * Records the state seen at `at` (ms); returns whether it added a point (false when nothing changed).
   * A time before the last point's is taken as the last point's, so points stay in order if the clock steps back.
   */
  record(at: number, sample: SeriesSample): boolean {
    const next = this.normalize(sample);
    const time = Math.max(at, this.size > 0 ? this.at[this.size - 1]! : -Infinity);
    this.prune(time);
    if (this.sameAsLast(next)) return false;
    while (this.size >= this.limits.maxPoints || this.entrySize + next.variants.length > this.limits.maxEntries)
      this.dropOldest(1);
    this.makeRoomForNames([
      ...(next.status === undefined ? [] : [next.status]),
      ...next.variants.map((variant) => variant.name),
    ]);
    this.append(time, next);
    return true;
  }

  /**
   * The points of the window ending at `now`, oldest first. The first may have begun before the window; it is
   * reported at the window's start, the earliest moment this ring can vouch for.
   */
  points(now: number): RecordedPoint[] {
    this.prune(now);
    const cutoff = now - this.limits.maxAgeMs;
    const points: RecordedPoint[] = [];
    let entry = 0;
    for (let index = 0; index < this.size; index++) {
      const variants: SampleVariant[] = [];
      for (const end = entry + this.count[index]!; entry < end; entry++) {
        const weight = this.weight[entry]!;
        const current = this.current[entry]!;
        const desired = this.desired[entry]!;
        variants.push({
          name: this.names[this.key[entry]! >> 1]!,
          fleet: this.key[entry]! & 1 ? 'new' : 'current',
          ...(Number.isNaN(weight) ? {} : { currentWeight: readWeight(weight) }),
          ...(current === NO_COUNT ? {} : { currentInstanceCount: current }),
          ...(desired === NO_COUNT ? {} : { desiredInstanceCount: desired }),
        });
      }
      const status = this.status[index]!;
      const split = this.split[index]!;
      points.push({
        at: index === 0 ? Math.max(this.at[0]!, cutoff) : this.at[index]!,
        ...(status === NO_STATUS ? {} : { status: this.names[status]! }),
        variants,
        ...(Number.isNaN(split) ? {} : { newFleetShare: readWeight(split) }),
      });
    }
    return points;
  }

  // Adds a point after the last, growing the columns when full; its strings have codes already.
  private append(time: number, next: SeriesSample): void {
    const { maxPoints, maxEntries } = this.limits;
    const entries = this.entrySize + next.variants.length;
    this.at = withRoom(this.at, this.size + 1, maxPoints);
    this.status = withRoom(this.status, this.size + 1, maxPoints);
    this.count = withRoom(this.count, this.size + 1, maxPoints);
    this.split = withRoom(this.split, this.size + 1, maxPoints);
    this.key = withRoom(this.key, entries, maxEntries);
    this.weight = withRoom(this.weight, entries, maxEntries);
    this.current = withRoom(this.current, entries, maxEntries);
    this.desired = withRoom(this.desired, entries, maxEntries);
    this.at[this.size] = time;
    this.status[this.size] = next.status === undefined ? NO_STATUS : this.names.indexOf(next.status);
    this.count[this.size] = next.variants.length;
    this.split[this.size] = next.newFleetShare ?? NaN;
    for (const variant of next.variants) {
      this.key[this.entrySize] = keyOf(this.names.indexOf(variant.name), variant);
      this.weight[this.entrySize] = variant.currentWeight ?? NaN;
      this.current[this.entrySize] = variant.currentInstanceCount ?? NO_COUNT;
      this.desired[this.entrySize] = variant.desiredInstanceCount ?? NO_COUNT;
      this.entrySize++;
    }
    this.size++;
  }

  // Compares with the stored values, so a change too small for the storage (below float32) is no change.
  private sameAsLast(next: SeriesSample): boolean {
    if (this.size === 0) return false;
    const last = this.size - 1;
    const status = next.status === undefined ? NO_STATUS : this.names.indexOf(next.status);
    if (status !== this.status[last] || next.variants.length !== this.count[last]) return false;
    if (!Object.is(this.split[last], next.newFleetShare ?? NaN)) return false;
    const first = this.entrySize - this.count[last]!;
    return next.variants.every((variant, offset) => {
      const entry = first + offset;
      const code = this.names.indexOf(variant.name);
      return (
        code >= 0 &&
        this.key[entry] === keyOf(code, variant) &&
        Object.is(this.weight[entry], variant.currentWeight ?? NaN) &&
        this.current[entry] === (variant.currentInstanceCount ?? NO_COUNT) &&
        this.desired[entry] === (variant.desiredInstanceCount ?? NO_COUNT)
      );
    });
  }

  // The sample as it will be stored: names cut, weights and the split as float32, counts as 0..65534, at most
  // maxVariantsPerFleet per fleet, so comparing with a stored point compares like with like.
  private normalize(sample: SeriesSample): SeriesSample {
    const perFleet = { current: 0, new: 0 };
    const variants = sample.variants.flatMap((variant) => {
      if (++perFleet[variant.fleet] > this.limits.maxVariantsPerFleet) return [];
      const weight = storedWeight(variant.currentWeight);
      const current = storedCount(variant.currentInstanceCount);
      const desired = storedCount(variant.desiredInstanceCount);
      return [
        {
          name: variant.name.slice(0, MAX_NAME_LENGTH),
          fleet: variant.fleet,
          ...(weight === undefined || Number.isNaN(weight) ? {} : { currentWeight: weight }),
          ...(current === undefined || Number.isNaN(current) ? {} : { currentInstanceCount: current }),
          ...(desired === undefined || Number.isNaN(desired) ? {} : { desiredInstanceCount: desired }),
        },
      ];
    });
    const split = storedWeight(sample.newFleetShare);
    return {
      ...(sample.status === undefined ? {} : { status: sample.status.slice(0, MAX_NAME_LENGTH) }),
      variants,
      ...(split === undefined || Number.isNaN(split) ? {} : { newFleetShare: split }),
    };
  }

  // Keeps the newest point at or before the window's start (it says what held then), drops those before it.
  private prune(now: number): void {
    const cutoff = now - this.limits.maxAgeMs;
    let drop = 0;
    while (this.size - drop > 1 && this.at[drop + 1]! <= cutoff) drop++;
    this.dropOldest(drop);
  }

  // Drops the oldest points and their entries, moving the rest to the front of the columns.
  private dropOldest(points: number): void {
    if (points === 0) return;
    let entries = 0;
    for (let index = 0; index < points; index++) entries += this.count[index]!;
    for (const column of [this.at, this.status, this.count, this.split]) column.copyWithin(0, points, this.size);
    for (const column of [this.key, this.weight, this.current, this.desired])
      column.copyWithin(0, entries, this.entrySize);
    this.size -= points;
    this.entrySize -= entries;
  }

  // Gives every string of the next point a code. When the table is full, keeps the newest points whose strings
  // fit beside the new point's (one point needs at most 2 × maxVariantsPerFleet + 1), drops the older ones, and
  // frees the codes no kept point uses.
  private makeRoomForNames(needed: string[]): void {
    const missing = [...new Set(needed)].filter((name) => !this.names.includes(name));
    const free = this.limits.maxNames - this.names.filter((name) => name !== undefined).length;
    if (missing.length > free) {
      // The codes the next point and the kept points use, from the newest point back while they fit.
      let used = new Set(needed.map((name) => this.names.indexOf(name)).filter((code) => code >= 0));
      let keep = 0;
      for (let end = this.entrySize; keep < this.size; keep++) {
        const index = this.size - 1 - keep;
        const start = end - this.count[index]!;
        const codes = Array.from(this.key.subarray(start, end), (key) => key >> 1);
        const withPoint = new Set([
          ...used,
          ...codes,
          ...(this.status[index] === NO_STATUS ? [] : [this.status[index]!]),
        ]);
        if (withPoint.size + missing.length > this.limits.maxNames) break;
        used = withPoint;
        end = start;
      }
      this.dropOldest(this.size - keep);
      this.names = this.names.map((name, code) => (used.has(code) ? name : undefined));
    }
    for (const name of missing) {
      const code = this.names.indexOf(undefined);
      if (code >= 0) this.names[code] = name;
      else this.names.push(name);
    }
  }
}

const keyOf = (code: number, variant: SampleVariant) => (code << 1) | (variant.fleet === 'new' ? 1 : 0);
