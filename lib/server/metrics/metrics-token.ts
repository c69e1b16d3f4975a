import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../http/app-error';
import { metricsSettings } from './metrics-settings';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether scrapes must present FLEETDECK_METRICS_TOKEN. */
export const metricsTokenRequired = (): boolean => metricsSettings().FLEETDECK_METRICS_TOKEN !== undefined;

/**
 * Throws 401 unless the request carries FLEETDECK_METRICS_TOKEN as its bearer token (or none is set). The
 * comparison is of SHA-256 digests in constant time, so neither the token's bytes nor its length leak through
 * timing.
 */
export function assertMetricsToken(request: Request): void {
  const expected = metricsSettings().FLEETDECK_METRICS_TOKEN;
  if (expected === undefined) return;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  if (timingSafeEqual(digest(presented), digest(expected))) return;
  throw new AppError('unauthenticated', 'Send the metrics token as a bearer token.', undefined, {
    'WWW-Authenticate': 'Bearer realm="fleetdeck-metrics"',
  });
}
