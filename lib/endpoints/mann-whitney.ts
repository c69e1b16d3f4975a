/** What the two-sided Mann-Whitney U test says about two samples x and y. */
export interface MannWhitneyResult {
  /** U of x: the pairs (x_i, y_j) with x_i > y_j, a tie counting half. U of y is n_x·n_y − u. */
  u: number;
  /** Two-sided p-value of "x and y come from the same distribution". */
  pValue: number;
  /** Hodges-Lehmann estimate of the location shift x − y: the median of all pairwise differences x_i − y_j. */
  shift: number;
  /** How the p-value was found: the exact distribution of U, or its normal approximation. */
  method: 'exact' | 'normal';
}

/**
 * The exact distribution is used, as scipy's mannwhitneyu does by default, when one sample has at most this many
 * values and no value occurs twice: there the normal approximation is coarsest (a canary with its first few
 * samples against a long baseline), and the exact distribution is cheap (degree n_x·n_y, built in O(m²·n)).
 */
export const exactMaxSmallerSample = 8;

/**
 * The two-sided Mann-Whitney U test (Wilcoxon rank-sum test) of two samples of finite numbers, each with at least
 * one value. Ranks of tied values are averaged. Without ties and with a small sample (see exactMaxSmallerSample)
 * the p-value comes from the exact distribution of U; otherwise from the normal approximation with the tie
 * correction of the variance and a continuity correction of ½. The exact distribution is not used with ties
 * because it assumes distinct values: it would misstate the p-value, and CloudWatch series tie often (zeros).
 * `method: 'normal'` asks for the approximation in every case.
 */
export function mannWhitney(
  x: readonly number[],
  y: readonly number[],
  { method = 'auto' }: { method?: 'auto' | 'normal' } = {},
): MannWhitneyResult {
  if (x.length === 0 || y.length === 0) throw new RangeError('the Mann-Whitney test needs two non-empty samples');
  if (![...x, ...y].every(Number.isFinite)) throw new RangeError('the Mann-Whitney test takes finite numbers only');
  const nx = x.length;
  const ny = y.length;
  const { ranks, tieSizes } = averageRanks([...x, ...y]);
  let rankSumX = 0;
  for (let i = 0; i < nx; i++) rankSumX += ranks[i]!;
  const u = rankSumX - (nx * (nx + 1)) / 2;
  // Two-sided: the tail beyond the larger of U_x and U_y, doubled (the null distribution is symmetric).
  const larger = Math.max(u, nx * ny - u);
  const exact = method === 'auto' && tieSizes.length === 0 && Math.min(nx, ny) <= exactMaxSmallerSample;
  const pValue = exact ? 2 * exactUpperTail(larger, nx, ny) : normalTwoSidedP(larger, nx, ny, tieSizes);
  return { u, pValue: Math.min(1, pValue), shift: hodgesLehmannShift(x, y), method: exact ? 'exact' : 'normal' };
}

/** Ranks 1..n of the values in their order, ties sharing the average of their ranks; sizes of the tied groups. */
function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const order = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(values.length);
  const tieSizes: number[] = [];
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    // Positions start..end-1 hold ranks start+1..end; their average:
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = rank;
    if (end - start > 1) tieSizes.push(end - start);
    start = end;
  }
  return { ranks, tieSizes };
}

/**
 * P(U ≥ u) under the null hypothesis, for samples of m and n distinct values. The number of arrangements with
 * U = k is the coefficient of q^k in the Gaussian binomial coefficient [m+n choose m]_q, the product over
 * i = 1..m of (1 − q^(n+i)) / (1 − q^i); multiplying factor by factor keeps every partial product a polynomial
 * with non-negative coefficients, so the counts stay exact as long as they fit a double and accurate beyond.
 */
function exactUpperTail(u: number, nx: number, ny: number): number {
  const m = Math.min(nx, ny);
  const n = Math.max(nx, ny);
  const counts = new Float64Array(m * n + 1);
  counts[0] = 1;
  for (let i = 1; i <= m; i++) {
    // Multiply by (1 − q^(n+i)): high to low, so each coefficient is read before it is changed.
    for (let k = i * n; k >= n + i; k--) counts[k]! -= counts[k - n - i]!;
    // Divide by (1 − q^i), that is multiply by 1 + q^i + q^2i + …: a running sum with stride i.
    for (let k = i; k <= i * n; k++) counts[k]! += counts[k - i]!;
  }
  let total = 0;
  let tail = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k]!;
    if (k >= u) tail += counts[k]!;
  }
  return tail / total;
}

/** 2·P(Z ≥ z) for U's normal approximation, with the tie-corrected variance and a continuity correction. */
function normalTwoSidedP(larger: number, nx: number, ny: number, tieSizes: readonly number[]): number {
  const n = nx + ny;
  const tieTerm = tieSizes.reduce((sum, t) => sum + t ** 3 - t, 0);
  const variance = ((nx * ny) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  // Every value tied: the ranks carry no information, nothing speaks against the null hypothesis.
  if (!(variance > 0)) return 1;
  const z = (larger - (nx * ny) / 2 - 0.5) / Math.sqrt(variance);
  return erfc(z / Math.SQRT2);
}

/** The median of every difference x_i − y_j; the metric ranges keep n_x·n_y below 10^5 or so. */
function hodgesLehmannShift(x: readonly number[], y: readonly number[]): number {
  const differences = new Float64Array(x.length * y.length);
  let k = 0;
  for (const a of x) for (const b of y) differences[k++] = a - b;
  return median(differences.sort());
}

/** The median of values sorted ascending (non-empty). */
export function median(sorted: ArrayLike<number>): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The complementary error function to about 1e-13 relative: its Taylor series (as 1 − erf) below 2.5, where
 * the series loses at most a few digits to cancellation, and its continued fraction (Laplace) above, where the
 * fraction converges in a few dozen terms and keeps small tails (p-values far below 1e-16) accurate.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    let term = x;
    let sum = x;
    for (let k = 1; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
      term *= (-x * x) / k;
      sum += term / (2 * k + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  if (x > 27) return 0; // below the smallest double
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), by the modified Lentz method.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}
