import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { sessionRefreshMs } from '@/lib/api/session-timing';
import { serverConfig } from '../config';
import { AppError } from '../http/app-error';
import { servedOverHttps } from '../http/served-over-https';
import { revocationStore } from './revocation-store';
import { seal, unseal } from './secret-box';

/** The absolute lifetime of a session; the idle timeout (FLEETDECK_SESSION_IDLE_SECONDS) may end it sooner. */
export const SESSION_SECONDS = 12 * 3600;
// Browsers drop a cookie of 4096 bytes or more, counting its name and attributes (RFC 6265 §6.1).
const MAX_COOKIE_BYTES = 4096;

const sessionSchema = z.object({
  /** token mode: the bearer token. An oidc session keeps its tokens on the server, in its Secret (oidc-session-store). */
  token: z.string().min(1).optional(),
  user: z.string(),
  groups: z.array(z.string()),
  /** New at every sign-in; what a sign-out revokes and what the CSRF token is bound to. */
  sid: z.string(),
  expiresAt: z.number(),
  /** When the session was last used, to within sessionRefreshMs. */
  seenAt: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;

/**
 * The cookie's name: over https (servedOverHttps) `__Host-` prefixed, which browsers accept only when it is
 * Secure, has Path=/ and no Domain, so no sibling host or plain-http page can set or shadow it.
 */
export const sessionCookieName = () => (servedOverHttps() ? '__Host-fleetdeck_session' : 'fleetdeck_session');

const idleMs = () => serverConfig().FLEETDECK_SESSION_IDLE_SECONDS * 1000;

function cookieValue(request: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The cookie's session if it is ours and neither its absolute lifetime nor its idle time has run out. */
function unsealedSession(request: Pick<Request, 'headers'>): Session | undefined {
  const sealed = cookieValue(request, sessionCookieName());
  if (!sealed) return undefined;
  const parsed = sessionSchema.safeParse(unseal(sealed));
  const now = Date.now();
  if (!parsed.success || parsed.data.expiresAt < now || now - parsed.data.seenAt > idleMs()) return undefined;
  return parsed.data;
}

/**
 * The signed-in session from the encrypted cookie: ours, not expired, not idle too long, and not signed out on
 * any replica (waits for the revocation list's first read; 503 if the cluster cannot give it).
 */
export async function readSession(request: Pick<Request, 'headers'>): Promise<Session | undefined> {
  const session = unsealedSession(request);
  if (!session) return undefined;
  const revocations = revocationStore();
  await revocations.ready();
  return revocations.isRevoked(session.sid, session.expiresAt) ? undefined : session;
}

// Secure over https; also when no origin is configured and a TLS-terminating proxy says https (request.url
// is always http: behind one): a Secure flag too many costs nothing on https.
function secureFlag(request: Request): string {
  const forwardedHttps = !serverConfig().FLEETDECK_ORIGIN && request.headers.get('x-forwarded-proto') === 'https';
  return servedOverHttps() || forwardedHttps ? '; Secure' : '';
}

const setCookie = (request: Request, session: Session) =>
  `${sessionCookieName()}=${seal(session)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${Math.max(0, Math.floor((session.expiresAt - Date.now()) / 1000))}${secureFlag(request)}`;

/** A new session id: what a sign-out revokes and what the CSRF token is bound to. */
export const newSessionId = () => randomBytes(16).toString('hex');

/**
 * The Set-Cookie header that starts a new session (a new id every time): encrypted, HttpOnly and
 * SameSite=Strict, never readable by scripts. A token too large for a cookie is refused (422 at `token`).
 */
export function sessionCookie(request: Request, token: string, user: string, groups: string[]): string {
  const now = Date.now();
  const cookie = setCookie(request, {
    token,
    user,
    groups,
    sid: newSessionId(),
    expiresAt: now + SESSION_SECONDS * 1000,
    seenAt: now,
  });
  const bytes = Buffer.byteLength(cookie);
  if (bytes >= MAX_COOKIE_BYTES) {
    const message = `This token is too large to keep in a browser cookie (${bytes} bytes sealed, under ${MAX_COOKIE_BYTES} fit); use a shorter token.`;
    throw new AppError('invalid', 'The token is too large to sign in with.', [{ path: 'token', message }]);
  }
  return cookie;
}

/** The Set-Cookie header of an oidc session, whose tokens stay in its Secret under `sid`. */
export const oidcSessionCookie = (request: Request, session: Pick<Session, 'sid' | 'user' | 'groups' | 'expiresAt'>) =>
  setCookie(request, { ...session, seenAt: Date.now() });

/**
 * The Set-Cookie header that re-seals a valid session with a new last-seen time, when the one it carries is
 * older than a few minutes (at most a quarter of the idle timeout); undefined otherwise.
 */
export async function refreshedSessionCookie(request: Request): Promise<string | undefined> {
  const session = unsealedSession(request);
  if (!session || Date.now() - session.seenAt < sessionRefreshMs(idleMs())) return undefined;
  if (revocationStore().isRevoked(session.sid, session.expiresAt)) return undefined;
  return setCookie(request, { ...session, seenAt: Date.now() });
}

/**
 * Signs the request's session out on every replica (its id joins the revocation list until it would have
 * ended anyway) and returns the Set-Cookie header that clears it in this browser.
 */
export async function endSession(request: Request): Promise<string> {
  const session = await readSession(request);
  if (session) await revocationStore().revoke(session.sid, session.expiresAt);
  return `${sessionCookieName()}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secureFlag(request)}`;
}

/** Throws the 422 of `sessionCookie` before the token is sent anywhere, if even without a user it cannot fit. */
export const assertTokenFits = (request: Request, token: string): void => void sessionCookie(request, token, '', []);
