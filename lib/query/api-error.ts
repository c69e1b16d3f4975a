import type { ErrorCode, FieldError } from '@/lib/api/error-envelope';

/** An API call that failed: the envelope's code, message and fields, and the HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly fields: FieldError[] = [],
    /** The whole error body, for routes that send more than the envelope (a 409's current object). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Errors that asking again will not change (house style §7). */
  get isFinal(): boolean {
    return [400, 401, 403, 404, 409, 413, 415, 422].includes(this.httpStatus);
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/**
 * A refusal (403) or a deletion (404) wins over data read before it: the page must not go on showing what the
 * caller may no longer see, or what is gone. Any other failure keeps the last data on screen, marked as such.
 */
export const replacesLastRead = (error: unknown): boolean => isApiError(error) && (error.httpStatus === 403 || error.httpStatus === 404);
