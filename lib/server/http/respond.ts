import 'server-only';
import type { ErrorEnvelope } from '@/lib/api/error-envelope';
import { AppError } from './app-error';
import { errorText, log } from '../log/logger';

/** Headers on every API response: never cached, always JSON, never sniffed. No CORS headers, ever. */
export const apiHeaders = {
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json; charset=utf-8',
  'X-Content-Type-Options': 'nosniff',
} as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...apiHeaders, ...headers } });
}

/** The envelope for an error; unexpected errors are logged with the correlation id and told apart from ours. */
export function errorResponse(error: unknown, correlationId: string): Response {
  const known = error instanceof AppError ? error : undefined;
  // Our own 500s (a response of the wrong shape) are logged too, so their correlation id leads somewhere.
  if (known?.status === 500) log.error(known.message, { correlationId });
  if (!known) log.error(errorText(error), { correlationId });
  const appError = known ?? new AppError('internal', 'Something went wrong on the Fleetdeck server.');
  const body: ErrorEnvelope = {
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.fields ? { fields: appError.fields } : {}),
      ...(appError.details ? { details: appError.details } : {}),
      correlationId,
    },
  };
  return json(body, appError.status, { ...appError.headers, 'X-Correlation-Id': correlationId });
}
