import 'server-only';
import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';
import { cloudWatchFailure, type CloudWatchFailure } from './cloudwatch-error';

/** A read of CloudWatch as the caches keep it: its value, or why there is none; and when it was made. */
export type CloudWatchRead<T> =
  { ok: true; value: T; at: number } | { ok: false; failure: CloudWatchFailure; at: number };

/** A failing CloudWatch is asked again after this long, not by every viewer: it recovers on the next read after. */
export const FAILURE_TTL_MS = 5_000;

/** Runs a read, turning a failure into a value the caches can share for a few seconds. */
export async function attempt<T>(read: () => Promise<T>, now: () => number = Date.now): Promise<CloudWatchRead<T>> {
  try {
    const value = await read();
    return { ok: true, value, at: now() };
  } catch (error) {
    return { ok: false, failure: cloudWatchFailure(error), at: now() };
  }
}

/** The time a read answers for: `okMs` for data, a few seconds for a failure. */
export const readTtl =
  (okMs: number) =>
  (read: CloudWatchRead<unknown>): number =>
    read.ok ? okMs : Math.min(okMs, FAILURE_TTL_MS);

/** The source to report for a set of reads: the first failure, else ok. */
export function sourceOf(reads: CloudWatchRead<unknown>[]): CloudWatchSource {
  for (const read of reads) {
    if (!read.ok) return { state: 'error', ...read.failure, at: new Date(read.at).toISOString() };
  }
  return { state: 'ok' };
}
