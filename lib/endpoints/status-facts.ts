import type { AckCondition } from '@/lib/schemas/ack';
import type { Model } from '@/lib/schemas/model';

// What the controller and SageMaker report, read one way everywhere: health, held-back changes, rollout gating
// and history, the status vocabulary and the guardrail checks import these instead of restating them.

/**
 * The states in which SageMaker is busy with the endpoint and the controller defers every spec change
 * (docs/ack-behaviour.md §6.1 step 1, §7.2).
 */
export const modifyingStatuses: ReadonlySet<string> = new Set([
  'Creating',
  'Updating',
  'SystemUpdating',
  'RollingBack',
  'Deleting',
]);

/** What SageMaker's EndpointStatus Failed means, in words that fit a failed create and a failed update alike. */
export const failedMeaning = 'SageMaker could not create, update or re-scale it';

/** The condition of `type` when its status is True. */
export const trueCondition = (conditions: AckCondition[] | undefined, type: string): AckCondition | undefined =>
  conditions?.find((condition) => condition.type === type && condition.status === 'True');

// The controller's refusal of an update SageMaker rolled back names the config the endpoint runs
// (docs/ack-behaviour.md §6.2): "... latest EndpointConfigName is <name>".
const LIVE_CONFIG = /latest EndpointConfigName is (\S+)/;

/** The config a Terminal message says the endpoint runs, or undefined when it names none. */
export const liveConfigInMessage = (message: string | undefined): string | undefined =>
  message ? LIVE_CONFIG.exec(message)?.[1] : undefined;

// Marketplace model packages cannot be told from one's own by name (sellers own their ARNs), so any model
// package counts: the guardrail warning it feeds says "may", and a false "may" costs less than a silent skip.
/** Whether a Model runs a model package in any container, as AWS Marketplace models do. */
export function usesModelPackage(model: Pick<Model, 'spec'>): boolean {
  const containers = [model.spec.primaryContainer, ...(model.spec.containers ?? [])];
  return containers.some((container) => Boolean(container?.modelPackageName));
}
