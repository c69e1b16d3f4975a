import type { AckCondition } from '../../lib/schemas/ack';
import { conditionTypes, fromError, stamped, withReady } from './conditions';

// Endpoint conditions per situation, C1-C8 and C12 of docs/ack-behaviour.md §8.4 (C9-C11 are in conditions.ts).

/** The statuses in which ACK will not call UpdateEndpoint or DeleteEndpoint (`modifyingStatuses`). */
export const modifyingStatuses = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting']);

export const cannotModify = (status: string) => `Endpoint in ${status} state cannot be modified or deleted.`;
export const updateRefused = (liveConfigName: string) =>
  `api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is ${liveConfigName}`;

/** C1, C2, C3: what the status hook sets from the described endpointStatus. */
export function observedConditions(status: string, now: string): AckCondition[] {
  const synced = stamped(
    conditionTypes.synced,
    modifyingStatuses.has(status) ? 'False' : 'True',
    `Endpoint is in ${status} status.`,
    now,
  );
  if (status !== 'Failed') return [synced];
  return [
    synced,
    stamped(
      conditionTypes.terminal,
      'True',
      'Endpoint status reached terminal state: Failed. Check the FailureReason.',
      now,
    ),
  ];
}

/** C4: a spec change held back because the endpoint is still modifying. */
export const deferredConditions = (status: string, now: string) =>
  withReady([...observedConditions(status, now), fromError(conditionTypes.recoverable, cannotModify(status))], now);

/** C6: the update is refused for good; Failed endpoints keep their stamped Terminal with the new message. */
export function refusedConditions(status: string, liveConfigName: string, now: string): AckCondition[] {
  const message = updateRefused(liveConfigName);
  const synced = stamped(conditionTypes.synced, 'False', message, now);
  const terminal =
    status === 'Failed'
      ? stamped(conditionTypes.terminal, 'True', message, now)
      : fromError(conditionTypes.terminal, message);
  return withReady([synced, terminal], now);
}

/** C7 (recoverable) or C8 (terminal): UpdateEndpoint answered with an AWS error. */
export const updateErrorConditions = (status: string, errorText: string, terminal: boolean, now: string) =>
  withReady(
    [
      ...observedConditions(status, now),
      fromError(terminal ? conditionTypes.terminal : conditionTypes.recoverable, errorText),
    ],
    now,
  );

/**
 * C12: during deletion conditions are not rebuilt. Synced is updated in place, earlier Terminal and
 * Recoverable are turned False with no message, Ready is left stale, and Recoverable says why ACK waits.
 */
export function deletingConditions(
  previous: AckCondition[],
  liveStatus: string,
  recoverableMessage: string,
  now: string,
): AckCondition[] {
  const synced = stamped(conditionTypes.synced, 'False', `Endpoint is in ${liveStatus} status.`, now);
  const kept = previous.map((condition) => {
    if (condition.type === conditionTypes.synced) return synced;
    if (condition.type === conditionTypes.terminal || condition.type === conditionTypes.recoverable) {
      // Flipped in place: status False, message cleared, timestamp and reason kept.
      const { message: _message, ...rest } = condition;
      return { ...rest, status: 'False' };
    }
    return condition;
  });
  if (!kept.some((condition) => condition.type === conditionTypes.synced)) kept.push(synced);
  // Updated in place when present, otherwise appended after the stale Ready, as the runtime's setter does.
  const recoverable = fromError(conditionTypes.recoverable, recoverableMessage);
  const index = kept.findIndex((condition) => condition.type === conditionTypes.recoverable);
  if (index >= 0) kept[index] = recoverable;
  else kept.push(recoverable);
  return kept;
}
