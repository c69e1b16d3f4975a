import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import { validation } from './errors';
import { instanceTotal } from './fleet';
import { simulatedLimits as limits, type Range } from './limits';
import type { CapacitySize } from './traffic-steps';
import type { SimVariant } from './types';

// The limits SageMaker's UpdateEndpoint enforces on a deployment config (limits.ts), written from its API
// reference and the deployment guardrails guide. Each violation is a ValidationException, which ACK treats as
// recoverable.

function inRange(field: string, value: number | undefined, { min, max }: Range): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw validation(
      `Value ${value} at '${field}' failed to satisfy constraint: Member must be between ${min} and ${max}.`,
    );
  }
}

function checkAlarms(config: DeploymentConfig): void {
  const alarms = config.autoRollbackConfiguration?.alarms;
  if (alarms === undefined) return;
  if (alarms.length < limits.alarms.min || alarms.length > limits.alarms.max) {
    throw validation(
      `Value at 'deploymentConfig.autoRollbackConfiguration.alarms' failed to satisfy constraint: Member must have length between ${limits.alarms.min} and ${limits.alarms.max}.`,
    );
  }
  alarms.forEach((alarm, index) => {
    const name = alarm.alarmName ?? '';
    const { min, max } = limits.alarmNameLength;
    if (name.trim() === '' || name.length < min || name.length > max) {
      throw validation(
        `Value '${name}' at 'deploymentConfig.autoRollbackConfiguration.alarms.${index + 1}.alarmName' failed to satisfy constraint: Member must have length between ${min} and ${max}.`,
      );
    }
  });
}

/** A size as a percentage of `instances`; a count against no instances is more than all of them. */
function sizeAsPercent(size: CapacitySize, instances: number): number {
  const value = size.value ?? 0;
  if (size.type_ === 'INSTANCE_COUNT') return instances > 0 ? (value / instances) * 100 : Infinity;
  return value;
}

/**
 * Whether a canary or linear size is within `min`..`max` percent of "the variant's total instance count"
 * (TrafficRoutingConfig). Which variant, on an endpoint with several, the API does not say, so the simulator
 * takes the permissive reading: the size passes when it fits any one instance-backed variant. A fleet with no
 * instances (serverless) has no instance count to hold a size against; a percentage is checked as such and a
 * count is let through.
 */
function fitsSomeVariant(size: CapacitySize, fleet: SimVariant[], { min, max }: Range): boolean {
  const counts = fleet.flatMap((variant) => (variant.instanceCount !== undefined ? [variant.instanceCount] : []));
  if (counts.length === 0)
    return size.type_ === 'INSTANCE_COUNT' || ((size.value ?? 0) >= min && (size.value ?? 0) <= max);
  return counts.some((count) => {
    const percent = sizeAsPercent(size, count);
    return percent >= min && percent <= max;
  });
}

const variantCounts = (fleet: SimVariant[]) =>
  fleet.flatMap((variant) => (variant.instanceCount !== undefined ? [variant.instanceCount] : [])).join(', ') || 'none';

function checkBlueGreen(config: DeploymentConfig, fleet: SimVariant[]): void {
  const policy = config.blueGreenUpdatePolicy;
  if (!policy) return;
  const routing = policy.trafficRoutingConfiguration;
  inRange(
    'deploymentConfig.blueGreenUpdatePolicy.terminationWaitInSeconds',
    policy.terminationWaitInSeconds,
    limits.terminationWaitInSeconds,
  );
  inRange(
    'deploymentConfig.blueGreenUpdatePolicy.maximumExecutionTimeoutInSeconds',
    policy.maximumExecutionTimeoutInSeconds,
    limits.maximumExecutionTimeoutInSeconds,
  );
  inRange(
    'deploymentConfig.blueGreenUpdatePolicy.trafficRoutingConfiguration.waitIntervalInSeconds',
    routing?.waitIntervalInSeconds,
    limits.waitIntervalInSeconds,
  );
  const least = limits.capacitySizeMinValue;
  if (routing?.type_ === 'CANARY') {
    if (!routing.canarySize) throw validation('CanarySize must be specified for traffic routing type CANARY.');
    const { max } = limits.canarySizePercent;
    if (
      (routing.canarySize.value ?? 0) < least ||
      !fitsSomeVariant(routing.canarySize, fleet, limits.canarySizePercent)
    ) {
      throw validation(
        `Canary size must be at least ${least} and at most ${max}% of the variant's total instance count (${variantCounts(fleet)}).`,
      );
    }
  }
  if (routing?.type_ === 'LINEAR') {
    if (!routing.linearStepSize) throw validation('LinearStepSize must be specified for traffic routing type LINEAR.');
    const { min, max } = limits.linearStepSizePercent;
    if (
      (routing.linearStepSize.value ?? 0) < least ||
      !fitsSomeVariant(routing.linearStepSize, fleet, limits.linearStepSizePercent)
    ) {
      throw validation(
        `Linear step size must be between ${min}% and ${max}% of the variant's total instance count (${variantCounts(fleet)}).`,
      );
    }
  }
  const timeout = policy.maximumExecutionTimeoutInSeconds;
  const waits = (routing?.waitIntervalInSeconds ?? 0) + (policy.terminationWaitInSeconds ?? 0);
  if (timeout !== undefined && timeout <= waits) {
    throw validation('MaximumExecutionTimeoutInSeconds must be greater than the sum of the wait intervals.');
  }
}

function checkRolling(config: DeploymentConfig, current: SimVariant[], target: SimVariant[]): void {
  const policy = config.rollingUpdatePolicy;
  if (!policy) return;
  if (current.length > 1 || target.length > 1) {
    throw validation('Rolling deployments are not supported for endpoints with more than one production variant.');
  }
  if ([...current, ...target].some((variant) => variant.serverless)) {
    throw validation('Rolling deployments are not supported for serverless endpoints.');
  }
  inRange(
    'deploymentConfig.rollingUpdatePolicy.waitIntervalInSeconds',
    policy.waitIntervalInSeconds,
    limits.waitIntervalInSeconds,
  );
  inRange(
    'deploymentConfig.rollingUpdatePolicy.maximumExecutionTimeoutInSeconds',
    policy.maximumExecutionTimeoutInSeconds,
    limits.maximumExecutionTimeoutInSeconds,
  );
  const least = limits.capacitySizeMinValue;
  // One variant only (refused above), so its instances are the endpoint's.
  const instances = instanceTotal(target);
  const batch = policy.maximumBatchSize;
  if (batch) {
    const percent = sizeAsPercent(batch, instances);
    const { min, max } = limits.maximumBatchSizePercent;
    if ((batch.value ?? 0) < least || percent < min || percent > max) {
      throw validation(
        `maximumBatchSize must be between ${min}% and ${max}% of the variant's total instance count (${instances}).`,
      );
    }
  }
  // The rollback batch has no 5-50% guardrail: its default is 100%, the whole old fleet back at once.
  const rollbackBatch = policy.rollbackMaximumBatchSize;
  const rollbackMax = limits.rollbackMaximumBatchSizePercent.max;
  if (rollbackBatch && ((rollbackBatch.value ?? 0) < least || sizeAsPercent(rollbackBatch, instances) > rollbackMax)) {
    throw validation(
      `rollbackMaximumBatchSize must be at least ${least} and at most ${rollbackMax}% of the variant's total instance count (${instances}).`,
    );
  }
  const timeout = policy.maximumExecutionTimeoutInSeconds;
  if (timeout !== undefined && timeout <= (policy.waitIntervalInSeconds ?? 0)) {
    throw validation('MaximumExecutionTimeoutInSeconds must be greater than the wait interval.');
  }
}

/** Throws the ValidationException SageMaker gives for a deployment config it refuses for this update. */
export function validateDeploymentConfig(
  config: DeploymentConfig | undefined,
  current: SimVariant[],
  target: SimVariant[],
): void {
  if (!config) return;
  if (config.blueGreenUpdatePolicy && config.rollingUpdatePolicy) {
    throw validation('Only one of BlueGreenUpdatePolicy and RollingUpdatePolicy can be specified.');
  }
  checkAlarms(config);
  checkBlueGreen(config, target);
  checkRolling(config, current, target);
  const before = current
    .map((variant) => variant.variantName)
    .sort()
    .join(',');
  const after = target
    .map((variant) => variant.variantName)
    .sort()
    .join(',');
  if (before !== after) {
    throw validation(
      `The new endpoint configuration must keep the production variant names of the current one (${before}) when a DeploymentConfig is given.`,
    );
  }
}

/**
 * SageMaker skips guardrails for Inf1 instances and AWS Marketplace containers: the update runs all at once,
 * with no bake and no alarm watch.
 */
export function guardrailsApply(target: SimVariant[], usesMarketplaceModel: boolean): boolean {
  return !usesMarketplaceModel && !target.some((variant) => variant.instanceType?.startsWith('ml.inf1.'));
}
