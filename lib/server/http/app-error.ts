import 'server-only';
import { errorStatus, type ErrorCode, type ErrorDetails, type FieldError } from '@/lib/api/error-envelope';

/** An error the API reports to the client as it is: a code from the closed set, a message, maybe fields and details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
    /** Sent as the envelope's `details`: what the route's client needs beyond the message (lib/api/error-envelope.ts). */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
