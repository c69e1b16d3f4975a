import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { FleetQuery } from '@/lib/endpoints/fleet-query';
import { displayEndpointStatus } from '@/lib/endpoints/status-vocabulary';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { healthDisplay } from '@/components/ui/health-display';
import { PENDING } from './filter-options';

const names = (values: string[]) => values.join(', ');

function activeFilters(query: FleetQuery): string[] {
  return [
    ...(query.q.trim() ? [`search “${query.q.trim()}”`] : []),
    ...(query.namespaces.length > 0 ? [`namespace ${names(query.namespaces)}`] : []),
    ...(query.statuses.length > 0
      ? [
          `status ${names(query.statuses.map((status) => displayEndpointStatus(status === PENDING ? undefined : status).label))}`,
        ]
      : []),
    ...(query.health.length > 0 ? [`health ${names(query.health.map((level) => healthDisplay[level].label))}`] : []),
  ];
}

/** Why the list is empty: no endpoints at all, none in the chosen namespaces (and whether the caller may see them), or none that match. */
export function EmptyResult({
  items,
  visibleNamespaces,
  query,
  onClear,
}: {
  items: EndpointSummary[];
  visibleNamespaces: string[] | null;
  query: FleetQuery;
  onClear: () => void;
}) {
  const filters = activeFilters(query);
  const clear = (
    <Button size="sm" onClick={onClear} className="mt-2">
      Clear search and filters
    </Button>
  );
  if (items.length === 0 && filters.length === 0) {
    return (
      <EmptyState title="No SageMaker endpoints in the namespaces you may see." testId="empty-result">
        {visibleNamespaces !== null && visibleNamespaces.length === 0
          ? 'You may not list endpoints in any namespace. Ask an administrator for read access.'
          : 'Endpoints appear here as soon as someone creates one.'}
      </EmptyState>
    );
  }
  const emptyNamespaces = query.namespaces.filter((namespace) => !items.some((item) => item.namespace === namespace));
  if (query.namespaces.length > 0 && emptyNamespaces.length === query.namespaces.length) {
    const hidden =
      visibleNamespaces === null ? [] : emptyNamespaces.filter((namespace) => !visibleNamespaces.includes(namespace));
    const title = `No SageMaker endpoints in ${emptyNamespaces.length === 1 ? 'namespace' : 'namespaces'} ${names(emptyNamespaces)}.`;
    return (
      <EmptyState title={title} testId="empty-result">
        {hidden.length > 0 && <p>You may not list endpoints in {names(hidden)}, so Fleetdeck cannot show any there.</p>}
        {clear}
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No endpoints match the search and filters." testId="empty-result">
      <p>Filtering by {names(filters)}.</p>
      {clear}
    </EmptyState>
  );
}
