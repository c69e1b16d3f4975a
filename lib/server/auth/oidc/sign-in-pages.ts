import 'server-only';
import type { SignInProblem } from '@/lib/api/sign-in-problems';
import { serverConfig } from '../../config';
import { AppError } from '../../http/app-error';

/** 404 unless this server signs people in at an OpenID provider. */
export function assertOidcMode(): void {
  if (serverConfig().FLEETDECK_AUTH_MODE !== 'oidc')
    throw new AppError('not_found', 'Signing in with an identity provider is not configured on this server.');
}

/** The sign-in page's address, with what it should say and where to go next. */
export function signInPage(parameters: {
  next: string;
  problem?: SignInProblem;
  providerError?: string;
  notice?: string;
}) {
  const url = new URL('/sign-in', serverConfig().FLEETDECK_ORIGIN);
  for (const [key, value] of Object.entries(parameters)) if (value) url.searchParams.set(key, value);
  return url;
}

/** A 303 to `location` that also sets or clears cookies; never cached. */
export function seeOther(location: URL, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location.href, 'Cache-Control': 'no-store' });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(null, { status: 303, headers });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A page that moves on to `path` by itself. The session cookie is SameSite=Strict, and a redirect that ends a
 * navigation the provider's site started would arrive without it; a navigation this page starts is same-site.
 */
export function continueTo(path: string, cookies: string[]): Response {
  const target = escapeHtml(path);
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Signed in · Fleetdeck</title></head><body><p>Signed in. <a href="${target}">Continue to Fleetdeck</a>.</p></body></html>`;
  const headers = new Headers({
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
  });
  for (const cookie of cookies) headers.append('Set-Cookie', cookie);
  return new Response(body, { status: 200, headers });
}
