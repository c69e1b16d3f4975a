'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { attentionItems } from '@/lib/endpoints/attention';
import { healthCounts, recentlyChanged, rollingOutNow } from '@/lib/endpoints/fleet-overview';
import { EmptyState } from '@/components/ui/empty-state';
import { RefreshFailed } from '@/components/ui/load-state';
import { PageLoading } from '@/components/ui/page-loading';
import { replacesLastRead } from '@/lib/query/api-error';
import { useNow } from '@/components/ui/use-now';
import { useFleet } from '@/lib/query/use-fleet';
import { endpointRefKey, latestMetricsState, useFleetMetrics } from '@/lib/query/use-fleet-metrics';
import { CloudWatchNotice } from '@/components/endpoint-list/cloud-watch-notice';
import { AttentionQueue } from './attention-queue';
import { HealthTiles } from './health-tiles';
import { RecentChanges } from './recent-changes';
import { RollingOut } from './rolling-out';
import { metricAttention, overviewMetricRefs, refOfItem } from './overview-metrics';

const RECENT_LIMIT = 10;
const OVERVIEW_METRICS_REFRESH_MS = 60_000;

/** The fleet at a glance: health counts, what needs a person and why, what is rolling out, what changed. */
export function FleetOverview() {
  const fleet = useFleet();
  const now = useNow();
  const items = fleet.data?.items;
  // The queue and the progress depend on the clock (an update becomes "too long"); the counts do not.
  const counts = useMemo(() => healthCounts(items ?? []), [items]);
  const timed = useMemo(() => {
    const at = new Date(now);
    return {
      attention: attentionItems(items ?? [], at),
      rolling: rollingOutNow(items ?? [], at),
      recent: recentlyChanged(items ?? [], at, RECENT_LIMIT),
    };
  }, [items, now]);

  // CloudWatch is asked about the endpoints on screen only, in one call; what it finds joins the queue. An alarm
  // is news a person acts on, so the overview reads again each minute while it is open (the list does not).
  const refs = useMemo(
    () =>
      overviewMetricRefs([
        timed.attention.map(refOfItem),
        timed.rolling.map((entry) => entry.summary),
        timed.recent.map((change) => change.summary),
      ]),
    [timed],
  );
  const metrics = useFleetMetrics(refs, { refreshMs: OVERVIEW_METRICS_REFRESH_MS });
  const metricsState = latestMetricsState(metrics);
  const loaded = new Map(
    refs.flatMap((ref, at) => {
      const data = metrics[at]?.data;
      return data ? [[endpointRefKey(ref), data] as const] : [];
    }),
  );
  const extra = metricAttention(loaded);
  const attention = extra.size > 0 ? attentionItems(items ?? [], new Date(now), extra) : timed.attention;

  // An outage keeps the last fleet on screen (the live badge says it is stale); a refusal replaces it.
  if (!fleet.data || replacesLastRead(fleet.error)) return <PageLoading title="Fleet overview" error={fleet.error} />;
  const namespaces = fleet.data.namespaces;
  const scope =
    namespaces === null
      ? 'every namespace'
      : `${namespaces.length} ${namespaces.length === 1 ? 'namespace' : 'namespaces'}`;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Fleet overview</h1>
        <p data-testid="overview-scope" className="text-sm text-slate-600 dark:text-slate-300">
          {counts.total} {counts.total === 1 ? 'endpoint' : 'endpoints'} in {scope} you may see.{' '}
          <Link href="/endpoints" className="text-sky-800 underline dark:text-sky-300">
            See the full list
          </Link>
        </p>
      </div>
      <RefreshFailed subject="the fleet" error={fleet.error} />
      {counts.total > 0 && (
        <CloudWatchNotice
          source={metricsState.source}
          error={metricsState.error}
          effect="The queue leaves out rollback alarms and error rates until it can."
        />
      )}
      {counts.total === 0 ? (
        <EmptyState title="No SageMaker endpoints in the namespaces you may see." testId="overview-empty">
          {namespaces !== null && namespaces.length === 0
            ? 'You may not list endpoints in any namespace. Ask an administrator for read access.'
            : 'Endpoints appear here as soon as someone creates one.'}
        </EmptyState>
      ) : (
        <>
          <HealthTiles counts={counts} />
          <div className="grid gap-4 xl:grid-cols-2">
            <AttentionQueue items={attention} />
            <div className="space-y-4">
              <RollingOut entries={timed.rolling} />
              <RecentChanges changes={timed.recent} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
