import type { AckCondition } from '../../lib/schemas/ack';

// ACK condition lists exactly as the runtime builds them (docs/ack-behaviour.md §8, §11.6). Conditions set through
// the runtime's Set* helpers carry lastTransitionTime = now, restamped on every reconcile even when nothing
// changed (the 30-second churn); conditions from API errors carry neither lastTransitionTime nor reason.

export const conditionTypes = {
  synced: 'ACK.ResourceSynced',
  terminal: 'ACK.Terminal',
  recoverable: 'ACK.Recoverable',
  lateInitialized: 'ACK.LateInitialized',
  ready: 'Ready',
} as const;

export const messages = {
  synced: 'Resource synced successfully',
  notSynced: 'Resource not synced',
  unknown: 'Unable to determine if desired resource state matches latest observed state',
  terminalReason: 'resource is in terminal condition',
  lateInitialized: 'Late initialization successful',
  notImplemented: 'not implemented',
} as const;

type Status = 'True' | 'False' | 'Unknown';

/** A condition set through a runtime helper: stamped with now. */
export function stamped(type: string, status: Status, message: string, now: string, reason?: string): AckCondition {
  return { type, status, lastTransitionTime: now, message, ...(reason !== undefined ? { reason } : {}) };
}

/** A Terminal or Recoverable condition from an error: no lastTransitionTime, no reason. */
export const fromError = (type: string, message: string): AckCondition => ({ type, status: 'True', message });

const isTrue = (conditions: AckCondition[], type: string) =>
  conditions.find((c) => c.type === type && c.status === 'True');

/**
 * Appends `Ready` as `ensureConditions` derives it: False with Terminal's message if Terminal is True, else
 * False with Recoverable's if that is True, else a copy of ResourceSynced.
 */
export function withReady(conditions: AckCondition[], now: string): AckCondition[] {
  const terminal = isTrue(conditions, conditionTypes.terminal);
  const recoverable = isTrue(conditions, conditionTypes.recoverable);
  const synced = conditions.find((c) => c.type === conditionTypes.synced);
  let ready: AckCondition;
  if (terminal) ready = stamped(conditionTypes.ready, 'False', terminal.message ?? '', now, conditionTypes.terminal);
  else if (recoverable)
    ready = stamped(conditionTypes.ready, 'False', recoverable.message ?? '', now, conditionTypes.recoverable);
  else if (synced) ready = { ...synced, type: conditionTypes.ready, lastTransitionTime: now };
  else ready = stamped(conditionTypes.ready, 'Unknown', messages.unknown, now);
  return [...conditions, ready];
}

/** C9 and C11: a recoverable error from CreateEndpoint, or any error from DescribeEndpoint that is not a not-found. */
export function recoverableUnobserved(errorText: string, sdkErrorChain: string, now: string): AckCondition[] {
  return withReady(
    [
      fromError(conditionTypes.recoverable, errorText),
      stamped(conditionTypes.synced, 'Unknown', messages.unknown, now, sdkErrorChain),
    ],
    now,
  );
}

/** C10 and the immutable kinds' "not implemented": a terminal error with Synced False. */
export function terminalUnsynced(errorText: string, now: string): AckCondition[] {
  return withReady(
    [
      fromError(conditionTypes.terminal, errorText),
      stamped(conditionTypes.synced, 'False', messages.notSynced, now, messages.terminalReason),
    ],
    now,
  );
}

/** EndpointConfig and Model after a successful sync (docs/ack-behaviour.md §11.6). The empty reason is really written. */
export function immutableSynced(now: string): AckCondition[] {
  return withReady(
    [
      stamped(conditionTypes.lateInitialized, 'True', messages.lateInitialized, now, messages.lateInitialized),
      stamped(conditionTypes.synced, 'True', messages.synced, now, ''),
    ],
    now,
  );
}
