import { NextResponse, type NextRequest } from 'next/server';
import { isAllowedHost } from '@/lib/server/http/allowed-hosts';
import { AppError } from '@/lib/server/http/app-error';
import { errorResponse } from '@/lib/server/http/respond';
import { servedOverHttps } from '@/lib/server/http/served-over-https';
import { metricsTokenRequired } from '@/lib/server/metrics/metrics-token';

// Two years, this host only: Fleetdeck's origin says nothing about its sibling hosts.
const HSTS = 'max-age=63072000';

/** True unless the path holds a percent-escape that does not decode (such as an overlong %c0%ae). */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Answered to machines, like the API: the error envelope, and no page nonce.
const machineRoute = (pathname: string) => pathname.startsWith('/api/') || pathname === '/metrics';

/** A refusal before routing: the error envelope on the API and /metrics, plain text on a page. */
function refuse(problem: AppError, pathname: string): Response {
  if (machineRoute(pathname)) return errorResponse(problem, crypto.randomUUID());
  return new Response(`${problem.message}\n`, {
    status: problem.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * Runs before Next.js routes a request. A Host that Fleetdeck does not answer to gets 421 here, before any
 * route or page sees it (DNS rebinding, a spoofed Host). A path that does not decode gets a 400 here: Next.js would fail to
 * decode a dynamic route's parameter and answer a bare 500. HSTS goes on every response when browsers reach
 * Fleetdeck over https (FLEETDECK_ORIGIN says so). Pages also get a fresh nonce and a strict
 * Content-Security-Policy; Next.js reads the nonce from the request's CSP header for its own scripts.
 * 'unsafe-eval' is allowed only in development (React's dev tooling needs it); inline style attributes are
 * allowed for chart layout, inline style and script elements are not.
 */
export function proxy(request: NextRequest) {
  const https = servedOverHttps();
  const withTransport = (response: Response) => {
    if (https) response.headers.set('Strict-Transport-Security', HSTS);
    return response;
  };
  const { pathname, search } = request.nextUrl;
  // Prometheus scrapes a pod by its address, a Host no allowlist can name in advance. With a metrics token a
  // page that rebinds its name to this server cannot read /metrics anyway (it does not know the token), so
  // /metrics answers any Host then; without one it takes the allowlist like everything else.
  const scrape = pathname === '/metrics' && metricsTokenRequired();
  if (!scrape && !isAllowedHost(request.headers.get('host'))) {
    return withTransport(
      refuse(
        new AppError(
          'misdirected_request',
          'This server does not answer to that host name (see FLEETDECK_ALLOWED_HOSTS).',
        ),
        pathname,
      ),
    );
  }
  if (!decodablePath(pathname)) {
    return withTransport(
      refuse(
        new AppError('bad_request', 'The path is not valid: it holds a percent-escape that does not decode.'),
        pathname,
      ),
    );
  }
  // API and metrics responses are not pages, and prefetches need no nonce of their own.
  if (machineRoute(pathname) || request.headers.has('next-router-prefetch')) return withTransport(NextResponse.next());

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Layouts cannot see the URL; the sign-in redirect needs it to bring the user back to the same view.
  requestHeaders.set('x-fleetdeck-path', `${pathname}${search}`);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return withTransport(response);
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
