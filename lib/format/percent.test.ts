import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent';

describe('formatPercent', () => {
  it.each([
    [0, '0%'],
    [0.0004, '0%'],
    [0.003, '0.3%'],
    [0.025, '2.5%'],
    [0.05, '5.0%'],
    [1 / 30, '3.3%'],
    [0.0996, '10%'],
    [0.1, '10%'],
    [1 / 6, '17%'],
    [0.333, '33%'],
    [0.125, '13%'],
    [0.75, '75%'],
    [1, '100%'],
  ])('%s reads "%s"', (share, text) => {
    expect(formatPercent(share)).toBe(text);
  });
});
