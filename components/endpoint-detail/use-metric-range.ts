'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { currentSearch, replaceSearch } from '@/components/ui/replace-search';
import { defaultMetricRange, metricRangeSchema, type MetricRange } from '@/lib/api/endpoint-metrics';

/** `?range=` as a range the API knows; anything else (a hand-edited link) is the default. */
export function parseMetricRange(value: string | null): MetricRange {
  const parsed = metricRangeSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultMetricRange;
}

/**
 * The metrics' range, kept in the URL (no history entry) so a link or a reload shows the same window. The default
 * range is left out of the URL.
 */
export function useMetricRange(): [MetricRange, (range: MetricRange) => void] {
  const range = parseMetricRange(useSearchParams().get('range'));
  const setRange = useCallback((next: MetricRange) => {
    const params = currentSearch();
    if (next === defaultMetricRange) params.delete('range');
    else params.set('range', next);
    replaceSearch(params);
  }, []);
  return [range, setRange];
}
