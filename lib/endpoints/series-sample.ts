import type { SeriesFleet, SeriesVariant } from '@/lib/api/endpoint-series';
import type { Endpoint, PendingVariantSummary, ProductionVariantSummary } from '@/lib/schemas/endpoint';

/** One variant as recorded; its traffic share is derived from the fleet's weights when read (`withTrafficShares`). */
export type SampleVariant = Omit<SeriesVariant, 'trafficShare'>;

/** What a chart shows of an endpoint at one moment. */
export interface SeriesSample {
  status?: string;
  variants: SampleVariant[];
}

/** A sample as recorded: the time (ms since the epoch) from which it held. */
export interface RecordedPoint extends SeriesSample {
  at: number;
}

function variants(
  fleet: SeriesFleet,
  summaries: (ProductionVariantSummary | PendingVariantSummary)[] | undefined,
): SampleVariant[] {
  return (summaries ?? []).map((variant) => ({
    name: variant.variantName ?? '',
    fleet,
    ...(variant.currentWeight !== undefined ? { currentWeight: variant.currentWeight } : {}),
    ...(variant.currentInstanceCount !== undefined ? { currentInstanceCount: variant.currentInstanceCount } : {}),
    ...(variant.desiredInstanceCount !== undefined ? { desiredInstanceCount: variant.desiredInstanceCount } : {}),
  }));
}

/**
 * The part of an Endpoint's status a series records: endpointStatus, and weight and instance counts of each
 * variant of the running fleet and, during a deployment, of the new one (docs/ack-behaviour.md §4.2: while Updating,
 * productionVariants is the old fleet and pendingDeploymentSummary the new). Conditions are left out, so
 * ACK's lastTransitionTime restamp on every reconcile (§2.6) never looks like a change.
 */
export function seriesSample(endpoint: Endpoint): SeriesSample {
  const status = endpoint.status;
  return {
    ...(status?.endpointStatus !== undefined ? { status: status.endpointStatus } : {}),
    variants: [
      ...variants('current', status?.productionVariants),
      ...variants('new', status?.pendingDeploymentSummary?.productionVariants),
    ],
  };
}

/**
 * Adds each variant's traffic share: its currentWeight over the sum of the current weights of its fleet
 * (docs/ack-behaviour.md §6.4: weight over the sum of the weights), the same definition as the endpoint summary;
 * no share when the fleet's weights sum to 0 (a new fleet before it takes traffic).
 */
export function withTrafficShares(sampled: SampleVariant[]): SeriesVariant[] {
  const totals = new Map<SeriesFleet, number>();
  for (const variant of sampled)
    totals.set(variant.fleet, (totals.get(variant.fleet) ?? 0) + (variant.currentWeight ?? 0));
  return sampled.map((variant) => {
    const total = totals.get(variant.fleet) ?? 0;
    return total > 0 ? { ...variant, trafficShare: (variant.currentWeight ?? 0) / total } : { ...variant };
  });
}
