import type { AckCondition } from '@/lib/schemas/ack';
import { ackConditionTypes } from '@/lib/schemas/ack';
import { isRequeueMessage } from './controller-error';
import type { StatusDisplay } from './status-vocabulary';

/** What an ACK condition type means on the SageMaker kinds Fleetdeck shows (docs/ack-behaviour.md §8). */
export interface ConditionMeaning {
  type: string;
  title: string;
  whenTrue: string;
  whenFalse: string;
  whenUnknown?: string;
  /** The trap to know when reading it. */
  note?: string;
}

export const conditionMeanings: readonly ConditionMeaning[] = [
  {
    type: ackConditionTypes.ready,
    title: 'Ready',
    whenTrue: 'The controller has nothing left to do: the spec is applied and no error stands.',
    whenFalse: 'Something stands between the spec and SageMaker: a change under way, an error being retried, or one the controller gave up on. The message is the one of that condition.',
    whenUnknown: 'The controller cannot tell whether the spec is applied.',
    note: 'Derived on every sync from Terminal, then Recoverable, then ResourceSynced. A delete does not refresh it, so it goes stale while an endpoint is deleted.',
  },
  {
    type: ackConditionTypes.synced,
    title: 'Synced',
    whenTrue: 'SageMaker runs what the spec asks for and is not changing the endpoint.',
    whenFalse: 'SageMaker is changing the endpoint (creating, updating, rolling back, deleting), or the controller refused a change.',
    whenUnknown: 'The controller could not read the endpoint from SageMaker; it retries.',
    note: 'True does not mean healthy: it is True for Failed, OutOfService and UpdateRollbackFailed endpoints too.',
  },
  {
    type: ackConditionTypes.terminal,
    title: 'Terminal error',
    whenTrue: 'The controller gave up and will not try again until the spec changes: a Failed endpoint, an update SageMaker rolled back, or a parameter SageMaker rejects.',
    whenFalse: 'No terminal error. The controller writes False when a delete clears an earlier one.',
  },
  {
    type: ackConditionTypes.recoverable,
    title: 'Retrying',
    whenTrue: 'The controller hit an error it retries with growing back-off (throttling, access denied, a missing config or model).',
    whenFalse: 'Nothing to retry. The controller writes False when a delete clears an earlier error.',
    note: 'The controller also uses it to wait: "Endpoint in <state> state cannot be modified or deleted." holds a change back until SageMaker finishes, and "Endpoint is Deleting." marks a delete in progress.',
  },
  {
    type: ackConditionTypes.lateInitialized,
    title: 'Defaults filled in',
    whenTrue: 'The controller copied a default SageMaker chose (enableNetworkIsolation) into the spec. Seen on EndpointConfigs and Models, not on Endpoints.',
    whenFalse: 'SageMaker has not reported the default yet; the controller looks again in 5 s.',
  },
  {
    type: ackConditionTypes.advisory,
    title: 'Advisory',
    whenTrue: 'A notice that needs no action now. ACK sets it only for cross-namespace references and edits to immutable fields, which these kinds do not have.',
    whenFalse: 'No notice.',
  },
];

/** lastTransitionTime is restamped on every reconcile, so it dates the controller's last look (docs/ack-behaviour.md §2.6). */
export const lastTransitionTimeNote = 'Times show when the controller last looked, not when the condition changed: it rewrites them on every pass.';

export interface ExplainedCondition {
  type: string;
  status: string;
  title: string;
  /** What this status of this type means here. */
  meaning: string;
  note?: string;
  tone: StatusDisplay['tone'];
  message?: string;
  reason?: string;
  lastTransitionTime?: string;
}

// The error condition standing beside a Synced True: ACK derives Synced from the endpoint's status alone, so it
// stays True when UpdateEndpoint failed (C7, C8) or the endpoint is Failed (C3) (docs/ack-behaviour.md §8.4).
function standingError(conditions: readonly AckCondition[]): AckCondition | undefined {
  return (
    conditions.find((c) => c.type === ackConditionTypes.terminal && c.status === 'True') ??
    conditions.find((c) => c.type === ackConditionTypes.recoverable && c.status === 'True' && !isRequeueMessage(c.message))
  );
}

function tone(condition: AckCondition, error: AckCondition | undefined): StatusDisplay['tone'] {
  const { type, status } = condition;
  if (type === ackConditionTypes.synced && status === 'True' && error) return 'warning';
  if (status !== 'True' && status !== 'False') return status === 'Unknown' && type !== ackConditionTypes.advisory ? 'warning' : 'neutral';
  const isTrue = status === 'True';
  switch (type) {
    case ackConditionTypes.ready:
      if (isTrue) return 'ok';
      return condition.reason === ackConditionTypes.terminal ? 'error' : condition.reason === ackConditionTypes.recoverable ? 'warning' : 'progress';
    case ackConditionTypes.synced:
      if (isTrue) return 'ok';
      return condition.message?.includes('EndpointUpdateError') || condition.reason === 'resource is in terminal condition' ? 'error' : 'progress';
    case ackConditionTypes.terminal:
      return isTrue ? 'error' : 'neutral';
    case ackConditionTypes.recoverable:
      return isTrue ? (isRequeueMessage(condition.message) ? 'progress' : 'warning') : 'neutral';
    case ackConditionTypes.lateInitialized:
      return isTrue ? 'ok' : 'progress';
    default:
      return 'neutral';
  }
}

function meaning(condition: AckCondition, known: ConditionMeaning | undefined, error: AckCondition | undefined): string {
  if (!known) return 'A condition type Fleetdeck does not know; ACK adds types over time.';
  if (condition.type === ackConditionTypes.synced && condition.status === 'True' && error) {
    const title = conditionMeanings.find((entry) => entry.type === error.type)?.title ?? error.type;
    return `SageMaker is not changing the endpoint, but it does not run what the spec asks for: see ${title}. ACK sets Synced from the endpoint's status alone.`;
  }
  if (condition.type === ackConditionTypes.recoverable && condition.status === 'True' && isRequeueMessage(condition.message)) {
    return 'Not an error: the controller is waiting for SageMaker to finish before it acts, and checks every 30 s.';
  }
  if (condition.status === 'True') return known.whenTrue;
  if (condition.status === 'False') return known.whenFalse;
  return known.whenUnknown ?? 'The controller cannot tell.';
}

/** Each condition with what it means here, in the order of conditionMeanings, types it does not know last. */
export function explainConditions(conditions: readonly AckCondition[] | undefined): ExplainedCondition[] {
  const rank = (type: string) => {
    const index = conditionMeanings.findIndex((entry) => entry.type === type);
    return index < 0 ? conditionMeanings.length : index;
  };
  const error = standingError(conditions ?? []);
  return [...(conditions ?? [])]
    .map((condition, index) => ({ condition, index }))
    .sort((a, b) => rank(a.condition.type) - rank(b.condition.type) || a.index - b.index)
    .map(({ condition }) => {
      const known = conditionMeanings.find((entry) => entry.type === condition.type);
      return {
        type: condition.type,
        status: condition.status,
        title: known?.title ?? condition.type,
        meaning: meaning(condition, known, error),
        ...(known?.note ? { note: known.note } : {}),
        tone: tone(condition, error),
        ...(condition.message !== undefined ? { message: condition.message } : {}),
        ...(condition.reason !== undefined && condition.reason !== '' ? { reason: condition.reason } : {}),
        ...(condition.lastTransitionTime !== undefined ? { lastTransitionTime: condition.lastTransitionTime } : {}),
      };
    });
}
