import 'server-only';
import type { FieldError } from '@/lib/api/error-envelope';
import { AppError } from '../http/app-error';

interface KubeStatus {
  kind?: string;
  message?: string;
  reason?: string;
  details?: { causes?: { field?: string; message?: string; reason?: string }[] };
}

/**
 * Maps the API server's Status straight through (house style §4): 403 forbidden, 404 not_found, 409 conflict,
 * 422 invalid with the causes as fields. 401 from the cluster means the caller's credentials were refused.
 */
export function statusToAppError(httpStatus: number, body: unknown): AppError {
  const status = (body && typeof body === 'object' ? body : {}) as KubeStatus;
  const message = status.message ?? `The cluster answered ${httpStatus}.`;
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
      return new AppError('too_many_requests', message, undefined, { 'Retry-After': '1' });
    case 504:
      return new AppError('cluster_timeout', message);
    default:
      return new AppError('cluster_unavailable', message);
  }
}

function causes(status: KubeStatus): FieldError[] | undefined {
  const list = status.details?.causes?.map((cause) => ({ path: cause.field ?? '', message: cause.message ?? cause.reason ?? '' }));
  return list?.length ? list : undefined;
}
