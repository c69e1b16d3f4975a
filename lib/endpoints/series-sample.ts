import type { SeriesFleet, SeriesVariant } from '@/lib/api/endpoint-series';
import type { Endpoint, PendingVariantSummary, ProductionVariantSummary } from '@/lib/schemas/endpoint';
import { newFleetShare } from './traffic-split';

/** One variant as recorded; its traffic share is derived from the fleet's weights when read (`withTrafficShares`). */
export type SampleVariant = Omit<SeriesVariant, 'trafficShare'>;

/** What a chart shows of an endpoint at one moment. */
export interface SeriesSample {
  status?: string;
  variants: SampleVariant[];
  /** During an update, the share of the endpoint's traffic on the new fleet, derived (lib/endpoints/traffic-split.ts). */
  newFleetShare?: number;
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
 * productionVariants is the old fleet and pendingDeploymentSummary the new), and during an update the share of
 * the endpoint's traffic on the new fleet, derived when recorded from the stage and the policy of that moment.
 * Conditions are left out, so ACK's lastTransitionTime restamp on every reconcile (§2.6) never looks like a change.
 */
export function seriesSample(endpoint: Endpoint): SeriesSample {
  const status = endpoint.status;
  const split = newFleetShare(endpoint);
  return {
    ...(status?.endpointStatus !== undefined ? { status: status.endpointStatus } : {}),
    variants: [
      ...variants('current', status?.productionVariants),
      ...variants('new', status?.pendingDeploymentSummary?.productionVariants),
    ],
    ...(split !== undefined ? { newFleetShare: split } : {}),
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

/**
 * Adds each variant's share of the endpoint's traffic. With one fleet it is the variant's share of that fleet.
 * During an update the new fleet carries `newFleetShare` (derived) and the old fleet the rest, each split among its
 * variants by their current weights; a new fleet with no weight yet but a single variant takes its fleet's share.
 * Unknown (absent) for every variant when the split is not known, and during a create, which has no old fleet
 * and sends no traffic to the new one until it is InService.
 */
export function withEndpointShares(sampled: SeriesVariant[], newFleetShare: number | undefined): SeriesVariant[] {
  const newFleet = sampled.filter((variant) => variant.fleet === 'new');
  if (newFleet.length === 0) return sampled.map((variant) => withShare(variant, variant.trafficShare));
  if (newFleetShare === undefined) return sampled.map((variant) => withShare(variant, undefined));
  const fleetShare = (variant: SeriesVariant) =>
    variant.trafficShare ?? (newFleet.length === 1 && variant.fleet === 'new' ? 1 : undefined);
  return sampled.map((variant) => {
    const within = fleetShare(variant);
    const ofFleet = variant.fleet === 'new' ? newFleetShare : 1 - newFleetShare;
    return withShare(variant, ofFleet === 0 ? 0 : within === undefined ? undefined : within * ofFleet);
  });
}

const withShare = (variant: SeriesVariant, share: number | undefined): SeriesVariant =>
  share === undefined ? variant : { ...variant, endpointShare: share };
