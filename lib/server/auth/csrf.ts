import 'server-only';
import { serverConfig } from '../config';
import { isAllowedHost } from '../http/allowed-hosts';
import { AppError } from '../http/app-error';
import type { Identity } from './identity';
import { safeEqual, sign } from './secret-box';

export const CSRF_HEADER = 'x-fleetdeck-csrf';

/** The CSRF token of a session; the browser gets it from /api/me and sends it back in a header. */
export const csrfTokenFor = (identity: Identity) => sign(`csrf:${identity.sessionId}`);

/**
 * The origin browsers must send: the configured one, or the one this request was addressed to when that is a
 * host Fleetdeck answers to (its Host header; Next.js builds request.url from its own listen address, not from
 * what the browser asked for). A Host outside FLEETDECK_ALLOWED_HOSTS expects nothing: under DNS rebinding
 * the attacker's page and its Host agree with each other.
 */
function expectedOrigin(request: Request): string | undefined {
  const configured = serverConfig().FLEETDECK_ORIGIN;
  if (configured) return new URL(configured).origin;
  const host = request.headers.get('host');
  if (!isAllowedHost(host)) return undefined;
  const protocol = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '');
  return `${protocol}://${host}`;
}

/**
 * Throws unless the request comes from Fleetdeck's own pages: exact Origin, else Sec-Fetch-Site same-origin.
 * Mutating routes and the stream (GET /api/stream, which a cross-site page could otherwise open) use it.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin !== null) {
    if (origin !== expectedOrigin(request))
      throw new AppError('forbidden', 'This request did not come from Fleetdeck (origin mismatch).');
    return;
  }
  // Same-origin with whatever name the page was loaded from, so that name must be one Fleetdeck answers to.
  if (request.headers.get('sec-fetch-site') !== 'same-origin' || !isAllowedHost(request.headers.get('host'))) {
    throw new AppError('forbidden', 'This request did not come from Fleetdeck (no Origin header).');
  }
}

/**
 * Whether a GET comes from Fleetdeck's own page: the origin rule, or the session's CSRF token. Browsers send
 * neither Origin nor Sec-Fetch-Site on a same-origin GET to a plain-http name other than localhost, so there
 * the page sends its token: a page elsewhere can neither read it nor send the header without a preflight,
 * which Fleetdeck never grants.
 */
export function assertOwnPage(request: Request, identity: Identity): void {
  const presented = request.headers.get(CSRF_HEADER);
  if (presented !== null) {
    if (!safeEqual(presented, csrfTokenFor(identity)))
      throw new AppError('forbidden', 'The CSRF token is wrong; reload the page.');
    return;
  }
  assertSameOrigin(request);
}

/** Origin check plus the per-session token, for every mutating request of a signed-in caller. */
export function assertCsrf(request: Request, identity: Identity): void {
  assertSameOrigin(request);
  const presented = request.headers.get(CSRF_HEADER);
  if (!presented || !safeEqual(presented, csrfTokenFor(identity))) {
    throw new AppError('forbidden', 'The CSRF token is missing or wrong; reload the page.');
  }
}
