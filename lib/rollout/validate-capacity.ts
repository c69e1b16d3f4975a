import type { FieldError } from '@/lib/api/error-envelope';
import type { LiveVariant } from './context';
import { instances, instancesAtLeast, instancesAtMost, sizeAsInstances, type CapacitySize } from './capacity';
import { sagemakerLimits, type NumberRange, type ShareLimit } from './sagemaker-limits';

/** A size limit as SageMaker documents it (a share of the fleet's current instance count), named for messages. */
export interface SizeLimit extends ShareLimit {
  /** Plain words for the field, e.g. "Canary size". */
  label: string;
}

const fleetShare = (percent: number, fleet: number, round: (percent: number, fleet: number) => number) =>
  `${percent}% of the fleet (${round(percent, fleet)} of ${instances(fleet)})`;

/**
 * Errors of one canary, linear step or batch size against the fleet's current instance count, converting
 * INSTANCE_COUNT to a share of the fleet and CAPACITY_PERCENT to instances as capacity.ts rounds them.
 */
export function capacitySizeErrors(path: string, size: CapacitySize, fleet: number, limit: SizeLimit): FieldError[] {
  const value = size.value ?? 0;
  const at = (message: string): FieldError[] => [{ path: `${path}.value`, message: `${limit.label} ${message}` }];
  const least = sagemakerLimits.capacitySizeMinValue;
  if (!Number.isInteger(value) || value < least) return at(`must be at least ${least}; it is ${value}.`);
  if (size.type_ === 'INSTANCE_COUNT') {
    if (fleet === 0)
      return at('is a number of instances, but the endpoint runs no instances now; give it as a percentage.');
    const percent = (value / fleet) * 100;
    if (percent > limit.maxPercent)
      return at(`must be at most ${fleetShare(limit.maxPercent, fleet, instancesAtMost)}; it is ${instances(value)}.`);
    if (percent < limit.minPercent)
      return at(
        `must be at least ${fleetShare(limit.minPercent, fleet, instancesAtLeast)}; it is ${instances(value)}.`,
      );
    return [];
  }
  if (fleet === 0) {
    if (value > limit.maxPercent || value < limit.minPercent)
      return at(`must be from ${limit.minPercent}% to ${limit.maxPercent}% of the fleet; it is ${value}%.`);
    return [];
  }
  if (value > limit.maxPercent)
    return at(`must be at most ${fleetShare(limit.maxPercent, fleet, instancesAtMost)}; it is ${value}%.`);
  if (value < limit.minPercent)
    return at(`must be at least ${fleetShare(limit.minPercent, fleet, instancesAtLeast)}; it is ${value}%.`);
  // A step is at least one instance, so on a small fleet a small percentage still breaks the upper limit.
  const rounded = sizeAsInstances(size, fleet);
  if (rounded > instancesAtMost(limit.maxPercent, fleet)) {
    return at(
      `must be at most ${fleetShare(limit.maxPercent, fleet, instancesAtMost)}; ${value}% comes to ${instances(rounded)} (a step is at least one instance), so the fleet is too small for this policy.`,
    );
  }
  return [];
}

/** An error when an optional whole number of seconds lies outside SageMaker's range for it. */
export function secondsErrors(
  path: string,
  label: string,
  value: number | undefined,
  { min, max }: NumberRange,
): FieldError[] {
  if (value === undefined) return [];
  if (!Number.isInteger(value) || value < min || value > max) {
    return [{ path, message: `${label} must be from ${min} to ${max} seconds; it is ${value}.` }];
  }
  return [];
}

/** A size held against one live variant on instances: the errors it has there (none when it fits). */
export interface VariantSizeFit {
  variantName: string;
  errors: FieldError[];
}

/**
 * A canary, linear step or batch size held against each live variant on instances, each by its own current
 * instance count ("the variant's total instance count", API reference TrafficRoutingConfig, RollingUpdatePolicy).
 * Empty when no variant runs on instances.
 */
export function sizeFitByVariant(
  path: string,
  size: CapacitySize,
  variants: LiveVariant[],
  limit: SizeLimit,
): VariantSizeFit[] {
  return variants
    .filter((variant) => !variant.serverless)
    .map((variant) => ({
      variantName: variant.variantName,
      errors: capacitySizeErrors(path, size, variant.currentInstanceCount ?? 0, limit),
    }));
}
