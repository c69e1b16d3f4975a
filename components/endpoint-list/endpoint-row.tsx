'use client';

import { memo } from 'react';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { Age } from '@/components/ui/age';
import { EndpointLink } from '@/components/ui/endpoint-link';
import { HealthBadge } from '@/components/ui/health-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatPercent } from '@/lib/format/percent';
import type { FleetMetricsEntry } from '@/lib/query/use-fleet-metrics';
import { type MetricSortKey, metricCell } from './metric-columns';
import { cachedFleetRow } from './row-cache';

/** Every row is this tall (in rem, so it follows the reader's font size); cells clamp their text to fit. */
export const ROW_HEIGHT_REM = 3.75;

const count = (value: number | undefined) => (value === undefined ? '—' : String(value));
const cell = 'px-2 py-2 overflow-hidden';

/** A cell of at most two lines; the whole text stays in the DOM and in the title. Empty reads as a dash. */
function ClampedCell({ text, className = 'break-words' }: { text: string; className?: string }) {
  return (
    <td className={cell}>
      <div className={`line-clamp-2 ${className}`} title={text}>
        {text || '—'}
      </div>
    </td>
  );
}

/** A CloudWatch number: "…" while it loads, a dash whose title says why when there is none. */
function MetricTd({
  metric,
  entry,
  pending,
  error,
}: {
  metric: MetricSortKey;
  entry: FleetMetricsEntry | undefined;
  pending: boolean;
  error: Error | null;
}) {
  const view = metricCell(metric, entry, pending, error);
  return (
    <td
      className={`${cell} text-right tabular-nums`}
      title={view.title}
      aria-busy={view.state === 'loading' || undefined}
      data-testid={metric === 'invocations' ? 'row-invocations' : 'row-error-rate'}
      data-state={view.state}
      data-value={view.value}
    >
      {view.state === 'loading' ? (
        <>
          <span aria-hidden="true">{view.text}</span>
          <span className="sr-only">{view.title}</span>
        </>
      ) : (
        view.text
      )}
    </td>
  );
}

/**
 * One endpoint as a table row of fixed height, so the virtualizer never has to measure one. Memoized on the
 * summary object, which the live cache replaces only when the endpoint changes; the relative times inside tick
 * on their own. Clamped text stays whole in the DOM and in the title, for screen readers and on hover.
 */
export const EndpointRow = memo(function EndpointRow({
  summary,
  index,
  metrics,
  metricsPending,
  metricsError,
}: {
  summary: EndpointSummary;
  index: number;
  /** The row's CloudWatch numbers when read (the cached answer, a stable object). */
  metrics: FleetMetricsEntry | undefined;
  metricsPending: boolean;
  metricsError: Error | null;
}) {
  const row = cachedFleetRow(summary);
  const reason = summary.health.reasons[0];
  const variants = row.variants.join(', ');
  // During an update both fleets: the old one's types, then the new one's.
  const types = row.newInstanceTypes
    ? `${row.instanceTypes.join(', ') || '—'} → ${row.newInstanceTypes.join(', ') || '—'}`
    : row.instanceTypes.join(', ');
  const traffic = row.traffic
    .map(
      (entry) =>
        `${entry.variant} ${entry.share !== undefined ? formatPercent(entry.share) : entry.weight !== undefined ? `weight ${entry.weight}` : '—'}`,
    )
    .join(', ');
  return (
    <tr
      aria-rowindex={index + 2}
      data-testid="endpoint-row"
      data-namespace={row.namespace}
      data-name={row.name}
      style={{ height: `${ROW_HEIGHT_REM}rem` }}
      className="border-b border-slate-200 align-top hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900"
    >
      <td className={cell}>
        <div className="truncate" title={row.name}>
          <EndpointLink namespace={row.namespace} name={row.name}>
            {row.name}
          </EndpointLink>
        </div>
        {row.endpointName !== row.name && (
          <div className="truncate text-xs text-slate-600 dark:text-slate-300" title={row.endpointName}>
            SageMaker: {row.endpointName}
          </div>
        )}
      </td>
      <ClampedCell text={row.namespace} />
      <td className={cell}>
        <StatusBadge status={row.status} />
      </td>
      <td className={cell}>
        <HealthBadge level={row.health} />
        {reason && (
          <div title={reason} className="mt-0.5 truncate text-xs text-slate-700 dark:text-slate-300">
            {reason}
          </div>
        )}
      </td>
      <ClampedCell text={row.config} className="break-all font-mono text-xs" />
      <ClampedCell text={variants} />
      <ClampedCell text={types} />
      <td
        className={`${cell} tabular-nums`}
        title={`${count(row.instancesCurrent)} running of ${count(row.instancesDesired)} desired`}
      >
        {count(row.instancesCurrent)}/{count(row.instancesDesired)}
      </td>
      <ClampedCell text={traffic} />
      <MetricTd metric="invocations" entry={metrics} pending={metricsPending} error={metricsError} />
      <MetricTd metric="errorRate" entry={metrics} pending={metricsPending} error={metricsError} />
      <td className={cell}>
        <RelativeTime iso={row.lastChange} />
      </td>
      <td className={cell}>
        <Age iso={row.createdAt} />
      </td>
    </tr>
  );
});
