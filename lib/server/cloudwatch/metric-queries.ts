import 'server-only';
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { MetricSpec } from '@/lib/endpoints/metric-specs';

/** GetMetricData takes at most this many queries a call. */
export const MAX_QUERIES_PER_CALL = 500;

/** One series to read: what it is to the caller (`tag`), where it lives, and its dimensions. */
export interface SeriesRequest<Tag> {
  tag: Tag;
  spec: MetricSpec;
  dimensions: Record<string, string>;
}

/** The queries for the requests, with ids `q0`, `q1`, ... (ids must start with a lower-case letter). */
export function buildQueries<Tag>(
  requests: SeriesRequest<Tag>[],
  periodSeconds: number,
): { queries: MetricDataQuery[]; tagOf: Map<string, Tag> } {
  const tagOf = new Map<string, Tag>();
  const queries = requests.map((request, index): MetricDataQuery => {
    const id = `q${index}`;
    tagOf.set(id, request.tag);
    return {
      Id: id,
      ReturnData: true,
      MetricStat: {
        Metric: {
          Namespace: request.spec.namespace,
          MetricName: request.spec.metricName,
          Dimensions: Object.entries(request.dimensions).map(([Name, Value]) => ({ Name, Value })),
        },
        Period: periodSeconds,
        Stat: request.spec.stat,
      },
    };
  });
  return { queries, tagOf };
}

/** Splits a list into consecutive batches of at most `size`. */
export function inBatches<T>(items: T[], size = MAX_QUERIES_PER_CALL): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

/**
 * The range a page reads: `seconds` ending where the last complete period ends, so that every viewer within one
 * period asks the same question and the newest point is a whole period's, not a partial sum that looks like a dip.
 * (The verdict's windows are cut with wholePeriodsWithin in verdict-plan.ts instead: their start is given.)
 */
export function lastWholePeriods(now: number, seconds: number, periodSeconds: number): { from: Date; to: Date } {
  const periodMs = periodSeconds * 1000;
  const to = Math.floor(now / periodMs) * periodMs;
  return { from: new Date(to - seconds * 1000), to: new Date(to) };
}
