import type { CapacitySizeType } from '@/lib/schemas/deployment-config';

/** A canary, linear step or rolling batch size as the deployment config gives it. */
export interface CapacitySize {
  type_?: CapacitySizeType | string;
  value?: number;
}

// Rounding, chosen once for validation, plans and durations alike: a percentage of the fleet becomes
// floor(fleet × percent / 100) instances, at least 1 and at most the whole fleet. Down, because these are
// maximums ("maximumBatchSize", "at most 50%"): rounding up could take a 50% canary of 3 instances to 2, which
// is 67%. At least 1, because a step of no instances would never finish. SageMaker does not document its own
// rounding; validate.ts reports a percentage whose rounded instance count breaks a limit, so the two agree.

/** A size as a percentage of the fleet, unrounded. Undefined when a count cannot be related to an empty fleet. */
export function sizeAsPercent(size: CapacitySize, fleetInstances: number): number | undefined {
  const value = size.value ?? 0;
  if (size.type_ !== 'INSTANCE_COUNT') return value;
  return fleetInstances > 0 ? (value / fleetInstances) * 100 : undefined;
}

/** A size as a number of instances of the fleet: a count as given, a percentage rounded down; 1..fleet (0 for no fleet). */
export function sizeAsInstances(size: CapacitySize, fleetInstances: number): number {
  if (fleetInstances <= 0) return 0;
  const value = size.value ?? 0;
  const count = size.type_ === 'INSTANCE_COUNT' ? value : Math.floor((fleetInstances * value) / 100);
  return Math.max(1, Math.min(fleetInstances, count));
}

/** The most instances `percent` of the fleet allows (for messages such as "2 of 4 instances"). */
export function instancesAtMost(percent: number, fleetInstances: number): number {
  return Math.floor((fleetInstances * percent) / 100 + 1e-9);
}

/** The fewest instances that make at least `percent` of the fleet. */
export function instancesAtLeast(percent: number, fleetInstances: number): number {
  return Math.ceil((fleetInstances * percent) / 100 - 1e-9);
}

/** "1 instance", "3 instances". */
export const instances = (count: number) => `${count} ${count === 1 ? 'instance' : 'instances'}`;

/** A size in words: "3 instances" or "10%". */
export const describeSize = (size: CapacitySize) =>
  size.type_ === 'INSTANCE_COUNT' ? instances(size.value ?? 0) : `${size.value ?? 0}%`;
