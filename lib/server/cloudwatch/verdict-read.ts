import 'server-only';
import type { Verdict } from '@/lib/api/endpoint-metrics';
import { judgeCanary } from '@/lib/endpoints/canary-verdict';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { getMetricData, type CloudWatchPlace } from './cloudwatch-client';
import { attempt, readTtl, type CloudWatchRead } from './cloudwatch-read';
import { pointsOf } from './metric-points';
import { buildQueries, type SeriesRequest } from './metric-queries';
import { SharedReadCache } from './shared-read-cache';
import { variantMetricSpecs } from '@/lib/endpoints/metric-specs';
import { sideSamples, verdictMetrics, verdictSeries, type SideSeries, type VerdictSeries } from './verdict-samples';
import { wholePeriodsWithin, type VerdictPlan, type Window } from './verdict-plan';

type Tag = { variantName: string; metric: VerdictSeries };

/** One side's series over its window: per config when `config` is given, else the endpoint's mixed series. */
async function readSide(
  place: CloudWatchPlace,
  endpointName: string,
  variants: string[],
  config: string | undefined,
  window: Window,
  periodSeconds: number,
): Promise<SideSeries> {
  if (variants.length === 0 || window.to <= window.from) return [];
  const requests: SeriesRequest<Tag>[] = variants.flatMap((variantName) =>
    verdictSeries.map((metric) => ({
      tag: { variantName, metric },
      spec: variantMetricSpecs[metric],
      dimensions: {
        EndpointName: endpointName,
        VariantName: variantName,
        ...(config ? { EndpointConfigName: config } : {}),
      },
    })),
  );
  const { queries, tagOf } = buildQueries(requests, periodSeconds);
  const results = await getMetricData(place, queries, new Date(window.from), new Date(window.to));
  const sides = new Map<string, SideSeries[number]>(variants.map((name) => [name, { variantName: name, series: {} }]));
  for (const result of results) {
    const tag = tagOf.get(result.Id ?? '');
    if (tag) sides.get(tag.variantName)!.series[tag.metric] = pointsOf(result);
  }
  return [...sides.values()];
}

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/** The sentence saying which windows and configs were compared. */
export function comparedText(plan: VerdictPlan, canary: Window, baseline: Window, periodSeconds: number): string {
  const head = `New config ${plan.newConfig} from ${clock(canary.from)} to ${clock(canary.to)} UTC (since its fleet took traffic${plan.ended ? ', until the deployment ended' : ''})`;
  const per = `in ${periodSeconds}-second samples`;
  if (plan.baseline.kind === 'old-fleet') {
    return `${head} against old config ${plan.baseline.config} over the same window, each fleet's own series, ${per}.`;
  }
  return `${head} against the endpoint's series from ${clock(baseline.from)} to ${clock(baseline.to)} UTC, before the deployment started (the old config is not known to this replica), ${per}.`;
}

// One verdict per endpoint (account, region, name), plan and sample period, for the period (at most a minute);
// the windows move with the clock, so the key holds them. Bounded like the series: deployments in flight are few.
const verdicts = new SharedReadCache<{ read: CloudWatchRead<Verdict>; ttlMs: number }>({
  maxEntries: 500,
  ttlMs: ({ read, ttlMs }) => readTtl(ttlMs)(read),
});

/** The advisory canary verdict of the plan, read from CloudWatch at the verdict's period. */
export function readVerdict(
  place: CloudWatchPlace,
  endpoint: Endpoint,
  plan: VerdictPlan,
  periodSeconds: number,
): Promise<CloudWatchRead<Verdict>> {
  const periodMs = periodSeconds * 1000;
  const canary = wholePeriodsWithin(plan.canary, periodMs);
  const baseline = wholePeriodsWithin(plan.baseline.window, periodMs);
  const endpointName = endpoint.spec.endpointName;
  const oldConfig = plan.baseline.kind === 'old-fleet' ? plan.baseline.config : undefined;
  const key = [
    place.account,
    place.region,
    endpointName,
    plan.newConfig,
    oldConfig ?? '',
    canary.from,
    canary.to,
    baseline.from,
    periodSeconds,
  ].join('\0');
  return verdicts
    .get(key, async () => ({
      ttlMs: Math.min(periodMs, 60_000),
      read: await attempt(async () => {
        const [canarySeries, baselineSeries] = await Promise.all([
          readSide(place, endpointName, plan.newVariants, plan.newConfig, canary, periodSeconds),
          readSide(place, endpointName, plan.baseline.variants, oldConfig, baseline, periodSeconds),
        ]);
        return judgeCanary({
          compared: comparedText(plan, canary, baseline, periodSeconds),
          baseline: plan.baseline.kind,
          metrics: verdictMetrics(sideSamples(baselineSeries), sideSamples(canarySeries)),
        });
      }),
    }))
    .then((entry) => entry.read);
}
