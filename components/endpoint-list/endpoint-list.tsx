'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { applyFleetQuery, type FleetQuery, fleetQueryToSearchParams } from '@/lib/endpoints/fleet-query';
import { RefreshFailed } from '@/components/ui/load-state';
import { PageLoading } from '@/components/ui/page-loading';
import { replacesLastRead } from '@/lib/query/api-error';
import { useUrlText } from '@/components/ui/use-url-text';
import { useFleet } from '@/lib/query/use-fleet';
import { cachedFleetMetrics } from '@/lib/query/use-fleet-metrics';
import { EmptyResult } from './empty-result';
import { EndpointFilters } from './endpoint-filters';
import { EndpointTable } from './endpoint-table';
import { ExportButtons } from './export-buttons';
import { loadedCount, type MetricSort, type MetricSortKey, sortByLoadedMetric } from './metric-columns';
import { useFleetQueryUrl } from './use-fleet-query-url';

const sortNames: Record<FleetQuery['sort'], string> = {
  name: 'name',
  namespace: 'namespace',
  status: 'status',
  health: 'health',
  config: 'config',
  instances: 'instances',
  lastChange: 'last change',
  age: 'age',
};
const metricSortNames: Record<MetricSortKey, string> = { invocations: 'calls in the last hour', errorRate: '5XX rate' };
const directionName = (direction: 'asc' | 'desc') => (direction === 'asc' ? 'ascending' : 'descending');

/** Every endpoint the caller may see, searchable, filterable and sortable, with the view kept in the URL. */
export function EndpointList() {
  const fleet = useFleet();
  const { query, updateQuery } = useFleetQueryUrl();
  const commitText = useCallback((q: string) => updateQuery({ q }), [updateQuery]);
  const [text, setText] = useUrlText(query.q, commitText);
  // The box answers as one types; the URL catches up after a pause.
  const effective = useMemo(() => ({ ...query, q: text }), [query, text]);
  const view = useDeferredValue(effective);
  const items = fleet.data?.items;
  const queried = useMemo(() => (items ? applyFleetQuery(items, view) : []), [items, view]);
  // A CloudWatch column's sort lives in the page, not the URL: it orders by values read in this tab, which a
  // link could not bring along. The URL's sort orders the rows it has no values for.
  const client = useQueryClient();
  const [metricSort, setMetricSort] = useState<MetricSort | undefined>();
  const rows = useMemo(() => (metricSort ? sortByLoadedMetric(queried, metricSort) : queried), [queried, metricSort]);
  const sortMetric = (key: MetricSortKey, direction: 'asc' | 'desc') =>
    setMetricSort({ key, direction, values: cachedFleetMetrics(client) });
  const viewKey = `${fleetQueryToSearchParams(view)}${metricSort ? `#${metricSort.key}-${metricSort.direction}-${metricSort.values.size}` : ''}`;

  // An outage keeps the last fleet on screen (the live badge says it is stale); a refusal replaces it.
  if (!fleet.data || replacesLastRead(fleet.error)) return <PageLoading title="Endpoints" error={fleet.error} />;
  const all = fleet.data.items;
  // The text typed so far goes along with any other change, so a filter click does not drop it.
  const update = (change: Partial<FleetQuery>) => updateQuery({ q: text, ...change });
  const clear = () => {
    setText('');
    updateQuery({ q: '', namespaces: [], statuses: [], health: [] });
  };
  const countText = `${rows.length} of ${all.length} ${all.length === 1 ? 'endpoint' : 'endpoints'}`;
  const sortText = metricSort
    ? `${loadedCount(rows, metricSort)} loaded rows sorted by ${metricSortNames[metricSort.key]} ${directionName(metricSort.direction)}, the rest by ${sortNames[view.sort]} ${directionName(view.direction)}`
    : `sorted by ${sortNames[view.sort]} ${directionName(view.direction)}`;

  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Endpoints</h1>
      <RefreshFailed subject="the fleet" error={fleet.error} />
      <div className="flex flex-wrap items-end gap-3">
        <EndpointFilters
          items={all}
          visibleNamespaces={fleet.data.namespaces}
          query={effective}
          text={text}
          onText={setText}
          onChange={update}
          onClear={clear}
        />
        <div className="ml-auto flex items-center gap-3">
          <p role="status" data-testid="endpoint-count" className="text-sm text-slate-700 dark:text-slate-300">
            {countText}
          </p>
          <ExportButtons rows={rows} />
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyResult items={all} visibleNamespaces={fleet.data.namespaces} query={view} onClear={clear} />
      ) : (
        <EndpointTable
          rows={rows}
          query={view}
          resetKey={viewKey}
          caption={`SageMaker endpoints: ${countText}, ${sortText}.`}
          onSort={(sort, direction) => {
            setMetricSort(undefined);
            update({ sort, direction });
          }}
          metricSort={metricSort}
          onMetricSort={sortMetric}
        />
      )}
    </div>
  );
}
