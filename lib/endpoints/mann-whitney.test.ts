import { describe, expect, it } from 'vitest';
import { erfc, mannWhitney, median } from './mann-whitney';

// Expected values and where they come from:
// - scipy: the example of scipy.stats.mannwhitneyu's documentation (Shier's diabetes ages): U1 = 17, exact
//   p = 0.1111111111111111, method="asymptotic" p = 0.11134688653314041.
// - R: the example of R's ?wilcox.test (Hollander & Wolfe, permeability constants): W = 35, exact one-sided
//   p = 0.1272 (so two-sided 0.2544), estimate of the difference in location 0.305.
// - The rest were computed independently in Python 3 with the standard library only: U and the shift by brute
//   force over all pairs, exact p-values by enumerating every split of the pooled values (itertools.combinations),
//   normal p-values from the textbook formula (tie-corrected variance, continuity correction) with math.erfc.
const permeability = {
  x: [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46],
  y: [1.15, 0.88, 0.9, 0.74, 1.21],
};

describe('mannWhitney', () => {
  it.each([
    {
      name: 'scipy docs: males against females, exact',
      x: [19, 22, 16, 29, 24],
      y: [20, 11, 17, 12],
      u: 17,
      pValue: 0.1111111111111111,
      shift: 7,
      method: 'exact',
    },
    {
      name: 'R docs: permeability constants, exact with the smaller sample second',
      ...permeability,
      u: 35,
      pValue: 0.2544122544122544,
      shift: 0.305,
      method: 'exact',
    },
    {
      name: 'five canary samples against 25 baseline samples, exact (Python enumeration)',
      x: [3.15, 2.75, 4.4, 3.9, 5.2],
      y: [
        2.1, 1.3, 2.9, 1.8, 3.4, 2.2, 1.1, 2.6, 3.0, 1.6, 2.4, 3.3, 1.9, 2.0, 1.4, 2.8, 3.6, 1.2, 2.5, 1.7, 3.2, 2.3,
        1.5, 2.7, 3.5,
      ],
      u: 112,
      pValue: 0.0035647621854518405,
      shift: 1.55,
      method: 'exact',
    },
    {
      name: '12 against 14 without ties, normal (Python)',
      x: [41, 37, 52, 45, 39, 48, 50, 43, 46, 38, 55, 44],
      y: [36, 42, 33, 40, 35, 47, 31, 34, 49, 30, 32, 29, 53, 28],
      u: 133,
      pValue: 0.012610955672043457,
      shift: 9,
      method: 'normal',
    },
    {
      name: 'ties within and across the samples, normal with the tie correction (Python)',
      x: [1, 2, 2, 3, 5, 5, 5, 8],
      y: [2, 3, 3, 4, 6, 7, 9, 9, 10],
      u: 21,
      pValue: 0.1595721539664093,
      shift: -2,
      method: 'normal',
    },
    {
      name: 'error rates, mostly zero: ties send a small sample to the normal approximation (Python)',
      x: [0, 0, 0, 0, 0.01, 0, 0.02, 0, 0, 0],
      y: [0.03, 0.05, 0.04, 0, 0.06, 0.05, 0.04, 0.07, 0.05, 0.03],
      u: 6,
      pValue: 0.000548108437429929,
      shift: -0.04,
      method: 'normal',
    },
    {
      name: 'fully separated samples: a p-value far in the tail (Python)',
      x: Array.from({ length: 20 }, (_, i) => 100 + i),
      y: Array.from({ length: 20 }, (_, i) => i),
      u: 400,
      pValue: 6.795615128173387e-8,
      shift: 100,
      method: 'normal',
    },
  ])('$name', ({ x, y, u, pValue, shift, method }) => {
    const result = mannWhitney(x, y);
    expect(result.u).toBe(u);
    expect(result.method).toBe(method);
    expect(result.pValue).toBeCloseTo(pValue, 12);
    expect(Math.abs(result.pValue - pValue) / pValue).toBeLessThan(1e-9);
    expect(result.shift).toBeCloseTo(shift, 12);
  });

  it('scipy docs: the normal approximation of the same example', () => {
    const result = mannWhitney([19, 22, 16, 29, 24], [20, 11, 17, 12], { method: 'normal' });
    expect(result.method).toBe('normal');
    expect(result.pValue).toBeCloseTo(0.11134688653314041, 14);
  });

  it('R docs: swapping the samples swaps U and negates the shift, the p-value stays', () => {
    const forward = mannWhitney(permeability.x, permeability.y);
    const backward = mannWhitney(permeability.y, permeability.x);
    expect(backward.u).toBe(permeability.x.length * permeability.y.length - forward.u);
    expect(backward.shift).toBeCloseTo(-forward.shift, 12);
    expect(backward.pValue).toBeCloseTo(forward.pValue, 14);
  });

  it.each([
    ['interleaved samples without ties, U at its mean (exact)', [1, 4, 5, 8], [2, 3, 6, 7]],
    ['identical samples', [5, 7, 9, 11, 13, 5, 7, 9, 11], [5, 7, 9, 11, 13, 5, 7, 9, 11]],
    ['every value tied', [0, 0, 0, 0], [0, 0, 0]],
  ])('%s: p = 1, no shift', (_name, x, y) => {
    const result = mannWhitney(x, y);
    expect(result.pValue).toBe(1);
    expect(result.shift).toBe(0);
  });

  it('ranks ties by their average rank: U counts a tie as half a pair', () => {
    // Pairs (x > y): 2>1, 3>1, 3>2 and 2=2 as half: 3.5.
    expect(mannWhitney([2, 3], [1, 2]).u).toBe(3.5);
  });

  it.each([
    ['an empty sample', [], [1]],
    ['a NaN', [1, NaN], [2, 3]],
    ['an infinity', [1, 2], [Infinity]],
  ])('refuses %s', (_name, x, y) => {
    expect(() => mannWhitney(x, y)).toThrow(RangeError);
  });
});

describe('erfc', () => {
  // Python 3 math.erfc.
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2.4, 0.0006885138966450789],
    [2.6, 0.00023603441652934908],
    [3, 2.2090496998585438e-5],
    [5, 1.5374597944280351e-12],
    [10, 2.088487583762545e-45],
    [-1, 1.842700792949715],
  ])('erfc(%s) = %s', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-12);
  });
});

describe('median', () => {
  it.each([
    [[3], 3],
    [[1, 2], 1.5],
    [[1, 2, 10], 2],
  ])('of %j is %s', (sorted, expected) => {
    expect(median(sorted)).toBe(expected);
  });
});
