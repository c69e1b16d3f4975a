import { describe, expect, it } from 'vitest';
import { formatAge, formatAgo } from './age';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const before = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('formatAgo', () => {
  it.each([
    [0, 'just now'],
    [44, 'just now'],
    [-30, 'just now'], // a clock slightly ahead
    [45, '1 min ago'],
    [180, '3 min ago'],
    [2 * 3600, '2 h ago'],
    [5 * 86400, '5 d ago'],
    [-600, 'in 10 min'],
  ])('%d s before now reads "%s"', (seconds, text) => {
    expect(formatAgo(before(seconds), NOW)).toBe(text);
  });

  it('says nothing for a date it cannot read', () => {
    expect(formatAgo('not a date', NOW)).toBe('');
  });
});

describe('formatAge', () => {
  it.each([
    [40, '40 s'],
    [45 * 60, '45 min'],
    [3 * 3600, '3 h'],
    [3601, '1 h'],
    [5 * 86400, '5 d'],
    [-1, '0 s'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});
