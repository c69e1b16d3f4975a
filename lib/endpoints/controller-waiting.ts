import { ackConditionTypes } from '@/lib/schemas/ack';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { controllerError } from './controller-error';
import { endpointHealth } from './health';
import { failedMeaning } from './status-facts';
import { heldBackChange } from './held-back';

/**
 * What the controller is waiting for before it acts on this endpoint, in a sentence, or undefined when it
 * waits for nothing but its next 30 s look: a spec change held back while SageMaker is busy; a config it
 * refuses to retry (EndpointUpdateError, docs/ack-behaviour.md §6.1); any other terminal error (a spec change is needed);
 * a recoverable error it is retrying with back-off (§9).
 */
export function whatTheControllerWaitsFor(endpoint: Endpoint): string | undefined {
  const heldBack = heldBackChange(endpoint);
  if (heldBack?.kind === 'waiting') return heldBack.reason;
  const error = controllerError(endpoint.status?.conditions);
  if (!error) return undefined;

  if (error.type === ackConditionTypes.terminal) {
    if (heldBack?.kind === 'refused') return heldBack.reason;
    if (endpoint.status?.endpointStatus === 'Failed') {
      return `The endpoint is Failed (${failedMeaning}), and a Failed endpoint takes no update. Nothing will change until it is deleted and created again.`;
    }
    const rolledBack = endpointHealth(endpoint).rolledBack;
    if (rolledBack) {
      const live = rolledBack.liveConfigName ?? 'the config it ran before';
      return `SageMaker rolled back the update to ${rolledBack.failedConfigName} (${rolledBack.failureReason.trim()}) and kept ${live}. The controller will not try ${rolledBack.failedConfigName} again: point the spec at a new config, or back at ${live} to clear the error.`;
    }
    if (error.message.includes('EndpointUpdateError')) {
      return `The controller will not retry a config that already failed; point the spec at another config. It said: ${error.message}`;
    }
    return `The controller stopped on an error and will not try again until the spec changes: ${error.message}`;
  }
  if (heldBack?.kind === 'retrying') return heldBack.reason;
  // controller-runtime's default back-off doubles from 5 ms up to 1000 s (docs/ack-behaviour.md §9).
  return `The controller is retrying after an error, waiting longer each time (up to about 17 minutes between tries): ${error.message}`;
}
