import 'server-only';
import type { RecordedPoint, SampleVariant, SeriesSample } from '@/lib/endpoints/series-sample';
import { seriesLimits, type SeriesLimits } from './series-limits';

// SageMaker's variant names are at most 63 characters; a longer string is cut so the table stays bounded.
const MAX_NAME_LENGTH = 63;
const NO_STATUS = 255;
const NO_COUNT = 0xffff;
const INITIAL_POINTS = 8;
const INITIAL_ENTRIES = 16;

// Weights are 32-bit floats in the SageMaker API (VariantWeight is a Float), so Float32 storage loses nothing
// SageMaker had; reading rounds to the 7 significant digits a float32 carries, so 0.1 reads back as 0.1.
const storedWeight = (weight: number | undefined) => (weight === undefined ? undefined : Math.fround(weight));
const readWeight = (weight: number) => Number(weight.toPrecision(7));
const storedCount = (count: number | undefined) => (count === undefined ? undefined : Math.min(NO_COUNT - 1, Math.max(0, Math.round(count))));

/**
 * One endpoint's recent history with bounded memory: a ring of points in typed arrays, each point the time it
 * began, a status and a run of variant entries in a second ring. A sample equal to the last point adds
 * nothing. Oldest points go first when the ring is full (points or entries), and points older than the
 * window go when a newer one already says what the state was at the window's start.
 */
export class SeriesRing {
  // Points: a circular buffer of `at.length` slots, `size` of them used from `head`.
  private at: Float64Array;
  private status: Uint8Array;
  private first: Uint16Array;
  private count: Uint8Array;
  private head = 0;
  private size = 0;
  // Variant entries: a circular buffer of `key.length` slots; a point's are `count` slots from `first` (wrapping).
  private key: Uint8Array;
  private weight: Float32Array;
  private current: Uint16Array;
  private desired: Uint16Array;
  private entryHead = 0;
  private entrySize = 0;
  // The string table: code → string, and string → code so encoding a point costs no string comparisons.
  private names: string[] = [];
  private codes = new Map<string, number>();

  constructor(private readonly limits: SeriesLimits = seriesLimits) {
    if (limits.maxPoints < 1 || limits.maxPoints > 0xffff) throw new RangeError('maxPoints must be 1..65535');
    if (limits.maxEntries < 2 * limits.maxVariantsPerFleet || limits.maxEntries > 0xffff) throw new RangeError('maxEntries must be 2 × maxVariantsPerFleet..65535');
    if (limits.maxNames < 2 * limits.maxVariantsPerFleet + 1 || limits.maxNames > 127) throw new RangeError('maxNames must be 2 × maxVariantsPerFleet + 1..127');
    const points = Math.min(INITIAL_POINTS, limits.maxPoints);
    this.at = new Float64Array(points);
    this.status = new Uint8Array(points);
    this.first = new Uint16Array(points);
    this.count = new Uint8Array(points);
    const entries = Math.min(INITIAL_ENTRIES, limits.maxEntries);
    this.key = new Uint8Array(entries);
    this.weight = new Float32Array(entries);
    this.current = new Uint16Array(entries);
    this.desired = new Uint16Array(entries);
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
    return [this.at, this.status, this.first, this.count, this.key, this.weight, this.current, this.desired].reduce((sum, array) => sum + array.byteLength, 0);
  }

  /**
   * Records the state seen at `at` (ms); returns whether it added a point (false when nothing changed).
   * A time before the last point's is taken as the last point's, so points stay in order if the clock steps back.
   */
  record(at: number, sample: SeriesSample): boolean {
    const next = this.normalize(sample);
    const lastAt = this.size > 0 ? this.at[this.slot(this.size - 1)]! : -Infinity;
    const time = Math.max(at, lastAt);
    this.prune(time);
    if (this.sameAsLast(next)) return false;
    while (this.size >= this.limits.maxPoints || this.entrySize + next.variants.length > this.limits.maxEntries) this.evictOldest();
    this.makeRoomForNames([...(next.status === undefined ? [] : [next.status]), ...next.variants.map((variant) => variant.name)]);
    this.ensurePointRoom();
    this.ensureEntryRoom(next.variants.length);
    const point = this.slot(this.size);
    const firstEntry = (this.entryHead + this.entrySize) % this.key.length;
    this.at[point] = time;
    this.status[point] = next.status === undefined ? NO_STATUS : this.codes.get(next.status)!;
    this.first[point] = firstEntry;
    this.count[point] = next.variants.length;
    next.variants.forEach((variant, index) => {
      const entry = (firstEntry + index) % this.key.length;
      this.key[entry] = (this.codes.get(variant.name)! << 1) | (variant.fleet === 'new' ? 1 : 0);
      this.weight[entry] = variant.currentWeight ?? NaN;
      this.current[entry] = variant.currentInstanceCount ?? NO_COUNT;
      this.desired[entry] = variant.desiredInstanceCount ?? NO_COUNT;
    });
    this.size++;
    this.entrySize += next.variants.length;
    return true;
  }

  /**
   * The points of the window ending at `now`, oldest first. The first may have begun before the window; it is
   * reported at the window's start, the earliest moment this ring can vouch for.
   */
  points(now: number): RecordedPoint[] {
    this.prune(now);
    const cutoff = now - this.limits.maxAgeMs;
    return Array.from({ length: this.size }, (_, index) => {
      const point = this.pointAt(index);
      return index === 0 && point.at < cutoff ? { ...point, at: cutoff } : point;
    });
  }

  private slot(index: number): number {
    return (this.head + index) % this.at.length;
  }

  private pointAt(index: number): RecordedPoint {
    const point = this.slot(index);
    const code = this.status[point]!;
    const variants: SampleVariant[] = [];
    for (let offset = 0; offset < this.count[point]!; offset++) {
      const entry = (this.first[point]! + offset) % this.key.length;
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
    return { at: this.at[point]!, ...(code === NO_STATUS ? {} : { status: this.names[code]! }), variants };
  }

  // Compares with the stored values, so a change too small for the storage (below float32) is no change.
  private sameAsLast(next: SeriesSample): boolean {
    if (this.size === 0) return false;
    const point = this.slot(this.size - 1);
    const status = next.status === undefined ? NO_STATUS : this.codes.get(next.status);
    if (status !== this.status[point] || next.variants.length !== this.count[point]) return false;
    return next.variants.every((variant, offset) => {
      const entry = (this.first[point]! + offset) % this.key.length;
      const code = this.codes.get(variant.name);
      return (
        code !== undefined &&
        this.key[entry] === ((code << 1) | (variant.fleet === 'new' ? 1 : 0)) &&
        Object.is(this.weight[entry], variant.currentWeight ?? NaN) &&
        this.current[entry] === (variant.currentInstanceCount ?? NO_COUNT) &&
        this.desired[entry] === (variant.desiredInstanceCount ?? NO_COUNT)
      );
    });
  }

  // The sample as it will be stored: names cut, weights as float32, counts as 0..65534, at most
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
    return { ...(sample.status === undefined ? {} : { status: sample.status.slice(0, MAX_NAME_LENGTH) }), variants };
  }

  // Keeps the newest point at or before the window's start (it says what held then), drops those before it.
  private prune(now: number): void {
    const cutoff = now - this.limits.maxAgeMs;
    while (this.size > 1 && this.at[this.slot(1)]! <= cutoff) this.evictOldest();
  }

  private evictOldest(): void {
    if (this.size === 0) return;
    const point = this.head;
    this.entryHead = (this.entryHead + this.count[point]!) % this.key.length;
    this.entrySize -= this.count[point]!;
    this.head = (this.head + 1) % this.at.length;
    this.size--;
  }

  // Gives every string of the next point a slot in the table. When it is full, keeps the newest points whose
  // strings fit beside the new point's (one point needs at most 2 × maxVariantsPerFleet + 1), drops the older
  // ones, and forgets the strings no kept point uses: one pass, however many points go.
  private makeRoomForNames(needed: string[]): void {
    const missing = new Set(needed.filter((name) => !this.codes.has(name)));
    if (missing.size === 0) return;
    if (this.names.length + missing.size > this.limits.maxNames) {
      const used = new Set(needed.flatMap((name) => this.codes.get(name) ?? []));
      let keep = 0;
      for (let index = this.size - 1; index >= 0; index--) {
        this.forEachCode(index, (code) => used.add(code));
        if (used.size + missing.size > this.limits.maxNames) break;
        keep++;
      }
      while (this.size > keep) this.evictOldest();
      this.compactNames();
    }
    for (const name of needed) {
      if (this.codes.has(name)) continue;
      this.codes.set(name, this.names.length);
      this.names.push(name);
    }
  }

  private forEachCode(index: number, visit: (code: number) => void): void {
    const point = this.slot(index);
    if (this.status[point] !== NO_STATUS) visit(this.status[point]!);
    for (let offset = 0; offset < this.count[point]!; offset++) visit(this.key[(this.first[point]! + offset) % this.key.length]! >> 1);
  }

  private compactNames(): void {
    const used = new Set<number>();
    for (let index = 0; index < this.size; index++) this.forEachCode(index, (code) => used.add(code));
    const remap = new Map<number, number>();
    const names: string[] = [];
    for (const index of [...used].sort((a, b) => a - b)) {
      remap.set(index, names.length);
      names.push(this.names[index]!);
    }
    for (let index = 0; index < this.size; index++) {
      const point = this.slot(index);
      if (this.status[point] !== NO_STATUS) this.status[point] = remap.get(this.status[point]!)!;
      for (let offset = 0; offset < this.count[point]!; offset++) {
        const entry = (this.first[point]! + offset) % this.key.length;
        this.key[entry] = (remap.get(this.key[entry]! >> 1)! << 1) | (this.key[entry]! & 1);
      }
    }
    this.names = names;
    this.codes = new Map(names.map((name, code) => [name, code]));
  }

  // Grows the point arrays (doubling, up to maxPoints) when full, copying them into order from slot 0.
  private ensurePointRoom(): void {
    if (this.size < this.at.length) return;
    const capacity = Math.min(this.at.length * 2, this.limits.maxPoints);
    const order = Array.from({ length: this.size }, (_, index) => this.slot(index));
    this.at = reorder(this.at, new Float64Array(capacity), order);
    this.status = reorder(this.status, new Uint8Array(capacity), order);
    this.first = reorder(this.first, new Uint16Array(capacity), order);
    this.count = reorder(this.count, new Uint8Array(capacity), order);
    this.head = 0;
  }

  // Grows the entry arrays when `more` entries would not fit, and moves every point's `first` with them.
  private ensureEntryRoom(more: number): void {
    const capacity = this.key.length;
    if (this.entrySize + more <= capacity) return;
    const grown = Math.min(Math.max(capacity * 2, this.entrySize + more), this.limits.maxEntries);
    const order = Array.from({ length: this.entrySize }, (_, index) => (this.entryHead + index) % capacity);
    this.key = reorder(this.key, new Uint8Array(grown), order);
    this.weight = reorder(this.weight, new Float32Array(grown), order);
    this.current = reorder(this.current, new Uint16Array(grown), order);
    this.desired = reorder(this.desired, new Uint16Array(grown), order);
    for (let index = 0; index < this.size; index++) {
      const point = this.slot(index);
      this.first[point] = (this.first[point]! - this.entryHead + capacity) % capacity;
    }
    this.entryHead = 0;
  }
}

function reorder<T extends Float64Array | Float32Array | Uint16Array | Uint8Array>(from: T, to: T, order: number[]): T {
  order.forEach((source, index) => (to[index] = from[source]!));
  return to;
}
