import 'server-only';
import type { FieldError } from '@/lib/api/error-envelope';
import { AppError } from '../http/app-error';
import { log } from '../log/logger';

interface KubeStatus {
  kind?: string;
  message?: string;
  reason?: string;
  details?: { causes?: { field?: string; message?: string; reason?: string }[]; retryAfterSeconds?: number };
}

/**
 * The browser's message for a cluster failure: the API server's own text for a 5xx can name internal hosts,
 * webhooks and etcd, so it goes to the log under the request's correlation id and the browser gets this.
 */
function clusterFailure(
  code: 'cluster_unavailable' | 'cluster_timeout',
  httpStatus: number,
  status: KubeStatus,
  retry?: Record<string, string>,
): AppError {
  log.error(`the cluster answered ${httpStatus}: ${status.message ?? '(no message)'}`);
  return new AppError(
    code,
    `The cluster could not complete the request (HTTP ${httpStatus}); the Fleetdeck server log has its answer under this request's correlation id.`,
    undefined,
    retry,
  );
}

// An API server that throttles (API Priority and Fairness, a 429 or 503) says when to come back, in its
// Retry-After header and in the Status's details.retryAfterSeconds; browsers should wait as long as it asked.
const MAX_RETRY_AFTER_SECONDS = 300;
function retryAfterSeconds(header: string | undefined, status: KubeStatus): number | undefined {
  const seconds =
    header !== undefined && /^\d+$/.test(header.trim()) ? Number(header) : status.details?.retryAfterSeconds;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) return undefined;
  return Math.min(Math.max(seconds, 1), MAX_RETRY_AFTER_SECONDS);
}

/**
 * Maps the API server's Status straight through: 403 forbidden, 404 not_found, 409 conflict,
 * 422 invalid with the causes as fields. 401 from the cluster means the caller's credentials were refused.
 * Any other status (5xx above all) is a cluster failure: its text is logged, not sent. A 429, or a 503 that
 * says when to retry, carries the API server's own Retry-After (`retryAfter`, its header) through.
 */
export function statusToAppError(httpStatus: number, body: unknown, retryAfter?: string): AppError {
  const status = (body && typeof body === 'object' ? body : {}) as KubeStatus;
  const message = status.message ?? `The cluster answered ${httpStatus}.`;
  const seconds = retryAfterSeconds(retryAfter, status);
  const retry = seconds === undefined ? undefined : { 'Retry-After': String(seconds) };
  switch (httpStatus) {
    case 400:
      return new AppError('bad_request', message, causes(status));
    case 401:
      return new AppError('unauthenticated', 'The cluster did not accept your credentials. Sign in again.');
    case 403:
      return new AppError('forbidden', message);
    case 404:
      return new AppError('not_found', message);
    case 409:
      return new AppError('conflict', message);
    case 413:
      return new AppError('payload_too_large', message);
    case 415:
      return new AppError('unsupported_media_type', message);
    case 422:
      return new AppError('invalid', message, causes(status));
    case 429:
      return new AppError('too_many_requests', message, undefined, retry ?? { 'Retry-After': '1' });
    case 504:
      return clusterFailure('cluster_timeout', httpStatus, status);
    default:
      return clusterFailure('cluster_unavailable', httpStatus, status, retry);
  }
}

function causes(status: KubeStatus): FieldError[] | undefined {
  const list = status.details?.causes?.map((cause) => ({
    path: cause.field ?? '',
    message: cause.message ?? cause.reason ?? '',
  }));
  return list?.length ? list : undefined;
}
