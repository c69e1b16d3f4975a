import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { cloudWatchSourceSentence } from '@/components/ui/cloud-watch-source';
import type { SortDirection } from '@/lib/endpoints/fleet-query';
import { formatPercent } from '@/lib/format/percent';
import { type EndpointRef, type FleetMetricsEntry, endpointRefKey } from '@/lib/query/use-fleet-metrics';

/** The list's CloudWatch columns, sortable by what has been read. */
export const metricSortKeys = ['invocations', 'errorRate'] as const;
export type MetricSortKey = (typeof metricSortKeys)[number];

/**
 * A sort by a CloudWatch column: the values the cache held when it was chosen. It stays fixed while more rows
 * load, so rows do not jump under the reader as they scroll; choosing the column again sorts by what is loaded then.
 */
export interface MetricSort {
  key: MetricSortKey;
  direction: SortDirection;
  values: ReadonlyMap<string, FleetMetricsEntry>;
}

/** The endpoints of rows[start..end] (the virtualizer's rendered range, ends included), each once. */
export function renderedRefs(rows: readonly EndpointSummary[], start: number, end: number): EndpointRef[] {
  const refs: EndpointRef[] = [];
  const seen = new Set<string>();
  for (let index = Math.max(0, start); index <= Math.min(end, rows.length - 1); index++) {
    const row = rows[index];
    if (!row) continue;
    const key = endpointRefKey(row);
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ namespace: row.namespace, name: row.name });
  }
  return refs;
}

/** A number to sort by, `null` when the endpoint was read and has none (no traffic), undefined when not read. */
export function metricValue(entry: FleetMetricsEntry | undefined, key: MetricSortKey): number | null | undefined {
  const value = entry?.row?.[key];
  // A failed read of another kind (its account's alarms) leaves the number good to sort by.
  if (value !== undefined) return value;
  return !entry || entry.source.state !== 'ok' ? undefined : null;
}

/**
 * The rows in the sort's order: those with a value by it (ties keep the list's order), then those read without
 * one, then those not read yet, each group in the order it came (the list's own sort).
 */
export function sortByLoadedMetric(rows: readonly EndpointSummary[], sort: MetricSort): EndpointSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const valued: { row: EndpointSummary; value: number; index: number }[] = [];
  const empty: EndpointSummary[] = [];
  const unread: EndpointSummary[] = [];
  rows.forEach((row, index) => {
    const value = metricValue(sort.values.get(endpointRefKey(row)), sort.key);
    if (typeof value === 'number') valued.push({ row, value, index });
    else if (value === null) empty.push(row);
    else unread.push(row);
  });
  valued.sort((a, b) => (a.value - b.value) * sign || a.index - b.index);
  return [...valued.map((entry) => entry.row), ...empty, ...unread];
}

/** How many rows a sort found values for, for the caption. */
export const loadedCount = (rows: readonly EndpointSummary[], sort: MetricSort) =>
  rows.filter((row) => typeof metricValue(sort.values.get(endpointRefKey(row)), sort.key) === 'number').length;

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** An error rate, never rounded to 0% while errors were seen. */
export function formatErrorRate(rate: number): string {
  return rate > 0 && rate < 0.001 ? '<0.1%' : formatPercent(rate);
}

/** What a CloudWatch cell says: its text, its title, and a state for tests and styling. */
export interface MetricCell {
  state: 'loading' | 'value' | 'none' | 'failed';
  text: string;
  title: string;
  value?: number;
}

/**
 * One cell of a CloudWatch column. `pending` is true while the row's read is under way or waits for the scroll
 * to settle; a failed read or an unusable source reads as a dash whose title says why.
 */
export function metricCell(
  key: MetricSortKey,
  entry: FleetMetricsEntry | undefined,
  pending: boolean,
  error: Error | null,
): MetricCell {
  if (!entry) {
    if (error) return { state: 'failed', text: '—', title: `Not loaded: ${error.message}` };
    return { state: 'loading', text: '…', title: pending ? 'Loading from CloudWatch…' : 'Not loaded yet' };
  }
  const row = entry.row;
  // A row keeps the number it has when only another read of it failed (its account's alarms, say).
  if (entry.source.state !== 'ok' && metricValue(entry, key) === undefined) {
    return { state: 'none', text: '—', title: `No data: ${cloudWatchSourceSentence(entry.source)}` };
  }
  if (!row) return { state: 'none', text: '—', title: 'No data: Fleetdeck did not return this endpoint.' };
  if (key === 'invocations') {
    if (row.invocations === undefined)
      return { state: 'none', text: '—', title: 'No data: CloudWatch has no invocations in the last hour.' };
    return {
      state: 'value',
      text: compact.format(row.invocations),
      title: `${row.invocations.toLocaleString('en')} invocations in the last hour`,
      value: row.invocations,
    };
  }
  if (row.errorRate === undefined)
    return { state: 'none', text: '—', title: 'No data: no invocations in the last hour, so no error rate.' };
  return {
    state: 'value',
    text: formatErrorRate(row.errorRate),
    title: `${(row.errorRate * 100).toFixed(2)}% of the last hour’s invocations failed with a 5XX error`,
    value: row.errorRate,
  };
}
