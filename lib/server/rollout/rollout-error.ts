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
