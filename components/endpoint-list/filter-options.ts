import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { healthLevels } from '@/lib/endpoints/health';
import { displayEndpointStatus, endpointStatusDisplay } from '@/lib/endpoints/status-vocabulary';
import type { FleetQuery } from '@/lib/endpoints/fleet-query';
import { healthDisplay } from '@/components/ui/health-display';
import type { MultiSelectOption } from '@/components/ui/multi-select';

/** The status the list and its filter give an endpoint the controller has not reported on. */
export const PENDING = 'Pending';

function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * The choices of each filter with how many endpoints of the whole fleet carry them: every namespace the caller
 * may see (or that holds endpoints), every known status, every health level, and whatever the URL already
 * selects, so a selection never hides itself.
 */
export function filterOptions(items: EndpointSummary[], visibleNamespaces: string[] | null, query: FleetQuery) {
  const namespaceCounts = tally(items.map((item) => item.namespace));
  const statusCounts = tally(items.map((item) => item.status ?? PENDING));
  const healthCounts = tally(items.map((item) => item.health.level));

  const namespaceValues = [
    ...new Set([...(visibleNamespaces ?? []), ...namespaceCounts.keys(), ...query.namespaces]),
  ].sort();
  const statusValues = [
    ...new Set([...Object.keys(endpointStatusDisplay), PENDING, ...statusCounts.keys(), ...query.statuses]),
  ];

  const namespaces: MultiSelectOption[] = namespaceValues.map((value) => ({
    value,
    label: value,
    count: namespaceCounts.get(value) ?? 0,
  }));
  const statuses: MultiSelectOption[] = statusValues.map((value) => ({
    value,
    label: displayEndpointStatus(value === PENDING ? undefined : value).label,
    count: statusCounts.get(value) ?? 0,
  }));
  const health: MultiSelectOption[] = healthLevels.map((value) => ({
    value,
    label: healthDisplay[value].label,
    count: healthCounts.get(value) ?? 0,
  }));
  return { namespaces, statuses, health };
}
