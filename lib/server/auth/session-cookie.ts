import 'server-only';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { serverConfig } from '../config';
import { seal, unseal } from './secret-box';

export const SESSION_COOKIE = 'fleetdeck_session';
const SESSION_HOURS = 12;

const sessionSchema = z.object({
  token: z.string().min(1),
  user: z.string(),
  groups: z.array(z.string()),
  sid: z.string(),
  expiresAt: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;

function cookieValue(request: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = request.headers.get('cookie') ?? '';
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The signed-in session from the encrypted cookie, if it is ours and has not expired. */
export function readSession(request: Pick<Request, 'headers'>): Session | undefined {
  const sealed = cookieValue(request, SESSION_COOKIE);
  if (!sealed) return undefined;
  const parsed = sessionSchema.safeParse(unseal(sealed));
  if (!parsed.success || parsed.data.expiresAt < Date.now()) return undefined;
  return parsed.data;
}

// Secure whenever browsers reach Fleetdeck over https: the configured origin, or a TLS-terminating proxy's
// header (request.url is always http: behind one).
const secureFlag = (request: Request) => {
  const configured = serverConfig().FLEETDECK_ORIGIN;
  const https = configured ? configured.startsWith('https:') : request.headers.get('x-forwarded-proto') === 'https';
  return https ? '; Secure' : '';
};

/** The Set-Cookie header that starts a session: encrypted, HttpOnly and SameSite=Strict, never readable by scripts. */
export function sessionCookie(request: Request, token: string, user: string, groups: string[]): string {
  const session: Session = { token, user, groups, sid: randomBytes(16).toString('hex'), expiresAt: Date.now() + SESSION_HOURS * 3600_000 };
  return `${SESSION_COOKIE}=${seal(session)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_HOURS * 3600}${secureFlag(request)}`;
}

/** The Set-Cookie header that ends the session. */
export const clearedSessionCookie = (request: Request) =>
  `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secureFlag(request)}`;
