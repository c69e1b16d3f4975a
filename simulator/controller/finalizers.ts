import type { AckCondition } from '../../lib/schemas/ack';
import { conditionTypes, messages, stamped, withReady } from './conditions';

/** The finalizer list with ours added, or undefined when it is already there. */
export function withFinalizer(current: string[] | undefined, finalizer: string): string[] | undefined {
  if (current?.includes(finalizer)) return undefined;
  return [...(current ?? []), finalizer];
}

/** The finalizer list without ours; null removes the field when nothing is left (JSON merge patch). */
export function withoutFinalizer(current: string[] | undefined, finalizer: string): string[] | null {
  const rest = (current ?? []).filter((entry) => entry !== finalizer);
  return rest.length > 0 ? rest : null;
}

const ADOPTION_HINT =
  'This resource already exists but is not managed by ACK. To bring the resource under ACK management, you should explicitly adopt the resource by enabling the ResourceAdoption feature gate and populating the `services.k8s.aws/adoption-policy` and `services.k8s.aws/adoption-fields` annotations.';

/** C13: the AWS resource exists but this CR does not manage it. */
export function alreadyExistsConditions(now: string): AckCondition[] {
  return withReady(
    [
      stamped(conditionTypes.terminal, 'True', 'Resource already exists', now, ADOPTION_HINT),
      stamped(conditionTypes.synced, 'False', messages.notSynced, now, messages.terminalReason),
    ],
    now,
  );
}
