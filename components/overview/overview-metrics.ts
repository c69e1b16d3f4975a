import { fleetMetricsMaxEndpoints } from '@/lib/api/endpoint-metrics';
import { type AttentionFinding, type AttentionItem, metricFindings } from '@/lib/endpoints/attention';
import { defaultErrorRateAttention } from '@/lib/endpoints/metric-specs';
import { type EndpointRef, type FleetMetricsEntry, endpointRefKey } from '@/lib/query/use-fleet-metrics';

/**
 * The endpoints the overview asks CloudWatch about, each once, in one call's worth: the queue's first (it is
 * what a person acts on), then those rolling out, then the recent changes.
 */
export function overviewMetricRefs(
  groups: readonly (readonly EndpointRef[])[],
  max = fleetMetricsMaxEndpoints,
): EndpointRef[] {
  const seen = new Set<string>();
  const refs: EndpointRef[] = [];
  for (const group of groups)
    for (const { namespace, name } of group) {
      const key = endpointRefKey({ namespace, name });
      if (refs.length >= max || seen.has(key)) continue;
      seen.add(key);
      refs.push({ namespace, name });
    }
  return refs;
}

/** The threshold the route gives with its answer; Fleetdeck's default only when it gives none. */
export function errorRateThreshold(entries: Iterable<FleetMetricsEntry>): number {
  for (const entry of entries) if (entry.errorRateAttention !== undefined) return entry.errorRateAttention;
  return defaultErrorRateAttention;
}

/**
 * The queue's findings from CloudWatch, by "namespace/name", for attentionItems' `extra`: none from an answer
 * whose source was not ok (the page says so once instead).
 */
export function metricAttention(entries: ReadonlyMap<string, FleetMetricsEntry>): Map<string, AttentionFinding[]> {
  const threshold = errorRateThreshold(entries.values());
  const findings = new Map<string, AttentionFinding[]>();
  for (const [key, entry] of entries) {
    if (entry.source.state !== 'ok' || !entry.row) continue;
    const found = metricFindings(entry.row, threshold);
    if (found.length > 0) findings.set(key, found);
  }
  return findings;
}

export const refOfItem = (item: Pick<AttentionItem, 'namespace' | 'name'>): EndpointRef => ({
  namespace: item.namespace,
  name: item.name,
});
