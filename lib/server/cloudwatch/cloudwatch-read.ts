import 'server-only';
import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';
import { errorText, log } from '../log/logger';
import { cloudWatchFailure, type CloudWatchFailure } from './cloudwatch-error';

/** A read of CloudWatch as the caches keep it: its value, or why there is none; and when it was made. */
export type CloudWatchRead<T> =
  { ok: true; value: T; at: number } | { ok: false; failure: CloudWatchFailure; at: number };

/** A failing CloudWatch is asked again after this long, not by every viewer: it recovers on the next read after. */
export const FAILURE_TTL_MS = 5_000;

/**
 * Runs a read, turning CloudWatch's failure (its answer, the network, the credentials) into a value the caches can
 * share for a few seconds. Any other error is a fault of ours: it is logged and rethrown, so the route answers
 * with its error envelope and the cache forgets the read, rather than blaming CloudWatch.
 */
export async function attempt<T>(read: () => Promise<T>, now: () => number = Date.now): Promise<CloudWatchRead<T>> {
  try {
    const value = await read();
    return { ok: true, value, at: now() };
  } catch (error) {
    const failure = cloudWatchFailure(error);
    if (!failure) {
      log.error(`CloudWatch read failed in Fleetdeck, not in CloudWatch: ${errorText(error)}`);
      throw error;
    }
    return { ok: false, failure: { code: failure.code, message: failure.message }, at: now() };
  }
}

/** The time a read answers for: `okMs` for data, a few seconds for a failure. */
export const readTtl =
  (okMs: number) =>
  (read: CloudWatchRead<unknown>): number =>
    read.ok ? okMs : Math.min(okMs, FAILURE_TTL_MS);

/** What an endpoint shows before the controller has reported where it lives. */
export const noRegionSource: CloudWatchSource = {
  state: 'no-region',
  message: 'The controller has not reported the endpoint’s region and account yet; its metrics follow once it does.',
};

/** The source to report for a set of reads: the first failure, else ok. */
export function sourceOf(reads: CloudWatchRead<unknown>[]): CloudWatchSource {
  for (const read of reads) {
    if (!read.ok) return { state: 'error', ...read.failure, at: new Date(read.at).toISOString() };
  }
  return { state: 'ok' };
}
