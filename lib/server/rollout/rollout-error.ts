import 'server-only';
import type { ErrorCode, FieldError } from '@/lib/api/error-envelope';
import type { RolloutErrorDetails } from '@/lib/api/rollout-views';
import { AppError } from '../http/app-error';

/**
 * An AppError with what a rollout failure needs beyond code, message and fields, sent as the envelope's
 * `details` (lib/api/rollout-views.ts): the endpoint as it is now after a spec change, or the config that was
 * created before the patch failed.
 */
export class RolloutError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    fields: FieldError[] | undefined,
    override readonly details: RolloutErrorDetails,
  ) {
    super(code, message, fields, undefined, details);
    this.name = 'RolloutError';
  }
}

/** Why a created EndpointConfig was not (yet) in SageMaker when the apply gave up waiting for it. */
export type UnsyncedConfig =
  { outcome: 'refused'; message: string } | { outcome: 'gone' } | { outcome: 'timed-out'; seconds: number };

/**
 * The apply created the config but left the Endpoint alone, because SageMaker does not have the config: pointing
 * the Endpoint at it would only get "Could not find endpoint configuration" and minutes of back-off.
 */
export function unsyncedConfigError(configName: string, why: UnsyncedConfig): RolloutError {
  const created = `Created EndpointConfig ${configName}, but the endpoint was not pointed at it`;
  const details = { createdConfigName: configName };
  switch (why.outcome) {
    case 'refused':
      return new RolloutError(
        'invalid',
        `${created}: SageMaker did not accept the config. The controller says: ${why.message}`,
        undefined,
        details,
      );
    case 'gone':
      return new RolloutError('conflict', `${created}: the config was deleted before SageMaker had it.`, undefined, {});
    case 'timed-out':
      return new RolloutError(
        'cluster_timeout',
        `${created}: SageMaker did not have the config within ${why.seconds} s (the controller has not synced it). Retry the apply once the config shows as synced.`,
        undefined,
        details,
      );
  }
}
