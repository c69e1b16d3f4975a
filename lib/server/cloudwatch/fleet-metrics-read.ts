import 'server-only';
import { metricRanges, type FleetMetrics, type FleetMetricsRow } from '@/lib/api/endpoint-metrics';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { Identity } from '../auth/identity';
import { serverConfig } from '../config';
import { readableEndpoint } from '../fleet/readable-endpoint';
import { AppError } from '../http/app-error';
import { readAlarms } from './alarm-reads';
import { rollbackAlarmNames } from './alarm-names';
import { getMetricData, type CloudWatchPlace } from './cloudwatch-client';
import { attempt, noRegionSource, readTtl, sourceOf, type CloudWatchRead } from './cloudwatch-read';
import { pointsOf } from './metric-points';
import { measuredVariants } from './endpoint-variants';
import { buildQueries, lastWholePeriods, type SeriesRequest } from './metric-queries';
import { SharedReadCache } from './shared-read-cache';
import { variantMetricSpecs } from '@/lib/endpoints/metric-specs';

/** The last hour of one endpoint, summed over its variants. */
export interface HourTotals {
  invocations?: number;
  errors5xx?: number;
}

// One entry per endpoint (account, region, name, variants) for a minute: the list polls, and every viewer of the
// same rows shares the read. Each entry is two numbers; 10,000 covers the largest fleet a replica serves.
const rows = new SharedReadCache<CloudWatchRead<HourTotals>>({ maxEntries: 10_000, ttlMs: readTtl(60_000) });

type RowTag = { key: string; metric: 'invocations' | 'errors5xx' };

/** The hour's totals of one account's endpoints in a region, in one batched GetMetricData (split past 500 queries). */
async function readPlace(place: CloudWatchPlace, endpoints: { key: string; endpoint: Endpoint }[]) {
  const { seconds, periodSeconds } = metricRanges['1h'];
  const window = lastWholePeriods(Date.now(), seconds, periodSeconds);
  const requests: SeriesRequest<RowTag>[] = endpoints.flatMap(({ key, endpoint }) =>
    measuredVariants(endpoint).flatMap((variant) =>
      (['invocations', 'errors5xx'] as const).map((metric) => ({
        tag: { key, metric },
        spec: variantMetricSpecs[metric],
        dimensions: { EndpointName: endpoint.spec.endpointName, VariantName: variant.variantName },
      })),
    ),
  );
  const totals = new Map<string, HourTotals>(endpoints.map(({ key }) => [key, {}]));
  if (requests.length === 0) return totals;
  const { queries, tagOf } = buildQueries(requests, periodSeconds);
  for (const result of await getMetricData(place, queries, window.from, window.to)) {
    const tag = tagOf.get(result.Id ?? '');
    const points = pointsOf(result);
    if (!tag || points.length === 0) continue;
    const row = totals.get(tag.key)!;
    row[tag.metric] = (row[tag.metric] ?? 0) + points.reduce((sum, point) => sum + point.value, 0);
  }
  return totals;
}

const accountOf = (endpoint: Endpoint) => endpoint.status?.ackResourceMetadata?.ownerAccountID ?? '';
const placeOf = (endpoint: Endpoint): CloudWatchPlace => ({
  account: accountOf(endpoint),
  region: endpoint.status!.ackResourceMetadata!.region,
});
const placeKey = ({ account, region }: CloudWatchPlace) => `${account}\0${region}`;

// The account too: two accounts may each have an endpoint of one name in one region.
const rowKey = (endpoint: Endpoint) =>
  `${placeKey(placeOf(endpoint))}\0${endpoint.spec.endpointName}\0${measuredVariants(endpoint)
    .map((variant) => variant.variantName)
    .join(',')}`;

/**
 * Reads the totals of every endpoint not cached (one call per account and region: each account's CloudWatch is its
 * own, maybe read through its own role), shares them, and returns them all.
 */
async function hourTotals(endpoints: Endpoint[]): Promise<Map<Endpoint, CloudWatchRead<HourTotals>>> {
  const missing = new Map<string, { place: CloudWatchPlace; members: { key: string; endpoint: Endpoint }[] }>();
  for (const endpoint of endpoints) {
    const place = placeOf(endpoint);
    const key = rowKey(endpoint);
    const group = missing.get(placeKey(place)) ?? { place, members: [] };
    if (rows.peek(key) || group.members.some((each) => each.key === key)) continue;
    group.members.push({ key, endpoint });
    missing.set(placeKey(place), group);
  }
  for (const { place, members } of missing.values()) {
    const batch = attempt(() => readPlace(place, members));
    for (const { key } of members) {
      rows.put(
        key,
        batch.then((read): CloudWatchRead<HourTotals> => (read.ok ? { ...read, value: read.value.get(key)! } : read)),
      );
    }
  }
  const reads = await Promise.all(
    endpoints.map(async (endpoint) => {
      const key = rowKey(endpoint);
      // Evicted in between (only past the bound): read the one row again, rather than answer it empty.
      const read = rows.get(key, () =>
        attempt(async () => (await readPlace(placeOf(endpoint), [{ key, endpoint }])).get(key)!),
      );
      return [endpoint, await read] as const;
    }),
  );
  return new Map(reads);
}

/** Parses `ns/name`; undefined when it is not one. */
export function parseEndpointRef(value: string): { namespace: string; name: string } | undefined {
  const match = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.exec(value);
  if (!match || match[1]!.length > 63 || match[3]!.length > 253) return undefined;
  return { namespace: match[1]!, name: match[3]! };
}

async function readableOrNone(identity: Identity, namespace: string, name: string): Promise<Endpoint | undefined> {
  try {
    return (await readableEndpoint(identity, namespace, name)).endpoint;
  } catch (error) {
    // Left out, not refused: the list shows rows the caller may read, and says nothing of the others.
    if (error instanceof AppError && (error.code === 'forbidden' || error.code === 'not_found')) return undefined;
    throw error;
  }
}

/**
 * The last hour's invocations and 5XX rate (summed over variants) and the alarms in ALARM, for the rows on
 * screen. Endpoints the caller may not read are left out before anything is asked of CloudWatch.
 */
export async function fleetMetrics(
  identity: Identity,
  refs: { namespace: string; name: string }[],
): Promise<FleetMetrics> {
  const config = serverConfig();
  const errorRateAttention = config.FLEETDECK_ERROR_RATE_ATTENTION;
  const unique = [...new Map(refs.map((ref) => [`${ref.namespace}/${ref.name}`, ref])).values()];
  const found = await Promise.all(unique.map((ref) => readableOrNone(identity, ref.namespace, ref.name)));
  const readable = found.filter((endpoint): endpoint is Endpoint => endpoint !== undefined);
  if (config.FLEETDECK_CLOUDWATCH === 'off') {
    return {
      source: { state: 'disabled', message: 'CloudWatch reads are turned off (FLEETDECK_CLOUDWATCH=off).' },
      rows: [],
      errorRateAttention,
    };
  }
  const located = readable.filter((endpoint) => endpoint.status?.ackResourceMetadata?.region);
  // Alarms are read per account and region: an alarm's name is only unique within both.
  const byPlace = new Map<string, { account: string; region: string; members: Endpoint[] }>();
  for (const endpoint of located) {
    const place = placeOf(endpoint);
    const known = byPlace.get(placeKey(place)) ?? { ...place, members: [] };
    known.members.push(endpoint);
    byPlace.set(placeKey(place), known);
  }
  const [totals, alarmReads] = await Promise.all([
    hourTotals(located),
    Promise.all(
      [...byPlace].map(async ([place, { account, region, members }]) => {
        const names = [...new Set(members.flatMap(rollbackAlarmNames))];
        return [place, names.length > 0 ? await readAlarms(account, region, names) : undefined] as const;
      }),
    ),
  ]);
  const allReads: CloudWatchRead<unknown>[] = [
    ...totals.values(),
    ...alarmReads.flatMap(([, read]) => (read ? [read] : [])),
  ];
  const alarmReadOf = new Map(alarmReads);
  const inAlarm = new Set(
    alarmReads.flatMap(([place, read]) =>
      read?.ok ? read.value.filter((alarm) => alarm.state === 'ALARM').map((alarm) => `${place}\0${alarm.name}`) : [],
    ),
  );
  // Each row says how its own reads went: one account refusing Fleetdeck leaves the other accounts' numbers.
  const rowsOut = readable.map((endpoint): FleetMetricsRow => {
    const base = { namespace: endpoint.metadata.namespace ?? '', name: endpoint.metadata.name };
    const totalsRead = totals.get(endpoint);
    if (!totalsRead) return { ...base, alarmsInAlarm: [], source: noRegionSource };
    const place = placeKey(placeOf(endpoint));
    const alarmRead = alarmReadOf.get(place);
    const source = sourceOf(alarmRead ? [totalsRead, alarmRead] : [totalsRead]);
    const alarmsInAlarm = rollbackAlarmNames(endpoint).filter((name) => inAlarm.has(`${place}\0${name}`));
    const { invocations, errors5xx }: HourTotals = totalsRead.ok ? totalsRead.value : {};
    return {
      ...base,
      ...(invocations !== undefined ? { invocations } : {}),
      ...(invocations ? { errorRate: (errors5xx ?? 0) / invocations } : {}),
      alarmsInAlarm,
      source,
    };
  });
  const earliest = allReads.reduce((min, read) => Math.min(min, read.at), Infinity);
  return {
    // The first failure of any row, for the page's one notice.
    source: sourceOf(allReads),
    rows: rowsOut,
    ...(Number.isFinite(earliest) ? { readAt: new Date(earliest).toISOString() } : {}),
    errorRateAttention,
  };
}
