'use client';

import { Badge } from '@/components/ui/badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { cloudWatchSourceSentence } from '@/components/ui/cloud-watch-source';
import { SafeLink } from '@/components/ui/safe-link';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { metricsLive, useEndpointMetrics } from '@/lib/query/use-endpoint-metrics';
import { alarmStateDisplay, deploymentAlarms } from './alarm-view';
import { alarmConsoleUrl } from './aws-console';
import { useMetricRange } from './use-metric-range';

/**
 * The deployment's rollback alarms as CloudWatch reports them now, beside the bake countdown: the ones SageMaker
 * watches to decide whether to roll back. Read every 10 s while the endpoint updates (one shared query with the
 * metrics section).
 */
export function AlarmStrip({
  summary,
  region,
  partition,
}: {
  summary: EndpointSummary;
  region: string | undefined;
  partition: string | undefined;
}) {
  const [range] = useMetricRange();
  const metrics = useEndpointMetrics(summary.namespace, summary.name, range, metricsLive(summary));
  const alarms = deploymentAlarms(summary.deploymentConfig, metrics.data?.alarms);
  if (alarms.length === 0) return null;
  // The alarms' own read (alarmsSource) can fail while the charts' succeeds, e.g. without DescribeAlarms rights.
  const source = metrics.data?.alarmsSource ?? metrics.data?.source;
  return (
    <section aria-labelledby="alarm-strip-heading" data-testid="alarm-strip" className="min-w-0 space-y-2">
      <h3 id="alarm-strip-heading" className="font-medium">
        Rollback alarms
      </h3>
      {source && source.state !== 'ok' && (
        <p data-testid="alarm-strip-source" className="text-sm text-slate-600 dark:text-slate-300">
          States unknown: {cloudWatchSourceSentence(source)}
        </p>
      )}
      {metrics.isError && !metrics.data && (
        <p role="status" className="text-sm">
          The alarms could not be read: {metrics.error.message}
        </p>
      )}
      <ul className="space-y-2" aria-live="polite">
        {alarms.map(({ name, view }) => {
          const display = alarmStateDisplay(view);
          return (
            <li key={name} data-testid={`alarm-${name}`} data-state={display.state} className="text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <Badge tone={display.tone} label={display.label} wrap="nowrap" />
                <SafeLink href={alarmConsoleUrl(metrics.data?.region ?? region, partition, name)} className="font-mono">
                  {name}
                </SafeLink>
                {view?.updatedAt && (
                  <span className="text-xs text-slate-600 dark:text-slate-300">
                    since <RelativeTime iso={view.updatedAt} />
                  </span>
                )}
              </span>
              {view?.reason && <span className="mt-0.5 block break-words text-xs">{view.reason}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
