import { z } from 'zod';

// The body of GET /api/endpoints/{namespace}/{name}/series: how one endpoint's traffic split and instance counts
// moved over the last hours, as this server replica saw them. Shared by the route, the chart's hook and tests.

/** Which fleet a variant belongs to: the running one (status.productionVariants) or the one being deployed. */
export const seriesFleets = ['current', 'new'] as const;
export type SeriesFleet = (typeof seriesFleets)[number];

export const seriesVariantSchema = z.object({
  name: z.string(),
  fleet: z.enum(seriesFleets),
  /** currentWeight as a share of the current weights of the variants of the same fleet, 0..1 (as in the summary). */
  trafficShare: z.number().optional(),
  /**
   * The variant's share of all of the endpoint's traffic, 0..1. During an update it rests on the point's derived
   * newFleetShare; absent when that is not known.
   */
  endpointShare: z.number().optional(),
  currentInstanceCount: z.number().optional(),
  desiredInstanceCount: z.number().optional(),
  currentWeight: z.number().optional(),
});
export type SeriesVariant = z.infer<typeof seriesVariantSchema>;

/** The state from `at` until the next point's `at`: plot it as a step (recharts `type="stepAfter"`). */
export const seriesPointSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  /** status.endpointStatus; absent before the controller first reports. */
  status: z.string().optional(),
  variants: z.array(seriesVariantSchema),
  /**
   * During an update, the share of the endpoint's traffic on the new fleet, 0..1 (the old fleet has the rest).
   * Derived, not reported: SageMaker reports no split between the fleets; it comes from the deployment stage it
   * reports and the policy's step sizes (lib/endpoints/traffic-split.ts).
   */
  newFleetShare: z.number().optional(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/**
 * Points in time order, one per change the server saw, and one last point at `to` (the time of the answer)
 * repeating the state then, so a step line reaches the present. `from` is the first point's time: the oldest
 * change still kept, or the start of the kept window when the state then is older than the window.
 */
export const endpointSeriesSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  points: z.array(seriesPointSchema).min(1),
});
export type EndpointSeries = z.infer<typeof endpointSeriesSchema>;
