'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useState } from 'react';
import { type FleetQuery, fleetQueryToSearchParams, parseFleetQuery } from '@/lib/endpoints/fleet-query';
import { currentSearch, replaceSearch } from '@/components/ui/replace-search';

/**
 * The list's search, filters and sort, kept in the URL (no history entry) so a link or a reload reproduces the
 * view. The query is also held in state and changed at once: a checkbox or sort button reflects a press in
 * the same render, instead of flipping back until the router reports the new URL. A URL this hook did not
 * write (a link, the nav) replaces it.
 */
export function useFleetQueryUrl(): { query: FleetQuery; updateQuery: (change: Partial<FleetQuery>) => void } {
  const urlKey = useSearchParams().toString();
  const [seenKey, setSeenKey] = useState(urlKey);
  const [query, setQuery] = useState(() => parseFleetQuery(new URLSearchParams(urlKey)));
  if (urlKey !== seenKey) {
    setSeenKey(urlKey);
    if (urlKey !== fleetQueryToSearchParams(query).toString()) setQuery(parseFleetQuery(new URLSearchParams(urlKey)));
  }
  const updateQuery = useCallback((change: Partial<FleetQuery>) => {
    // The URL is current synchronously, so two changes in one tick build on each other.
    const next = { ...parseFleetQuery(currentSearch()), ...change };
    setQuery(next);
    replaceSearch(fleetQueryToSearchParams(next));
  }, []);
  return { query, updateQuery };
}
