import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { rolloutSchedule } from './schedule';

/**
 * How long the deployment policy's plan should take on a fleet of `instanceCount` instances: launches (with
 * INSTANCE_LAUNCH_ALLOWANCE_SECONDS each), traffic shifts, bakes and the termination wait, as rolloutSchedule
 * plans them. Undefined without a policy: SageMaker then deploys all at once and no plan exists to overrun.
 */
export function expectedRolloutSeconds(deploymentConfig: DeploymentConfig | undefined, instanceCount: number): number | undefined {
  if (!deploymentConfig?.blueGreenUpdatePolicy && !deploymentConfig?.rollingUpdatePolicy) return undefined;
  return rolloutSchedule(deploymentConfig, { oldInstances: instanceCount, newInstances: instanceCount }).expectedTotalSeconds;
}
