import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import type { ProductionVariant } from '@/lib/schemas/endpoint-config';
import { rolloutSchedule } from './schedule';

/** A variant's launch timeouts as its EndpointConfig sets them (ProductionVariant). */
export type LaunchTimeouts = Pick<
  ProductionVariant,
  'modelDataDownloadTimeoutInSeconds' | 'containerStartupHealthCheckTimeoutInSeconds'
>;

// ModelDataDownloadTimeoutInSeconds and ContainerStartupHealthCheckTimeoutInSeconds bound how long SageMaker
// waits for an instance to download its model and pass its health check before the launch fails. The API
// reference (ProductionVariant) gives their range, 60-3600 s, but no default: an unset one adds nothing beyond
// the plan's own launch allowance (INSTANCE_LAUNCH_ALLOWANCE_SECONDS), and the caller's floor still applies.
const launchTimeoutSeconds = (variants: LaunchTimeouts[]) =>
  Math.max(
    0,
    ...variants.map(
      (variant) =>
        (variant.modelDataDownloadTimeoutInSeconds ?? 0) + (variant.containerStartupHealthCheckTimeoutInSeconds ?? 0),
    ),
  );

/**
 * How long the deployment policy's plan should take on a fleet of `instanceCount` instances: launches (with
 * INSTANCE_LAUNCH_ALLOWANCE_SECONDS each, plus the longest download and start-up timeouts `variants` of the
 * config being deployed configure), traffic shifts, bakes and the termination wait, as rolloutSchedule plans
 * them. Undefined without a policy: SageMaker then deploys all at once and no plan exists to overrun.
 */
export function expectedRolloutSeconds(
  deploymentConfig: DeploymentConfig | undefined,
  instanceCount: number,
  variants: LaunchTimeouts[] = [],
): number | undefined {
  if (!deploymentConfig?.blueGreenUpdatePolicy && !deploymentConfig?.rollingUpdatePolicy) return undefined;
  const schedule = rolloutSchedule(deploymentConfig, { oldInstances: instanceCount, newInstances: instanceCount });
  // Blue/green launches the new fleet once; a rolling update launches once per batch.
  const launches = schedule.kind === 'rolling' ? schedule.steps.length : 1;
  return schedule.expectedTotalSeconds + launches * launchTimeoutSeconds(variants);
}

/**
 * How long an update may run before it counts as too long: the policy's plan (expectedRolloutSeconds), but
 * never less than `noPolicySeconds`, what an update without a policy is allowed. A policy only adds steps and
 * waits to an all-at-once update, so it must never be flagged sooner than one without a policy.
 */
export function updateAllowanceSeconds(expectedSeconds: number | undefined, noPolicySeconds: number): number {
  return Math.max(noPolicySeconds, expectedSeconds ?? 0);
}
