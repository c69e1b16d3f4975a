import 'server-only';
import {
  metricRanges,
  type EndpointMetrics,
  type MetricRange,
  type VariantMetricName,
  type VariantMetrics,
} from '@/lib/api/endpoint-metrics';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { Identity } from '../auth/identity';
import { serverConfig } from '../config';
import { readableEndpoint } from '../fleet/readable-endpoint';
import { readAlarmHistory, readAlarms } from './alarm-reads';
import { rollbackAlarmNames } from './alarm-names';
import { getMetricData, type CloudWatchPlace } from './cloudwatch-client';
import { attempt, noRegionSource, readTtl, type CloudWatchRead } from './cloudwatch-read';
import { endpointMetricsBody } from './endpoint-metrics-body';
import { measuredVariants, type MeasuredVariant } from './endpoint-variants';
import { pointsOf } from './metric-points';
import { buildQueries, lastWholePeriods, type SeriesRequest } from './metric-queries';
import { SharedReadCache } from './shared-read-cache';
import { planVerdict } from './verdict-plan';
import { readVerdict } from './verdict-read';
import { runningConfigBook } from '../watch-memory/running-config-book';
import { seriesRecorder } from '../series/series-recorder';
import { metricsForVariant, variantMetricSpecs } from '@/lib/endpoints/metric-specs';

type VariantTag = { variantName: string; metric: VariantMetricName };

/** Reads every series of the variants over the window in one batched GetMetricData (split past 500 queries). */
async function readVariantSeries(
  place: CloudWatchPlace,
  endpointName: string,
  variants: MeasuredVariant[],
  periodSeconds: number,
  window: { from: Date; to: Date },
): Promise<VariantMetrics[]> {
  const requests: SeriesRequest<VariantTag>[] = variants.flatMap((variant) =>
    metricsForVariant(variant.serverless).map((metric) => ({
      tag: { variantName: variant.variantName, metric },
      spec: variantMetricSpecs[metric],
      dimensions: { EndpointName: endpointName, VariantName: variant.variantName },
    })),
  );
  if (requests.length === 0) return [];
  const { queries, tagOf } = buildQueries(requests, periodSeconds);
  const results = await getMetricData(place, queries, window.from, window.to);
  const views = new Map<string, VariantMetrics>(
    variants.map((variant) => [variant.variantName, { ...variant, series: {} }]),
  );
  for (const query of queries) {
    const tag = tagOf.get(query.Id!)!;
    views.get(tag.variantName)!.series[tag.metric] = pointsOf(results.find((result) => result.Id === query.Id));
  }
  return [...views.values()];
}

// One entry per (account, region, endpoint, range, variants), each answering for its range's period (at most 60 s):
// a page polling every few seconds and a hundred viewers of one endpoint cost one GetMetricData a period. Points
// are kept as the contract's ISO strings: one instance-backed variant over 24 h (9 series of 288 points) measured
// about 270 KB on the heap, the other ranges less, and each further variant as much again. 200 entries keep the
// cache near 55 MB for one-variant endpoints; entries live a minute at most, so past the bound a page only reads
// again sooner.
const seriesReads = new SharedReadCache<{ read: CloudWatchRead<VariantMetrics[]>; periodMs: number }>({
  maxEntries: 200,
  ttlMs: ({ read, periodMs }) => readTtl(periodMs)(read),
});

function empty(endpoint: Endpoint, range: MetricRange, window: { from: Date; to: Date }) {
  const meta = endpoint.status?.ackResourceMetadata;
  return {
    namespace: endpoint.metadata.namespace ?? '',
    name: endpoint.metadata.name,
    endpointName: endpoint.spec.endpointName,
    ...(meta?.region ? { region: meta.region } : {}),
    ...(meta?.ownerAccountID ? { accountId: meta.ownerAccountID } : {}),
    range,
    periodSeconds: metricRanges[range].periodSeconds,
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    variants: [],
    alarms: [],
    alarmHistory: [],
  };
}

/**
 * One endpoint's CloudWatch metrics, alarms and alarm history over a range. The caller's right to read the
 * endpoint is checked before anything else, so a refused caller costs no AWS call. CloudWatch failing is
 * reported in `source` (the series) and `alarmsSource`, each part shown when its own read succeeded, never as an
 * error response.
 */
export async function endpointMetrics(
  identity: Identity,
  namespace: string,
  name: string,
  range: MetricRange,
): Promise<EndpointMetrics> {
  const { endpoint } = await readableEndpoint(identity, namespace, name);
  const { periodSeconds, seconds } = metricRanges[range];
  const window = lastWholePeriods(Date.now(), seconds, periodSeconds);
  const base = empty(endpoint, range, window);
  const config = serverConfig();
  if (config.FLEETDECK_CLOUDWATCH === 'off') {
    return {
      ...base,
      source: { state: 'disabled', message: 'CloudWatch reads are turned off (FLEETDECK_CLOUDWATCH=off).' },
    };
  }
  const region = endpoint.status?.ackResourceMetadata?.region;
  if (!region) {
    return { ...base, source: noRegionSource };
  }
  const endpointName = endpoint.spec.endpointName;
  const variants = measuredVariants(endpoint);
  const variantKey = variants.map((variant) => `${variant.variantName}:${variant.serverless ? 's' : 'i'}`).join(',');
  // The account too: two accounts may each have an endpoint of this name in this region.
  const account = endpoint.status?.ackResourceMetadata?.ownerAccountID ?? '';
  const seriesKey = `${account}\0${region}\0${endpointName}\0${range}\0${variantKey}`;
  const alarmNames = rollbackAlarmNames(endpoint);
  const now = Date.now();
  const plan = planVerdict(
    endpoint,
    runningConfigBook().of(endpoint),
    seriesRecorder().points(namespace, name, now),
    now,
  );
  const [series, alarms, history, verdict] = await Promise.all([
    seriesReads
      .get(seriesKey, async () => ({
        read: await attempt(() =>
          readVariantSeries({ account, region }, endpointName, variants, periodSeconds, window),
        ),
        periodMs: Math.min(periodSeconds, 60) * 1000,
      }))
      .then((entry) => entry.read),
    alarmNames.length > 0 ? readAlarms(account, region, alarmNames) : undefined,
    // Up to now, not to the window's end: a transition is an event, whole at once, and the newest one matters most.
    alarmNames.length > 0
      ? readAlarmHistory(account, region, alarmNames, window.from, new Date(now), range)
      : undefined,
    plan
      ? readVerdict({ account, region }, endpoint, plan, config.FLEETDECK_CLOUDWATCH_VERDICT_PERIOD_SECONDS)
      : undefined,
  ]);
  return endpointMetricsBody(base, { series, alarms, history, verdict });
}
