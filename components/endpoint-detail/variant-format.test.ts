import { describe, expect, it } from 'vitest';
import { currentOfDesired, percent, weight } from './variant-format';

describe('currentOfDesired', () => {
  it.each([
    [undefined, undefined, '—'],
    [undefined, 3, '3 desired'],
    [3, undefined, '3'],
    [3, 3, '3'],
    [2, 3, '2 of 3 desired'],
    [0, 0, '0'],
  ])('current %s, desired %s reads "%s"', (current, desired, text) => {
    expect(currentOfDesired(current, desired)).toBe(text);
  });
});

describe('percent', () => {
  it.each([
    [undefined, '—'],
    [Number.NaN, '—'],
    [0, '0%'],
    [0.05, '5.0%'],
    [0.1, '10%'],
    [0.333, '33%'],
    [1, '100%'],
  ])('%s reads "%s"', (share, text) => {
    expect(percent(share)).toBe(text);
  });
});

describe('weight', () => {
  it.each([
    [undefined, '—'],
    [1, '1'],
    [0.25, '0.25'],
    [0.30000000000000004, '0.3'],
  ])('%s reads "%s"', (value, text) => {
    expect(weight(value)).toBe(text);
  });
});
