import { describe, expect, it } from 'vitest';
import type { RecordedPoint, SampleVariant, SeriesSample } from '@/lib/endpoints/series-sample';
import { seriesLimits, type SeriesLimits } from './series-limits';
import { SeriesRing } from './series-ring';

const small: SeriesLimits = { maxPoints: 5, maxAgeMs: 1000, maxEntries: 12, maxVariantsPerFleet: 3, maxNames: 7 };
const variant = (
  name: string,
  currentInstanceCount: number,
  fleet: 'current' | 'new' = 'current',
  currentWeight = 1,
): SampleVariant => ({
  name,
  fleet,
  currentWeight,
  currentInstanceCount,
  desiredInstanceCount: currentInstanceCount,
});
const sample = (count: number, status = 'InService'): SeriesSample => ({ status, variants: [variant('a', count)] });
const counts = (points: RecordedPoint[]) => points.map((point) => point.variants[0]?.currentInstanceCount);

/** mulberry32: a small seeded generator, so a failure can be replayed; returns an integer below `below`. */
function seeded(seed: number): (below: number) => number {
  return (below) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % below;
  };
}

describe('SeriesRing', () => {
  it('adds a point only when the recorded state changes', () => {
    const ring = new SeriesRing(small);
    expect(ring.record(0, sample(1))).toBe(true);
    expect(ring.record(10, sample(1))).toBe(false);
    expect(ring.record(20, { status: 'InService', variants: [{ ...variant('a', 1) }] })).toBe(false);
    expect(ring.record(30, sample(1, 'Updating'))).toBe(true);
    expect(ring.record(40, sample(2, 'Updating'))).toBe(true);
    expect(ring.points(40)).toEqual([
      { at: 0, status: 'InService', variants: [variant('a', 1)] },
      { at: 30, status: 'Updating', variants: [variant('a', 1)] },
      { at: 40, status: 'Updating', variants: [variant('a', 2)] },
    ]);
  });

  it('never holds more than maxPoints, keeping the newest in order', () => {
    const ring = new SeriesRing({ ...small, maxAgeMs: Infinity });
    for (let index = 0; index < 50; index++) {
      ring.record(index, sample(index));
      expect(ring.length).toBeLessThanOrEqual(small.maxPoints);
    }
    expect(counts(ring.points(50))).toEqual([45, 46, 47, 48, 49]);
  });

  it('never holds more than maxPoints with the server limits', () => {
    const ring = new SeriesRing();
    for (let index = 0; index < 3 * seriesLimits.maxPoints; index++) ring.record(index, sample(index));
    expect(ring.length).toBe(seriesLimits.maxPoints);
    expect(counts(ring.points(3 * seriesLimits.maxPoints)).at(-1)).toBe(3 * seriesLimits.maxPoints - 1);
  });

  it('evicts by age, keeping the point that says what held at the start of the window, reported there', () => {
    const ring = new SeriesRing({ ...small, maxPoints: 100 });
    for (const at of [0, 100, 200, 1500]) ring.record(at, sample(at));
    // Window of 1000 ms ending at 1600 starts at 600: the state from 200 still held then.
    expect(ring.points(1600)).toEqual([
      { at: 600, status: 'InService', variants: [variant('a', 200)] },
      { at: 1500, status: 'InService', variants: [variant('a', 1500)] },
    ]);
    expect(ring.length).toBe(2);
    // Long after the last change, the last state alone remains.
    expect(ring.points(10_000)).toEqual([{ at: 9000, status: 'InService', variants: [variant('a', 1500)] }]);
    expect(ring.length).toBe(1);
  });

  it('evicts by age when recording too', () => {
    const ring = new SeriesRing({ ...small, maxPoints: 100 });
    for (let at = 0; at < 5000; at += 100) ring.record(at, sample(at));
    expect(ring.length).toBe(11);
  });

  it('keeps at most maxVariantsPerFleet variants per fleet and at most maxEntries entries', () => {
    const ring = new SeriesRing({ ...small, maxAgeMs: Infinity });
    const many = (count: number): SeriesSample => ({
      variants: [
        ...['a', 'b', 'c', 'd'].map((name) => variant(name, count)),
        ...['a', 'b', 'c', 'd'].map((name) => variant(name, count, 'new')),
      ],
    });
    for (let index = 0; index < 10; index++) {
      ring.record(index, many(index));
      expect(ring.entries).toBeLessThanOrEqual(small.maxEntries);
    }
    const points = ring.points(10);
    // Six entries a point (three per fleet), twelve at most: the two newest points.
    expect(points.map((point) => point.variants.map((each) => `${each.fleet}:${each.name}`))).toEqual([
      ['current:a', 'current:b', 'current:c', 'new:a', 'new:b', 'new:c'],
      ['current:a', 'current:b', 'current:c', 'new:a', 'new:b', 'new:c'],
    ]);
    expect(counts(points)).toEqual([8, 9]);
  });

  it('records the derived split of an update: a change of it alone adds a point', () => {
    const ring = new SeriesRing(small);
    const update = (newFleetShare?: number): SeriesSample => ({
      status: 'Updating',
      variants: [variant('a', 4), variant('a', 4, 'new')],
      ...(newFleetShare === undefined ? {} : { newFleetShare }),
    });
    expect(ring.record(0, update(0))).toBe(true);
    expect(ring.record(10, update(0))).toBe(false);
    expect(ring.record(20, update(0.25))).toBe(true);
    expect(ring.record(30, update(1 / 3))).toBe(true);
    expect(ring.record(40, update())).toBe(true);
    expect(ring.points(40).map((point) => point.newFleetShare)).toEqual([0, 0.25, 0.3333333, undefined]);
    expect('newFleetShare' in ring.points(40)[3]!).toBe(false);
  });

  it('uses at most 36,000 bytes of typed arrays when full with the server limits', () => {
    const ring = new SeriesRing();
    const twenty = (count: number): SeriesSample => ({
      status: 'Updating',
      variants: Array.from({ length: 20 }, (_, index) =>
        variant(`v${index % 10}`, count, index < 10 ? 'current' : 'new'),
      ),
    });
    for (let index = 0; index < 1000; index++) {
      ring.record(index, index % 2 ? twenty(index) : sample(index));
      expect(ring.arrayBytes).toBeLessThanOrEqual(36_000);
    }
    for (let index = 0; index < 2000; index++) ring.record(2000 + index, sample(index));
    expect(ring.arrayBytes).toBe(36_000);
  });

  it('forgets names no kept point uses, and drops old points when one window needs too many', () => {
    const ring = new SeriesRing({ ...small, maxAgeMs: Infinity });
    for (let index = 0; index < 40; index++)
      ring.record(index, {
        status: `S${index % 3}`,
        variants: [variant(`n${index}`, index), variant(`m${index}`, index, 'new')],
      });
    const points = ring.points(40);
    // Seven names fit: each point needs its status and two variant names, so two points (at most six strings) stay.
    expect(points.map((point) => [point.status, ...point.variants.map((each) => each.name)])).toEqual([
      ['S2', 'n38', 'm38'],
      ['S0', 'n39', 'm39'],
    ]);
  });

  it('keeps points in order when the clock steps back', () => {
    const ring = new SeriesRing(small);
    ring.record(500, sample(1));
    ring.record(400, sample(2));
    expect(ring.points(600).map((point) => point.at)).toEqual([500, 500]);
  });

  it('stores weights as SageMaker does (32-bit) and reads them back as written', () => {
    const ring = new SeriesRing(small);
    ring.record(0, { variants: [variant('a', 1, 'current', 0.1), variant('b', 1, 'current', 0.9)] });
    expect(
      ring.record(1, { variants: [variant('a', 1, 'current', Math.fround(0.1)), variant('b', 1, 'current', 0.9)] }),
    ).toBe(false);
    expect(ring.points(1)[0]!.variants.map((each) => each.currentWeight)).toEqual([0.1, 0.9]);
  });

  it('keeps a missing status and missing fields missing', () => {
    const ring = new SeriesRing(small);
    ring.record(0, { variants: [{ name: 'a', fleet: 'new' }] });
    expect(ring.points(0)).toEqual([{ at: 0, variants: [{ name: 'a', fleet: 'new' }] }]);
  });

  // The second set of limits lets the columns grow after age evictions dropped points: after a quiet spell,
  // bursts of changes a millisecond or two apart fill the ring.
  it.each([
    { ...small, maxPoints: 7, maxEntries: 14 },
    { ...small, maxPoints: 60, maxEntries: 100 },
  ])('matches a plain list model over a long random run (%o)', (limits) => {
    const ring = new SeriesRing(limits);
    const model: RecordedPoint[] = [];
    const random = seeded(42);
    let at = 0;
    for (let step = 0; step < 5000; step++) {
      at += step >= 1000 && step % 300 < 60 ? random(3) : random(400);
      const next: SeriesSample = {
        ...(random(4) ? { status: ['InService', 'Updating'][random(2)] } : {}),
        variants: Array.from({ length: random(4) }, (_, index) =>
          variant(['a', 'b', 'c'][index]!, random(3), random(2) ? 'new' : 'current'),
        ),
      };
      const cutoff = at - limits.maxAgeMs;
      while (model.length > 1 && model[1]!.at <= cutoff) model.shift();
      const last = model.at(-1);
      const changed = !last || JSON.stringify({ ...last, at: 0 }) !== JSON.stringify({ at: 0, ...next });
      if (changed) {
        const entries = () => model.reduce((sum, point) => sum + point.variants.length, 0);
        while (model.length >= limits.maxPoints || entries() + next.variants.length > limits.maxEntries) model.shift();
        model.push({ at, ...next });
      }
      expect(ring.record(at, next)).toBe(changed);
      if (step % 50 === 0) {
        const expected = model.map((point, index) =>
          index === 0 && point.at < cutoff ? { ...point, at: cutoff } : point,
        );
        expect(ring.points(at)).toEqual(expected);
      }
    }
  });

  it('matches a plain list model when more names come and go than the table holds', () => {
    const limits = { ...small, maxPoints: 60, maxEntries: 100, maxAgeMs: Infinity };
    const ring = new SeriesRing(limits);
    const model: RecordedPoint[] = [];
    const random = seeded(7);
    // Up to a status and three variant names a point, from 3 statuses and 6 names: more than the 7 codes.
    const strings = (point: SeriesSample) => [
      ...(point.status === undefined ? [] : [point.status]),
      ...point.variants.map((each) => each.name),
    ];
    for (let at = 0; at < 5000; at++) {
      const next: SeriesSample = {
        ...(random(4) ? { status: ['InService', 'Updating', 'RollingBack'][random(3)] } : {}),
        variants: Array.from({ length: random(4) }, () =>
          variant('abcdef'[random(6)]!, random(2), random(2) ? 'new' : 'current'),
        ),
      };
      const last = model.at(-1);
      const changed = !last || JSON.stringify({ ...last, at: 0 }) !== JSON.stringify({ at: 0, ...next });
      if (changed) {
        const entries = () => model.reduce((sum, point) => sum + point.variants.length, 0);
        while (model.length >= limits.maxPoints || entries() + next.variants.length > limits.maxEntries) model.shift();
        while (new Set([...model, next].flatMap(strings)).size > limits.maxNames) model.shift();
        model.push({ at, ...next });
      }
      expect(ring.record(at, next)).toBe(changed);
      if (at % 50 === 0) expect(ring.points(at)).toEqual(model);
    }
  });

  it('refuses limits its encoding cannot hold', () => {
    expect(() => new SeriesRing({ ...small, maxPoints: 70_000 })).toThrow(/maxPoints/);
    expect(() => new SeriesRing({ ...small, maxEntries: 5 })).toThrow(/maxEntries/);
    expect(() => new SeriesRing({ ...small, maxNames: 6 })).toThrow(/maxNames/);
  });
});
