'use client';

import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { metricsLive, useEndpointMetrics } from '@/lib/query/use-endpoint-metrics';
import { useMetricRange } from './use-metric-range';
import { VerdictPanel } from './verdict-panel';

/** The canary verdict when the server has one: while a canary bakes and for an hour after. */
export function CanaryVerdict({ summary }: { summary: EndpointSummary }) {
  const [range] = useMetricRange();
  const verdict = useEndpointMetrics(summary.namespace, summary.name, range, metricsLive(summary)).data?.verdict;
  return verdict ? <VerdictPanel verdict={verdict} /> : null;
}
