import { ackConditionTypes } from '@/lib/schemas/ack';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { isRequeueMessage, terminalErrorReason } from './controller-error';
import { failedMeaning, liveConfigInMessage, modifyingStatuses, trueCondition } from './status-facts';

/** How an endpoint is doing, worst first. `progressing` is neither good nor bad: a change is under way. */
export const healthLevels = ['critical', 'warning', 'progressing', 'unknown', 'healthy'] as const;
export type HealthLevel = (typeof healthLevels)[number];

export interface Health {
  level: HealthLevel;
  /** Plain-language reasons, most important first. Empty only when healthy. */
  reasons: string[];
  /** Set when SageMaker rolled an update back and ACK will not retry it (docs/ack-behaviour.md §6.2). */
  rolledBack?: { failedConfigName: string; liveConfigName?: string; failureReason: string };
}

export const lastConfigForUpdateAnnotation = 'sagemaker.services.k8s.aws/last-endpoint-config-for-update';

/** A sentence ends with a full stop; failure reasons from SageMaker do not always. */
export const withStop = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * The health of an Endpoint from what ACK and SageMaker report. ACK.ResourceSynced=True does not mean healthy:
 * it is True for Failed and UpdateRollbackFailed too; and a failed update leaves the endpoint InService with a
 * failure reason (docs/ack-behaviour.md §2.4, §2.5, §6.2).
 */
export function endpointHealth(endpoint: Pick<Endpoint, 'metadata' | 'spec' | 'status'>): Health {
  const status = endpoint.status?.endpointStatus;
  const conditions = endpoint.status?.conditions ?? [];
  const failureReason = endpoint.status?.failureReason;
  const terminal = trueCondition(conditions, ackConditionTypes.terminal);
  const recoverable = trueCondition(conditions, ackConditionTypes.recoverable);
  const reasons: string[] = [];

  const submitted = endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation];
  const liveConfigName = liveConfigInMessage(terminal?.message);
  const rolledBack =
    status === 'InService' &&
    failureReason !== undefined &&
    submitted !== undefined &&
    submitted === endpoint.spec.endpointConfigName &&
    terminal !== undefined
      ? { failedConfigName: submitted, liveConfigName, failureReason }
      : undefined;

  const because = failureReason?.trim() ? `: ${withStop(failureReason.trim())}` : '.';
  // Failed follows a create, an update or a re-scale SageMaker could not complete, and nothing in the status says
  // which; DeleteEndpoint is all a Failed endpoint takes (docs/ack-behaviour.md §7.1).
  if (status === 'Failed')
    reasons.push(
      `The endpoint is Failed (${failedMeaning})${because} Only a delete is possible: delete it and create it again.`,
    );
  if (status === 'UpdateRollbackFailed') reasons.push(`An update failed and so did its rollback${because}`);
  if (status === 'OutOfService') reasons.push('The endpoint is out of service.');
  if (rolledBack) {
    reasons.push(`SageMaker rolled back the update to ${rolledBack.failedConfigName}: ${failureReason}`);
  } else if (terminal && status !== 'Failed') {
    reasons.push(terminalErrorReason(terminal.message ?? 'terminal error', status, endpoint.spec.endpointConfigName));
  }
  if (['Failed', 'UpdateRollbackFailed', 'OutOfService'].includes(status ?? '') || rolledBack || terminal) {
    return { level: 'critical', reasons, ...(rolledBack ? { rolledBack } : {}) };
  }

  // A requeue while SageMaker is busy or deleting is a wait, not an error (docs/ack-behaviour.md §7.2).
  if (recoverable && !isRequeueMessage(recoverable.message))
    reasons.push(`The controller is retrying: ${recoverable.message ?? 'recoverable error'}`);
  if (status === 'RollingBack') reasons.push('SageMaker is rolling an update back.');
  if (status === 'InService' && failureReason) reasons.push(`The last update failed: ${failureReason}`);
  const synced = conditions.find((condition) => condition.type === ackConditionTypes.synced);
  // Unknown after a failed DescribeEndpoint (C11): the runtime rewrote only the conditions, so the rest of the
  // status is what the last Describe that worked saw (docs/ack-behaviour.md §8.4).
  if (synced?.status === 'Unknown') {
    reasons.push(
      status !== undefined
        ? 'The controller could not read the endpoint from SageMaker; the status shown is from its last successful read.'
        : (synced.message ?? 'The controller cannot tell whether the endpoint is in sync.'),
    );
  }
  if (reasons.length > 0) return { level: 'warning', reasons };

  if (status === undefined)
    return { level: 'unknown', reasons: ['The controller has not reported on this endpoint yet.'] };
  if (modifyingStatuses.has(status)) return { level: 'progressing', reasons: [`The endpoint is ${status}.`] };
  if (status === 'InService') return { level: 'healthy', reasons: [] };
  return { level: 'unknown', reasons: [`SageMaker reports a status Fleetdeck does not know: ${status}.`] };
}
