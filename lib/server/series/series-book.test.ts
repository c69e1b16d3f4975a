import { describe, expect, it } from 'vitest';
import type { SeriesSample } from '@/lib/endpoints/series-sample';
import { SeriesBook } from './series-book';

const sample = (count: number): SeriesSample => ({
  status: 'InService',
  variants: [
    { name: 'a', fleet: 'current', currentWeight: 1, currentInstanceCount: count, desiredInstanceCount: count },
  ],
});
const counts = (book: SeriesBook, namespace = 'ns', name = 'ep') =>
  book.points(namespace, name, 10_000).map((point) => point.variants[0]?.currentInstanceCount);

describe('SeriesBook', () => {
  it('keeps one series per namespace and name', () => {
    const book = new SeriesBook();
    book.observe('ns', 'ep', 'uid-1', 0, sample(1));
    book.observe('ns', 'ep', 'uid-1', 10, sample(2));
    book.observe('other', 'ep', 'uid-2', 20, sample(5));
    expect(counts(book)).toEqual([1, 2]);
    expect(counts(book, 'other')).toEqual([5]);
    expect(book.size).toBe(2);
  });

  it('drops a forgotten endpoint', () => {
    const book = new SeriesBook();
    book.observe('ns', 'ep', 'uid-1', 0, sample(1));
    book.forget('ns', 'ep');
    expect(book.tracks('ns', 'ep')).toBe(false);
    expect(book.points('ns', 'ep', 10)).toEqual([]);
    expect(book.size).toBe(0);
  });

  it('starts afresh when another object (new uid) takes the name', () => {
    const book = new SeriesBook();
    book.observe('ns', 'ep', 'uid-1', 0, sample(1));
    book.observe('ns', 'ep', 'uid-1', 10, sample(2));
    expect(book.observe('ns', 'ep', 'uid-2', 20, sample(2))).toBe(true);
    expect(book.points('ns', 'ep', 30)).toEqual([{ at: 20, ...sample(2) }]);
  });
});
