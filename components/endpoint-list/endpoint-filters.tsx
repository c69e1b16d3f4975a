'use client';

import { useMemo } from 'react';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { FleetQuery } from '@/lib/endpoints/fleet-query';
import type { HealthLevel } from '@/lib/endpoints/health';
import { Button } from '@/components/ui/button';
import { MultiSelect } from '@/components/ui/multi-select';
import { SearchBox } from '@/components/ui/search-box';
import { filterOptions } from './filter-options';

/** The search box and the namespace, status and health filters; each change goes to the URL. */
export function EndpointFilters({
  items,
  visibleNamespaces,
  query,
  text,
  onText,
  onChange,
  onClear,
}: {
  items: EndpointSummary[];
  visibleNamespaces: string[] | null;
  query: FleetQuery;
  text: string;
  onText: (text: string) => void;
  onChange: (change: Partial<FleetQuery>) => void;
  onClear: () => void;
}) {
  const options = useMemo(() => filterOptions(items, visibleNamespaces, query), [items, visibleNamespaces, query]);
  const filtered =
    query.q.trim() !== '' || query.namespaces.length > 0 || query.statuses.length > 0 || query.health.length > 0;
  return (
    <search aria-label="Search and filter endpoints" className="flex flex-wrap items-end gap-3">
      <SearchBox
        label="Search endpoints"
        value={text}
        onChange={onText}
        placeholder="name, config, image, instance type…"
        hint="Every word must appear in the endpoint's name, namespace, config, status, variants, instance types, models or images."
        testId="endpoint-search"
      />
      <MultiSelect
        label="Namespace"
        options={options.namespaces}
        selected={query.namespaces}
        onChange={(namespaces) => onChange({ namespaces })}
        testId="filter-namespace"
      />
      <MultiSelect
        label="Status"
        options={options.statuses}
        selected={query.statuses}
        onChange={(statuses) => onChange({ statuses })}
        testId="filter-status"
      />
      <MultiSelect
        label="Health"
        options={options.health}
        selected={query.health}
        onChange={(health) => onChange({ health: health as HealthLevel[] })}
        testId="filter-health"
      />
      {filtered && (
        <Button variant="link" size="sm" onClick={onClear}>
          Clear filters
        </Button>
      )}
    </search>
  );
}
