'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { FleetQuery, FleetSortKey, SortDirection } from '@/lib/endpoints/fleet-query';
import { PlainHeader, SortHeader } from '@/components/ui/sort-header';
import { Table } from '@/components/ui/table';
import { endpointRefKey, latestMetricsState, useFleetMetrics } from '@/lib/query/use-fleet-metrics';
import { CloudWatchNotice } from './cloud-watch-notice';
import { endpointColumns } from './columns';
import { EndpointRow, ROW_HEIGHT_REM } from './endpoint-row';
import { type MetricSortKey, renderedRefs } from './metric-columns';
import { useDebouncedValue } from './use-debounced-value';

// How long the rendered rows must stay put before their numbers are asked for: a fling through the list
// should not read CloudWatch for every screenful it passes.
const SCROLL_SETTLE_MS = 250;

const sortLabel = { asc: 'ascending', desc: 'descending' } as const;

// The row height in pixels at the reader's root font size (the server has none; 16 px is the browser default).
function rowHeightPx(): number {
  const root =
    typeof document === 'undefined' ? 16 : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return ROW_HEIGHT_REM * root;
}

/**
 * The fleet as one accessible table that only renders the rows in view: spacer rows above and below stand in
 * for the rest, and aria-rowcount/aria-rowindex tell assistive technology where each rendered row sits.
 */
export function EndpointTable({
  rows,
  query,
  onSort,
  metricSort,
  onMetricSort,
  caption,
  resetKey,
}: {
  rows: EndpointSummary[];
  query: Pick<FleetQuery, 'sort' | 'direction'>;
  onSort: (key: FleetSortKey, direction: 'asc' | 'desc') => void;
  /** A sort by a CloudWatch column, which then owns the header's sort state instead of `query`. */
  metricSort?: { key: MetricSortKey; direction: SortDirection };
  onMetricSort: (key: MetricSortKey, direction: SortDirection) => void;
  caption: string;
  /** Changes when the search, filters or sort change: the view then starts at the top again. */
  resetKey: string;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [rowPx] = useState(rowHeightPx);
  // Stable per rows array: the virtualizer recomputes every row's offset whenever this function changes.
  const itemKey = useCallback(
    (index: number) => {
      const summary = rows[index];
      return summary ? `${summary.namespace}/${summary.name}` : index;
    },
    [rows],
  );
  // The virtualizer re-renders this component as the view scrolls, which is the point; nothing here relies on
  // compiler memoization (the rows memoize on their own).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    // Rows have one height, so nothing is measured: measuring each row as it scrolls in costs a pass over
    // every row's offset, which a 5,000-row list feels.
    estimateSize: () => rowPx,
    overscan: 12,
    getItemKey: itemKey,
    // React 19 warns about flushSync during render; scrolling stays smooth without it.
    useFlushSync: false,
  });

  // A new search, filter or sort starts at the top; live updates to the same view keep the scroll position.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [virtualizer, resetKey]);

  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const sortOf = (key: FleetSortKey) => (!metricSort && query.sort === key ? sortLabel[query.direction] : undefined);

  // The rows rendered now (overscan included) ask for their numbers once the scroll has settled; rows already
  // read show their cached numbers at once, and react-query refetches none younger than a minute.
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const refs = useMemo(() => renderedRefs(rows, first, last), [rows, first, last]);
  const renderedKey = refs.map(endpointRefKey).join('\n');
  const settledKey = useDebouncedValue(renderedKey, SCROLL_SETTLE_MS);
  const ask = useMemo(() => new Set(settledKey.split('\n')), [settledKey]);
  const metrics = useFleetMetrics(refs, { ask });
  const metricsByKey = new Map(refs.map((ref, at) => [endpointRefKey(ref), metrics[at]]));
  const { source, error } = latestMetricsState(metrics);

  return (
    <div className="space-y-2">
      <CloudWatchNotice
        source={source}
        error={error}
        effect="Rows it could not read show a dash for Calls and 5XX until it can."
      />
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label="Endpoints table"
        className="max-h-[calc(100vh-15rem)] min-h-48 overflow-auto rounded border border-slate-200 dark:border-slate-800"
      >
        <Table caption={caption} aria-rowcount={rows.length + 1} className="min-w-[80rem] table-fixed border-collapse">
          <colgroup>
            {endpointColumns.map((column) => (
              <col key={column.id} style={{ width: column.width }} />
            ))}
          </colgroup>
          <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
            <tr aria-rowindex={1} className="border-b border-slate-300 dark:border-slate-700">
              {endpointColumns.map((column) => {
                const metricKey = column.metricSortKey;
                if (metricKey) {
                  const current = metricSort?.key === metricKey;
                  const next = current
                    ? metricSort.direction === 'asc'
                      ? 'desc'
                      : 'asc'
                    : (column.firstSort ?? 'desc');
                  return (
                    <SortHeader
                      key={column.id}
                      id={column.id}
                      label={column.label}
                      hint={column.hint}
                      sort={current ? sortLabel[metricSort.direction] : undefined}
                      onSort={() => onMetricSort(metricKey, next)}
                      className="px-2 py-2"
                    />
                  );
                }
                const key = column.sortKey;
                if (!key)
                  return (
                    <PlainHeader key={column.id} className="px-2 py-2">
                      {column.label}
                    </PlainHeader>
                  );
                const current = query.sort === key;
                const next = current ? (query.direction === 'asc' ? 'desc' : 'asc') : (column.firstSort ?? 'asc');
                return (
                  <SortHeader
                    key={column.id}
                    label={column.label}
                    sort={sortOf(key)}
                    onSort={() => onSort(key, next)}
                    className="px-2 py-2"
                  />
                );
              })}
            </tr>
          </thead>
          <tbody>
            {before > 0 && (
              <tr aria-hidden="true">
                <td colSpan={endpointColumns.length} style={{ height: before, padding: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const summary = rows[item.index];
              if (!summary) return null;
              const result = metricsByKey.get(endpointRefKey(summary));
              return (
                <EndpointRow
                  key={item.key}
                  summary={summary}
                  index={item.index}
                  metrics={result?.data}
                  metricsPending={result ? result.isFetching || !ask.has(endpointRefKey(summary)) : true}
                  metricsError={result?.error ?? null}
                />
              );
            })}
            {after > 0 && (
              <tr aria-hidden="true">
                <td colSpan={endpointColumns.length} style={{ height: after, padding: 0 }} />
              </tr>
            )}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
