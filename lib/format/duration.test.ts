import { describe, expect, it } from 'vitest';
import { formatDuration } from './duration';

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [-5, '0 s'],
    [45.9, '45 s'],
    [60, '1 min'],
    [252, '4 min 12 s'],
    [599.9, '9 min 59 s'],
    [3600, '1 h'],
    [5400, '1 h 30 min'],
    [7500, '2 h 5 min'],
    [28800, '8 h'],
    [86400, '1 d'],
    [3 * 86400 + 4 * 3600 + 59, '3 d 4 h'],
  ])('%d s reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
