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
    whenFalse:
      'Something stands between the spec and SageMaker: a change under way, an error being retried, or one the controller gave up on. The message is the one of that condition.',
    whenUnknown: 'The controller cannot tell whether the spec is applied.',
    note: 'Derived on every sync from Terminal, then Recoverable, then ResourceSynced. A delete does not refresh it, so it goes stale while an endpoint is deleted.',
  },
  {
    type: ackConditionTypes.synced,
    title: 'Synced',
    whenTrue:
      'SageMaker is not changing the endpoint. Alone, it means the controller found nothing in the spec left to apply; beside a Terminal error or Retrying, the endpoint does not run what the spec asks for.',
    whenFalse:
      'SageMaker is changing the endpoint (creating, updating, rolling back, deleting), or the controller refused a change.',
    whenUnknown:
      'A call to SageMaker failed (a create or a read), so the controller cannot tell whether the spec is applied; it retries.',
    note: 'True does not mean healthy: it is True for Failed, OutOfService and UpdateRollbackFailed endpoints too.',
  },
  {
    type: ackConditionTypes.terminal,
    title: 'Terminal error',
    whenTrue:
      'The controller gave up and will not try again until the spec changes: a Failed endpoint, an update SageMaker rolled back, or a parameter SageMaker rejects.',
    whenFalse: 'No terminal error. The controller writes False when a delete clears an earlier one.',
  },
  {
    type: ackConditionTypes.recoverable,
    title: 'Retrying',
    whenTrue:
      'The controller hit an error it retries with growing back-off (throttling, access denied, a missing config or model).',
    whenFalse: 'Nothing to retry. The controller writes False when a delete clears an earlier error.',
    note: 'The controller also uses it to wait: "Endpoint in <state> state cannot be modified or deleted." holds a change back until SageMaker finishes, and "Endpoint is Deleting." marks a delete in progress.',
  },
  {
    type: ackConditionTypes.lateInitialized,
    title: 'Defaults filled in',
    whenTrue:
      'The controller copied a default SageMaker chose (enableNetworkIsolation) into the spec. Seen on EndpointConfigs and Models, not on Endpoints.',
    whenFalse: 'SageMaker has not reported the default yet; the controller looks again in 5 s.',
  },
  {
    type: ackConditionTypes.advisory,
    title: 'Advisory',
    whenTrue:
      'A notice that needs no action now. ACK sets it only for cross-namespace references and edits to immutable fields, which these kinds do not have.',
    whenFalse: 'No notice.',
  },
];

/** lastTransitionTime is restamped on every reconcile, so it dates the controller's last look (docs/ack-behaviour.md §2.6). */
export const lastTransitionTimeNote =
  'Times show when the controller last looked, not when the condition changed: it rewrites them on every pass.';

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

// What stands beside ACK.ResourceSynced. ACK derives Synced from the endpoint's status alone (True outside the
// modifying states), so it stays True when UpdateEndpoint failed (C7, C8) or the endpoint is Failed (C3); the
// other conditions say whether the spec is applied (docs/ack-behaviour.md §2.4, §8.4).
interface Beside {
  terminal?: AckCondition;
  /** A Recoverable error the controller retries. */
  retrying?: AckCondition;
  /** A Recoverable requeue: the controller waiting for SageMaker (C4) or deleting (C12). */
  waiting?: AckCondition;
}

function beside(conditions: readonly AckCondition[]): Beside {
  const terminal = conditions.find((c) => c.type === ackConditionTypes.terminal && c.status === 'True');
  const recoverable = conditions.find((c) => c.type === ackConditionTypes.recoverable && c.status === 'True');
  const wait = recoverable !== undefined && isRequeueMessage(recoverable.message);
  return { terminal, ...(recoverable ? (wait ? { waiting: recoverable } : { retrying: recoverable }) : {}) };
}

const FAILED = /terminal state: Failed/;
const MODIFYING = /^Endpoint is in (\S+) status\.?$/;
// The SDK error chain an Unknown Synced carries as its reason names the call that failed (docs/ack-behaviour.md §8.5).
const OPERATION = /operation error SageMaker: (\w+)/;
const ACK_SETS_SYNCED = "ACK sets Synced from the endpoint's status alone.";

/** The Synced condition refused or stopped by a terminal error, from its own text when no Terminal row came with it. */
const refusedBySynced = (synced: AckCondition) =>
  synced.message?.includes('EndpointUpdateError') === true || synced.reason === 'resource is in terminal condition';

function syncedMeaning(synced: AckCondition, context: Beside): string {
  const { terminal, retrying, waiting } = context;
  const title = (condition: AckCondition) =>
    conditionMeanings.find((entry) => entry.type === condition.type)?.title ?? condition.type;
  if (synced.status === 'True') {
    if (terminal && FAILED.test(terminal.message ?? ''))
      return `SageMaker is not changing the endpoint, but it is Failed: see ${title(terminal)}. ${ACK_SETS_SYNCED}`;
    const error = terminal ?? retrying;
    if (error)
      return `SageMaker is not changing the endpoint, but it does not run what the spec asks for: see ${title(error)}. ${ACK_SETS_SYNCED}`;
    if (waiting)
      return `SageMaker is not changing the endpoint, but the controller is holding a change back: see ${title(waiting)}.`;
    return 'SageMaker is not changing the endpoint, and the controller found nothing in the spec left to apply.';
  }
  if (synced.status === 'False') {
    const state = MODIFYING.exec(synced.message?.trim() ?? '')?.[1];
    if (state === 'Deleting' || waiting?.message?.trim().startsWith('Endpoint is Deleting'))
      return 'SageMaker is deleting the endpoint.';
    if (synced.message?.includes('EndpointUpdateError') || terminal?.message?.includes('EndpointUpdateError')) {
      return `The controller refused a change: it will not submit a config that already failed, or any change to a Failed endpoint: see ${terminal ? title(terminal) : 'the message'}.`;
    }
    if (terminal || refusedBySynced(synced)) {
      return `The controller refused a change: it stopped on an error it will not retry until the spec changes: see ${terminal ? title(terminal) : 'the message'}.`;
    }
    if (state && waiting)
      return `SageMaker is changing the endpoint (${state}); the controller holds the spec's change back until SageMaker finishes: see ${title(waiting)}.`;
    if (state) return `SageMaker is changing the endpoint (${state}); the controller looks again every 30 s.`;
    if (retrying)
      return `The endpoint does not run what the spec asks for yet, and the controller is retrying an error: see ${title(retrying)}.`;
    return 'SageMaker is changing the endpoint, or the controller has not applied the spec yet.';
  }
  const operation = OPERATION.exec(synced.reason ?? '')?.[1];
  if (terminal)
    return `The controller cannot tell whether the spec is applied, and it stopped on an error: see ${title(terminal)}.`;
  if (retrying && operation?.startsWith('Create'))
    return `SageMaker has not created it: the create call failed, and the controller retries: see ${title(retrying)}.`;
  if (retrying && operation?.startsWith('Describe'))
    return 'The controller could not read the endpoint from SageMaker; it retries.';
  if (retrying)
    return `A call to SageMaker failed, so the controller cannot tell whether the spec is applied: see ${title(retrying)}.`;
  return 'The controller cannot tell whether SageMaker runs what the spec asks for.';
}

function tone(condition: AckCondition, context: Beside): StatusDisplay['tone'] {
  const { type, status } = condition;
  if (type === ackConditionTypes.synced) {
    if (status === 'True')
      return context.terminal || context.retrying ? 'warning' : context.waiting ? 'progress' : 'ok';
    if (status === 'False')
      return context.terminal || refusedBySynced(condition) ? 'error' : context.retrying ? 'warning' : 'progress';
    return 'warning';
  }
  if (status !== 'True' && status !== 'False')
    return status === 'Unknown' && type !== ackConditionTypes.advisory ? 'warning' : 'neutral';
  const isTrue = status === 'True';
  switch (type) {
    case ackConditionTypes.ready:
      if (isTrue) return 'ok';
      return condition.reason === ackConditionTypes.terminal
        ? 'error'
        : condition.reason === ackConditionTypes.recoverable
          ? 'warning'
          : 'progress';
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

function meaning(condition: AckCondition, known: ConditionMeaning | undefined, context: Beside): string {
  if (!known) return 'A condition type Fleetdeck does not know; ACK adds types over time.';
  if (condition.type === ackConditionTypes.synced) return syncedMeaning(condition, context);
  if (
    condition.type === ackConditionTypes.recoverable &&
    condition.status === 'True' &&
    isRequeueMessage(condition.message)
  ) {
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
  const context = beside(conditions ?? []);
  return [...(conditions ?? [])]
    .map((condition, index) => ({ condition, index }))
    .sort((a, b) => rank(a.condition.type) - rank(b.condition.type) || a.index - b.index)
    .map(({ condition }) => {
      const known = conditionMeanings.find((entry) => entry.type === condition.type);
      return {
        type: condition.type,
        status: condition.status,
        title: known?.title ?? condition.type,
        meaning: meaning(condition, known, context),
        ...(known?.note ? { note: known.note } : {}),
        tone: tone(condition, context),
        ...(condition.message !== undefined ? { message: condition.message } : {}),
        ...(condition.reason !== undefined && condition.reason !== '' ? { reason: condition.reason } : {}),
        ...(condition.lastTransitionTime !== undefined ? { lastTransitionTime: condition.lastTransitionTime } : {}),
      };
    });
}
