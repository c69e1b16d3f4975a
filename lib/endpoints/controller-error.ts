import type { AckCondition } from '@/lib/schemas/ack';
import { ackConditionTypes } from '@/lib/schemas/ack';
import { trueCondition } from './status-facts';

/** An error the controller reports in a condition: one it gave up on, or one it keeps retrying. */
export interface ControllerError {
  type: typeof ackConditionTypes.terminal | typeof ackConditionTypes.recoverable;
  message: string;
}

// ACK.Recoverable doubles as the channel for plain requeues: "Endpoint in <S> state cannot be modified or
// deleted." while SageMaker is busy, and "Endpoint is Deleting." on the delete pass (docs/ack-behaviour.md §7.2, §8.4
// C4 and C12). Those are waits, not errors.
const REQUEUE_MESSAGES = [/^Endpoint in \S+ state cannot be modified or deleted\.?$/, /^Endpoint is Deleting\.?$/];

/** Whether a Recoverable message is the controller waiting on SageMaker rather than an error. */
export const isRequeueMessage = (message: string | undefined): boolean =>
  message !== undefined && REQUEUE_MESSAGES.some((pattern) => pattern.test(message.trim()));

/**
 * The error the controller reports, Terminal before Recoverable (the order the runtime derives Ready in,
 * docs/ack-behaviour.md §8.3), or undefined. Recoverable requeues that only wait for SageMaker are not errors.
 */
export function controllerError(conditions: AckCondition[] | undefined): ControllerError | undefined {
  const terminal = trueCondition(conditions, ackConditionTypes.terminal);
  if (terminal) return { type: ackConditionTypes.terminal, message: terminal.message?.trim() || 'terminal error' };
  const recoverable = trueCondition(conditions, ackConditionTypes.recoverable);
  if (recoverable && !isRequeueMessage(recoverable.message)) {
    return { type: ackConditionTypes.recoverable, message: recoverable.message?.trim() || 'recoverable error' };
  }
  return undefined;
}

/**
 * Why the controller stopped, in words, from a Terminal message. An AWS error code the controller treats as
 * terminal is SageMaker refusing the call: CreateEndpoint when the endpoint has no status yet (C10), else
 * UpdateEndpoint with the spec's config (C8) (docs/ack-behaviour.md §8.4). Anything else (a refused update, an
 * endpoint that already exists) is the controller's own stop.
 */
export function terminalErrorReason(message: string, endpointStatus: string | undefined, configName: string): string {
  if (/^api error /.test(message) && !message.startsWith('api error EndpointUpdateError')) {
    const refused =
      endpointStatus === undefined
        ? 'SageMaker refused to create the endpoint'
        : `SageMaker refused the update to ${configName}`;
    return `${refused}, and the controller will not try again until the spec changes: ${message}`;
  }
  return `The controller stopped trying: ${message}`;
}
