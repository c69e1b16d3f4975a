import { describe, expect, it } from 'vitest';
import { formatAbsolute, formatAge, formatAgo, formatDuration } from './format-time';

const NOW = Date.parse('2026-12-01T12:00:00Z');
const before = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5, '0 s'],
    [45.9, '45 s'],
    [60, '1 min'],
    [252, '4 min 12 s'],
    [3600, '1 h'],
    [7500, '2 h 5 min'],
    [86400, '1 d'],
    [3 * 86400 + 4 * 3600 + 59, '3 d 4 h'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

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
    [5 * 86400, '5 d'],
    [-1, '0 s'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatAge(seconds)).toBe(text);
  });
});

describe('formatAbsolute', () => {
  it('gives a local date and time that names the year', () => {
    expect(formatAbsolute('2026-12-01T12:00:00Z')).toMatch(/2026/);
  });

  it('gives back text it cannot read as a date', () => {
    expect(formatAbsolute('<b>soon</b>')).toBe('<b>soon</b>');
  });
});
