import { errorEnvelopeSchema, type ErrorCode, type ErrorDetails, type FieldError } from '@/lib/api/error-envelope';

/** An API call that failed: the envelope's code, message, fields and details, and the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: FieldError[] = [],
    /** The envelope's `details`, unparsed: the route's own client reads them with its schema (a 409's current object). */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Errors that asking again will not change. */
  get isFinal(): boolean {
    return [400, 401, 403, 404, 409, 413, 415, 422].includes(this.httpStatus);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * The ApiError for a response that was not ok: the envelope's code, message, fields and details when the body is
 * one, else a generic error by status (a proxy's HTML page, an empty body).
 */
export function apiErrorFromBody(httpStatus: number, body: unknown): ApiError {
  const envelope = errorEnvelopeSchema.safeParse(body);
  if (!envelope.success)
    return new ApiError(
      httpStatus,
      httpStatus >= 500 ? 'internal' : 'bad_request',
      `Fleetdeck answered ${httpStatus}.`,
    );
  const { code, message, fields, details } = envelope.data.error;
  return new ApiError(httpStatus, code, message, fields, details);
}

/**
 * A refusal (403) or a deletion (404) wins over data read before it: the page must not go on showing what the
 * caller may no longer see, or what is gone. Any other failure keeps the last data on screen, marked as such.
 */
export const replacesLastRead = (error: unknown): boolean =>
  isApiError(error) && (error.httpStatus === 403 || error.httpStatus === 404);
