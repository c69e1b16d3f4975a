import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import type { ProductionVariantSummary } from '@/lib/schemas/endpoint';
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
 * How long the deployment policy's plan should take when `instanceCount` instances run now: launches (with
 * INSTANCE_LAUNCH_ALLOWANCE_SECONDS each, plus the longest download and start-up timeouts `variants` of the
 * config being deployed configure), traffic shifts, bakes and the termination wait, as rolloutSchedule plans
 * them. `newVariantInstances` are the new fleet's instances per variant on instances: canary and linear steps
 * are sized against each variant's own count, so a multi-variant endpoint takes as many steps as its slowest
 * variant (docs/ack-behaviour.md §13.4). Without them the new fleet is planned as one variant of `instanceCount`.
 * Undefined without a policy: SageMaker then deploys all at once and no plan exists to overrun.
 */
export function expectedRolloutSeconds(
  deploymentConfig: DeploymentConfig | undefined,
  instanceCount: number,
  variants: LaunchTimeouts[] = [],
  newVariantInstances?: number[],
): number | undefined {
  if (!deploymentConfig?.blueGreenUpdatePolicy && !deploymentConfig?.rollingUpdatePolicy) return undefined;
  const perVariant = newVariantInstances?.filter((count) => count > 0) ?? [];
  const schedule = rolloutSchedule(
    deploymentConfig,
    perVariant.length > 0
      ? {
          oldInstances: instanceCount,
          newInstances: perVariant.reduce((sum, count) => sum + count, 0),
          newVariantInstances: perVariant,
        }
      : { oldInstances: instanceCount, newInstances: instanceCount },
  );
  // Blue/green launches the new fleet once; a rolling update launches once per batch.
  const launches = schedule.kind === 'rolling' ? schedule.steps.length : 1;
  return schedule.expectedTotalSeconds + launches * launchTimeoutSeconds(variants);
}

/** A variant as DescribeEndpoint reports it, running or pending (docs/ack-behaviour.md §4.2, §4.3). */
type ReportedVariant = Pick<
  ProductionVariantSummary,
  'desiredInstanceCount' | 'currentInstanceCount' | 'desiredServerlessConfig' | 'currentServerlessConfig'
>;

/**
 * The new fleet's instances per variant on instances, for expectedRolloutSeconds: the pending deployment's
 * variants while one is reported (they carry the counts SageMaker deploys, retained ones included,
 * docs/ack-behaviour.md §2.3), else the running ones, which an update retains. Serverless variants have none.
 */
export function newFleetVariantInstances(pending: ReportedVariant[] | undefined, running: ReportedVariant[]): number[] {
  return (pending ?? running).flatMap((variant) =>
    variant.desiredServerlessConfig || variant.currentServerlessConfig
      ? []
      : [variant.desiredInstanceCount ?? variant.currentInstanceCount ?? 0],
  );
}

/**
 * How long an update may run before it counts as too long: the policy's plan (expectedRolloutSeconds), but
 * never less than `noPolicySeconds`, what an update without a policy is allowed. A policy only adds steps and
 * waits to an all-at-once update, so it must never be flagged sooner than one without a policy.
 */
export function updateAllowanceSeconds(expectedSeconds: number | undefined, noPolicySeconds: number): number {
  return Math.max(noPolicySeconds, expectedSeconds ?? 0);
}
