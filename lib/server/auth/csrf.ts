import 'server-only';
import { serverConfig } from '../config';
import { AppError } from '../http/app-error';
import type { Identity } from './identity';
import { safeEqual, sign } from './secret-box';

export const CSRF_HEADER = 'x-fleetdeck-csrf';

/** The CSRF token of a session; the browser gets it from /api/me and sends it back in a header. */
export const csrfTokenFor = (identity: Identity) => sign(`csrf:${identity.sessionId}`);

/**
 * The origin browsers must send: the configured one, or the one this request was addressed to (its Host
 * header; Next.js builds request.url from its own listen address, not from what the browser asked for).
 */
function expectedOrigin(request: Request): string {
  const configured = serverConfig().FLEETDECK_ORIGIN;
  if (configured) return new URL(configured).origin;
  const url = new URL(request.url);
  const protocol = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${protocol}://${request.headers.get('host') ?? url.host}`;
}

/** Throws unless the request comes from Fleetdeck's own pages: exact Origin, else Sec-Fetch-Site same-origin. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (origin !== expectedOrigin(request)) throw new AppError('forbidden', 'This request did not come from Fleetdeck (origin mismatch).');
    return;
  }
  if (request.headers.get('sec-fetch-site') !== 'same-origin') {
    throw new AppError('forbidden', 'This request did not come from Fleetdeck (no Origin header).');
  }
}

/** Origin check plus the per-session token, for every mutating request of a signed-in caller. */
export function assertCsrf(request: Request, identity: Identity): void {
  assertSameOrigin(request);
  const presented = request.headers.get(CSRF_HEADER);
  if (!presented || !safeEqual(presented, csrfTokenFor(identity))) {
    throw new AppError('forbidden', 'The CSRF token is missing or wrong; reload the page.');
  }
}
