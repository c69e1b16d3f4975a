'use client';

import Link from 'next/link';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { mayRollOut, useMe } from '@/lib/query/use-me';
import { rolloutHref } from './rollout-action';
import { Callout } from '@/components/ui/callout';
import { formatClockTime } from '@/lib/format/clock-time';
import { useEndpointMetrics } from '@/lib/query/use-endpoint-metrics';
import { rollbackCause } from './alarm-view';
import { useMetricRange } from './use-metric-range';

type RolledBack = NonNullable<EndpointSummary['health']['rolledBack']>;

/**
 * An update SageMaker rolled back: the endpoint serves the old config, the spec still names the failed one and
 * ACK will not submit it again (docs/ack-behaviour.md §6.2), so the way forward is a new config.
 */
export function RolledBackBanner({
  namespace,
  name,
  rolledBack,
}: {
  namespace: string;
  name: string;
  rolledBack: RolledBack;
}) {
  const me = useMe();
  const [range] = useMetricRange();
  // The alarm history of the range on screen: a rollback older than the range names no alarm.
  const cause = rollbackCause(useEndpointMetrics(namespace, name, range, false).data?.alarmHistory ?? []);
  const live = rolledBack.liveConfigName;
  return (
    <Callout tone="error" role="alert" data-testid="rolled-back-banner" className="dark:border-red-700">
      <p className="font-semibold">SageMaker rolled this back.</p>
      {cause && (
        <p data-testid="rollback-alarm" className="break-words">
          It rolled back because alarm <span className="font-mono">{cause.alarmName}</span> went to ALARM at{' '}
          <time dateTime={cause.at}>{formatClockTime(Date.parse(cause.at))}</time>
          {cause.reason || cause.summary ? ` (${cause.reason ?? cause.summary})` : ''}.
        </p>
      )}
      <p className="break-words">
        The update to <span className="font-mono">{rolledBack.failedConfigName}</span> failed, and the endpoint{' '}
        {live ? (
          <>
            still runs <span className="font-mono">{live}</span>
          </>
        ) : (
          'still runs its previous config'
        )}
        . The failure reason is: <span className="font-medium">{rolledBack.failureReason}</span>
      </p>
      <p>
        The controller will not try <span className="font-mono">{rolledBack.failedConfigName}</span> again.{' '}
        {mayRollOut(me.data, namespace) ? (
          <Link href={rolloutHref(namespace, name)} className="font-medium underline underline-offset-2">
            Roll out a new config to try again.
          </Link>
        ) : (
          <>Roll out a new config to try again (someone with rollout rights in {namespace} can).</>
        )}
      </p>
    </Callout>
  );
}
