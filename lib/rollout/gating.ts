import { failedMeaning } from '@/lib/endpoints/status-facts';
import type { RolloutContext } from './context';

/** Whether a rollout may start now, and why not when it may not. */
export type RolloutGate = { allowed: true } | { allowed: false; reason: string };

// The controller holds a spec change back while SageMaker is busy with the endpoint: it requeues every 30 s
// and applies the change once the endpoint leaves that state (docs/ack-behaviour.md §6.1 step 1, §7.2). A rollout
// started then would run later, unseen, on top of whatever the endpoint is doing; so Fleetdeck waits.
const held = (doing: string): RolloutGate => ({
  allowed: false,
  reason: `The endpoint is ${doing}. ACK holds any change back while an endpoint is in this state and applies it only afterwards, so start the rollout once it is InService.`,
});

/**
 * Rollout gating per live endpointStatus, as data (docs/ack-behaviour.md §7.2). InService, OutOfService and
 * UpdateRollbackFailed take an UpdateEndpoint; Failed never does.
 */
export const rolloutGates: Readonly<Record<string, RolloutGate>> = {
  InService: { allowed: true },
  OutOfService: { allowed: true },
  UpdateRollbackFailed: { allowed: true },
  Creating: held('Creating (SageMaker is still creating it)'),
  Updating: held('Updating (another deployment is in progress)'),
  SystemUpdating: held('SystemUpdating (AWS maintenance is in progress)'),
  RollingBack: held('RollingBack (SageMaker is rolling an update back)'),
  Deleting: held('Deleting'),
  // docs/ack-behaviour.md §6.1 step 2a: a Failed endpoint refuses every update with a terminal EndpointUpdateError.
  Failed: {
    allowed: false,
    reason: `The endpoint is Failed: ${failedMeaning}, and a Failed endpoint can never be updated (ACK refuses with a terminal error). Delete the endpoint and create it again.`,
  },
};

/** Whether the endpoint may take a rollout now. An unknown or missing status is refused: nothing can be promised. */
export function gateRollout(context: Pick<RolloutContext, 'endpointStatus'>): RolloutGate {
  const status = context.endpointStatus;
  if (status === undefined) {
    return {
      allowed: false,
      reason:
        "The controller has not reported this endpoint's status yet, so a rollout cannot start; wait until it is InService.",
    };
  }
  return (
    (Object.hasOwn(rolloutGates, status) ? rolloutGates[status] : undefined) ?? {
      allowed: false,
      reason: `SageMaker reports a status Fleetdeck does not know (${status}), so a rollout cannot start safely.`,
    }
  );
}
