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
