import 'server-only';
import { sagemakerLimits } from '@/lib/rollout/sagemaker-limits';

// How much history each endpoint's series keeps; the one place that bounds the recorder's memory.

export interface SeriesLimits {
  /** Points kept at most (at most 65,535). */
  maxPoints: number;
  /** Points older than this are dropped, except the one that gives the state at the start of the window. */
  maxAgeMs: number;
  /** Variant entries kept at most over all points (at most 65,535; at least 2 × maxVariantsPerFleet). */
  maxEntries: number;
  /** Variants kept per fleet in one point: as many as SageMaker allows in one endpoint config. */
  maxVariantsPerFleet: number;
  /** Distinct strings (variant names and statuses) in the ring's table (at most 127). */
  maxNames: number;
}

/**
 * The limits the server records with: 720 points over 6 hours, 2,880 variant entries (four per point on
 * average: two fleets of two variants), 10 variants per fleet, 32 distinct strings of at most 63 characters.
 * Memory per endpoint is bounded whatever the cluster writes: 720 × 14 B of points (time, status, entry count
 * and the derived traffic split) and 2,880 × 9 B of entries (36,000 B of typed arrays), at most 32 strings and
 * their table (about 3 KiB), and the fixed cost of the ring, its arrays and the recorder's key (about 2 KiB):
 * under 41 KiB, within the 43 KiB the README states, so at most about 210 MiB for 5,000 endpoints whose every
 * ring is full. bench/series-memory.test.ts measured 36.3 KiB with every limit reached before the split column
 * (2,880 B more at most), 33.9 KiB for full rings of four variants a point, and 1.7 KiB for an endpoint that
 * has not changed.
 */
export const seriesLimits: SeriesLimits = {
  maxPoints: 720,
  maxAgeMs: 6 * 60 * 60 * 1000,
  maxEntries: 2880,
  maxVariantsPerFleet: sagemakerLimits.variantsPerConfig.max,
  maxNames: 32,
};
