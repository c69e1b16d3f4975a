import type { SimVariant } from './types';

// How far each step of a canary or linear deployment, or each batch of a rolling one, turns on the new fleet,
// written from the API reference (CapacitySize, TrafficRoutingConfig, RollingUpdatePolicy) and the Developer
// Guide's "Use linear traffic shifting": a step activates a number of the new fleet's instances, given as a
// count (INSTANCE_COUNT) or as a percentage of "the variant's total instance count" (CAPACITY_PERCENT), and
// the same portion of the old fleet is deactivated. Steps are measured per variant, never across the endpoint.

/** A canary size, linear step size or batch size as the deployment config gives it. */
export interface CapacitySize {
  type_?: string;
  value?: number;
}

/** Share of each new variant's capacity taking traffic, 0..1, by variant name. */
export type TrafficShare = Record<string, number>;

/**
 * Instances of one variant a step activates: a count as given, or a percentage of the variant's instances.
 * SageMaker does not document its rounding; the simulator rounds a percentage down, keeps at least one
 * instance (a step of none would never finish) and at most the whole variant.
 */
export function stepInstances(size: CapacitySize | undefined, variantInstances: number): number {
  const value = size?.value ?? 1;
  const count = size?.type_ === 'CAPACITY_PERCENT' ? Math.floor((variantInstances * value) / 100) : value;
  return Math.max(1, Math.min(variantInstances, count));
}

// A variant's share after each step when the size can be related to it: instances for an instance-backed
// variant; for a serverless one, which has no instances, a percentage of its capacity. The docs say nothing of
// serverless variants here, so an instance count cannot size their steps (undefined: they follow the others).
function sharesPerStep(size: CapacitySize | undefined, variant: SimVariant, steps?: number): number[] | undefined {
  let units: number;
  let perStep: number;
  if (variant.instanceCount !== undefined) {
    units = variant.instanceCount;
    perStep = stepInstances(size, units);
  } else if (size?.type_ === 'CAPACITY_PERCENT' && (size.value ?? 0) > 0) {
    units = 100;
    perStep = Math.min(100, size.value!);
  } else {
    return undefined;
  }
  const count = steps ?? Math.ceil(units / perStep);
  return Array.from({ length: count }, (_, index) => Math.min(units, perStep * (index + 1)) / units);
}

function byStep(
  fleet: SimVariant[],
  perVariant: (variant: SimVariant) => number[] | undefined,
  fixedSteps?: number,
): TrafficShare[] {
  const plans = fleet.map((variant) => ({ name: variant.variantName, shares: perVariant(variant) }));
  const steps = fixedSteps ?? Math.max(1, ...plans.map((plan) => plan.shares?.length ?? 0));
  return Array.from({ length: steps }, (_, index) =>
    Object.fromEntries(plans.map(({ name, shares }) => [name, shares ? (shares[index] ?? 1) : (index + 1) / steps])),
  );
}

/** Linear: every variant moves in steps of its own size; the deployment takes as many steps as its slowest variant. */
export const linearSteps = (size: CapacitySize | undefined, fleet: SimVariant[]): TrafficShare[] =>
  byStep(fleet, (variant) => sharesPerStep(size, variant));

/** Canary: the canary portion of each variant, then all the rest ("two steps", TrafficRoutingConfig). */
export const canarySteps = (size: CapacitySize | undefined, fleet: SimVariant[]): TrafficShare[] =>
  byStep(fleet, (variant) => sharesPerStep(size, variant, 1)?.concat(1), 2);

/** All at once: one step that turns on the whole new fleet. */
export const allAtOnce = (fleet: SimVariant[]): TrafficShare[] => [
  Object.fromEntries(fleet.map((variant) => [variant.variantName, 1])),
];

/** "2 of 6 new instance(s)", or a percentage of the capacity of a fleet with no instances. */
export function activatedText(share: TrafficShare, fleet: SimVariant[]): string {
  const withInstances = fleet.filter((variant) => variant.instanceCount !== undefined);
  if (withInstances.length === 0) {
    const average =
      fleet.reduce((sum, variant) => sum + (share[variant.variantName] ?? 0), 0) / Math.max(1, fleet.length);
    return `${Math.round(average * 100)}% of the new capacity`;
  }
  const total = withInstances.reduce((sum, variant) => sum + variant.instanceCount!, 0);
  const active = withInstances.reduce(
    (sum, variant) => sum + Math.round((share[variant.variantName] ?? 0) * variant.instanceCount!),
    0,
  );
  return `${active} of ${total} new instance(s)`;
}
