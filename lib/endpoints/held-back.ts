import { ackConditionTypes } from '@/lib/schemas/ack';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { controllerError, isRequeueMessage } from './controller-error';
import { endpointHealth, lastConfigForUpdateAnnotation } from './health';
import { liveConfigInMessage, modifyingStatuses, trueCondition } from './status-facts';

/**
 * A spec change the controller has not applied and says why: `waiting` for SageMaker to leave a modifying
 * state, `refused` after a terminal error (it will not try again until the spec changes), `retrying` after a
 * recoverable error.
 */
export interface HeldBack {
  /** The config the spec asks for. */
  configName: string;
  kind: 'waiting' | 'refused' | 'retrying';
  reason: string;
}

/**
 * The config SageMaker last accepted for this endpoint and has not reported failing: the annotation
 * sagemaker.services.k8s.aws/last-endpoint-config-for-update while no failureReason is reported, else undefined.
 * The annotation records the last config the controller submitted with a successful UpdateEndpoint, not the config
 * running now: after SageMaker rolls an update back it keeps naming the failed config, also once the spec points
 * back at the live one, and SageMaker keeps the failure reason until a later update succeeds
 * (docs/ack-behaviour.md §4.4, §6.3, §10.2). With no failure reason the last submitted update succeeded or is
 * still running, so the annotation names the config running or in flight. It is never written at create.
 */
export function lastAcceptedConfig(endpoint: Pick<Endpoint, 'metadata' | 'status'>): string | undefined {
  if (endpoint.status?.failureReason !== undefined) return undefined;
  return endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation];
}

/**
 * The spec change the controller is holding back, or undefined. A change counts as held back when
 * spec.endpointConfigName differs from the config in flight (the pending deployment's, else lastAcceptedConfig)
 * while SageMaker is busy, or when a Terminal or Recoverable condition stands between the spec and SageMaker. An
 * update SageMaker rolled back is not a held-back change: `endpointHealth` reports it as `rolledBack`. Deleting
 * endpoints hold nothing back: the change would be moot.
 */
export function heldBackChange(endpoint: Pick<Endpoint, 'metadata' | 'spec' | 'status'>): HeldBack | undefined {
  const status = endpoint.status?.endpointStatus;
  if (status === undefined || status === 'Deleting' || endpoint.metadata.deletionTimestamp) return undefined;
  const target = endpoint.spec.endpointConfigName;
  const accepted = lastAcceptedConfig(endpoint);
  const conditions = endpoint.status?.conditions;

  if (modifyingStatuses.has(status)) {
    const inFlight = endpoint.status?.pendingDeploymentSummary?.endpointConfigName ?? accepted;
    // Without a name in flight (the first create before SageMaker reports a deployment; an endpoint whose last
    // update failed, whose annotation names a config it does not run) only the controller's "cannot be
    // modified" requeue (C4) shows that the spec moved: the controller sends it only when the spec differs from
    // what SageMaker reports (docs/ack-behaviour.md §6.1 step 1).
    const requeued = isRequeueMessage(trueCondition(conditions, ackConditionTypes.recoverable)?.message);
    const moved = inFlight !== undefined ? target !== inFlight : requeued;
    if (!moved) return undefined;
    return {
      configName: target,
      kind: 'waiting',
      reason: `The spec asks for ${target}, but the endpoint is ${status} and cannot be modified until SageMaker finishes. The controller checks every 30 s and applies the change then.`,
    };
  }

  const error = controllerError(conditions);
  if (!error) return undefined;
  if (error.type === ackConditionTypes.terminal) {
    // A Failed endpoint refuses every update with EndpointUpdateError (docs/ack-behaviour.md §6.1 rule 2a, §7.2).
    if (status === 'Failed') {
      if (!error.message.includes('EndpointUpdateError')) return undefined;
      return {
        configName: target,
        kind: 'refused',
        reason: `SageMaker cannot update a Failed endpoint, so the controller will not apply ${target}. Delete the endpoint and create it again.`,
      };
    }
    if (endpointHealth(endpoint).rolledBack) return undefined;
    const live = liveConfigInMessage(error.message);
    if (live === target || accepted === target) return undefined;
    return {
      configName: target,
      kind: 'refused',
      reason: `The controller stopped on an error and will not apply ${target} until the spec changes again: ${error.message}`,
    };
  }
  // Recoverable with ResourceSynced True means Describe worked and the update call failed (C7): the controller
  // calls UpdateEndpoint only when the spec differs from what SageMaker reports. Otherwise (Synced Unknown, a
  // failed Describe, C11) the spec moved only if it differs from a config SageMaker accepted; without one (never
  // updated, or the last update failed) nothing tells, and nothing is claimed.
  const synced = conditions?.find((condition) => condition.type === ackConditionTypes.synced)?.status === 'True';
  if (accepted === target || (accepted === undefined && !synced)) return undefined;
  return {
    configName: target,
    kind: 'retrying',
    reason: `The controller has not applied ${target} yet; it keeps retrying after an error: ${error.message}`,
  };
}
