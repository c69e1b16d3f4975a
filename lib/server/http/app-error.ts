import 'server-only';
import { errorStatus, type ErrorCode, type ErrorDetails, type FieldError } from '@/lib/api/error-envelope';

// Next.js bundles instrumentation.ts and each route separately, so the process can hold several copies of this
// class: the shared watch (started from instrumentation) throws one copy's AppError and a route catches with
// another's. A brand shared through the global symbol registry makes `instanceof` see them all as one.
const BRAND = Symbol.for('fleetdeck.app-error');

/** An error the API reports to the client as it is: a code from the closed set, a message, maybe fields and details. */
export class AppError extends Error {
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses (RolloutError) inherit this; they keep the ordinary prototype test.
    if (this !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

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
