import 'server-only';
import { errorStatus, type ErrorCode, type FieldError } from '@/lib/api/error-envelope';

/** An error the API reports to the client as it is: a code from the closed set, a message, maybe fields. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
