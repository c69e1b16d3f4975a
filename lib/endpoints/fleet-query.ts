import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { type HealthLevel, healthLevels } from './health';
import { variantImages } from './variant-images';

/** The columns the fleet list sorts by. */
export const fleetSortKeys = [
  'name',
  'namespace',
  'status',
  'health',
  'config',
  'instances',
  'lastChange',
  'age',
] as const;
export type FleetSortKey = (typeof fleetSortKeys)[number];
export type SortDirection = 'asc' | 'desc';

/** The search, filters and sort of the fleet list, kept in the page's URL. */
export interface FleetQuery {
  /** Free text; every word must appear somewhere in the endpoint (case-insensitive). */
  q: string;
  namespaces: string[];
  /** endpointStatus values; `Pending` matches an endpoint the controller has not reported on. */
  statuses: string[];
  health: HealthLevel[];
  sort: FleetSortKey;
  direction: SortDirection;
}

export const defaultFleetQuery: FleetQuery = {
  q: '',
  namespaces: [],
  statuses: [],
  health: [],
  sort: 'name',
  direction: 'asc',
};

/** The search-parameter names, one per field. */
export const fleetQueryParams = {
  q: 'q',
  namespace: 'namespace',
  status: 'status',
  health: 'health',
  sort: 'sort',
  direction: 'dir',
} as const;

const MAX_Q = 200;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const STATUS = /^[A-Za-z]{1,40}$/;

// Values may repeat (`?status=Failed&status=Updating`) or come comma-separated (`?status=Failed,Updating`).
function many(params: URLSearchParams, name: string, valid: (value: string) => boolean): string[] {
  const values = params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim());
  return [...new Set(values.filter((value) => value !== '' && valid(value)))];
}

/** The query a URL holds. Values it does not understand are dropped, never thrown on: a URL is user input. */
export function parseFleetQuery(params: URLSearchParams): FleetQuery {
  const sort = params.get(fleetQueryParams.sort);
  const direction = params.get(fleetQueryParams.direction);
  return {
    q: (params.get(fleetQueryParams.q) ?? '').trim().slice(0, MAX_Q),
    namespaces: many(params, fleetQueryParams.namespace, (value) => NAMESPACE.test(value)),
    statuses: many(params, fleetQueryParams.status, (value) => STATUS.test(value)),
    health: many(params, fleetQueryParams.health, (value) =>
      (healthLevels as readonly string[]).includes(value),
    ) as HealthLevel[],
    sort: (fleetSortKeys as readonly string[]).includes(sort ?? '') ? (sort as FleetSortKey) : defaultFleetQuery.sort,
    direction: direction === 'asc' || direction === 'desc' ? direction : defaultFleetQuery.direction,
  };
}

/** The URL form of a query, leaving out defaults so a plain list has a plain URL; parseFleetQuery reads it back. */
export function fleetQueryToSearchParams(query: FleetQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set(fleetQueryParams.q, query.q.trim());
  for (const namespace of query.namespaces) params.append(fleetQueryParams.namespace, namespace);
  for (const status of query.statuses) params.append(fleetQueryParams.status, status);
  for (const level of query.health) params.append(fleetQueryParams.health, level);
  if (query.sort !== defaultFleetQuery.sort) params.set(fleetQueryParams.sort, query.sort);
  if (query.direction !== defaultFleetQuery.direction) params.set(fleetQueryParams.direction, query.direction);
  return params;
}

function haystack(summary: EndpointSummary): string {
  const variants = [...summary.variants, ...(summary.deployment?.variants ?? [])];
  return [
    `${summary.namespace}/${summary.name}`,
    summary.endpointName,
    summary.configName,
    summary.lastSubmittedConfigName,
    summary.deployment?.configName,
    summary.status ?? 'Pending',
    summary.policy,
    summary.failureReason,
    ...variants.flatMap((variant) => [variant.name, variant.instanceType, variant.modelName]),
    ...variants.flatMap(variantImages).flatMap((image) => [image.specifiedImage, image.resolvedImage]),
  ]
    .filter((part): part is string => Boolean(part))
    .join('\n')
    .toLowerCase();
}

/** Whether a summary passes the query's search and filters (the sort aside). */
export function matchesFleetQuery(summary: EndpointSummary, query: FleetQuery): boolean {
  if (query.namespaces.length > 0 && !query.namespaces.includes(summary.namespace)) return false;
  if (query.statuses.length > 0 && !query.statuses.includes(summary.status ?? 'Pending')) return false;
  if (query.health.length > 0 && !query.health.includes(summary.health.level)) return false;
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = haystack(summary);
  return words.every((word) => text.includes(word));
}

const time = (value: string | undefined) => (value === undefined ? NaN : Date.parse(value));
const instances = (summary: EndpointSummary) => {
  const counts = summary.variants.flatMap((variant) =>
    variant.currentInstanceCount === undefined ? [] : [variant.currentInstanceCount],
  );
  return counts.length > 0 ? counts.reduce((sum, count) => sum + count, 0) : undefined;
};

// The value a column sorts by; undefined sorts last in either direction. Health ascends worst first; age
// ascends youngest first, so it is the creation time negated.
function sortValue(summary: EndpointSummary, key: FleetSortKey): string | number | undefined {
  const present = (value: number) => (Number.isNaN(value) ? undefined : value);
  switch (key) {
    case 'name':
      return summary.name;
    case 'namespace':
      return summary.namespace;
    case 'status':
      return summary.status;
    case 'health':
      return healthLevels.indexOf(summary.health.level);
    case 'config':
      return summary.configName;
    case 'instances':
      return instances(summary);
    case 'lastChange':
      return present(time(summary.lastChange));
    case 'age':
      return present(-time(summary.createdAt));
  }
}

const compareValues = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

/**
 * The summaries that match the query, sorted by its column and direction, ties by namespace and name. Returns
 * a new array and never reorders or changes its input (it may be data held in the query cache).
 */
export function applyFleetQuery(summaries: readonly EndpointSummary[], query: FleetQuery): EndpointSummary[] {
  const sign = query.direction === 'asc' ? 1 : -1;
  const keyed = summaries
    .filter((summary) => matchesFleetQuery(summary, query))
    .map((summary) => ({ summary, value: sortValue(summary, query.sort) }));
  keyed.sort((a, b) => {
    if (a.value !== undefined && b.value !== undefined) {
      const order = compareValues(a.value, b.value) * sign;
      if (order !== 0) return order;
    } else if (a.value !== b.value) {
      return a.value === undefined ? 1 : -1;
    }
    return a.summary.namespace.localeCompare(b.summary.namespace) || a.summary.name.localeCompare(b.summary.name);
  });
  return keyed.map((entry) => entry.summary);
}
