import 'server-only';
import { AppError } from '../http/app-error';
import { log as logger } from '../log/logger';

/**
 * The client's address as scripts/start-server.mjs saw it on the socket; it replaces whatever a client sent
 * under this name. Behind a reverse proxy it is the proxy's address, so everyone there shares one budget.
 */
export const PEER_ADDRESS_HEADER = 'x-fleetdeck-peer-address';

/** Sign-in attempts one address may make per minute, before the API server is asked anything. */
export const ATTEMPTS_PER_ADDRESS = { limit: 20, windowMs: 60_000 };
/**
 * Failed sign-ins one address may have for one user name in 15 minutes before it may try that name no more.
 * Counted per address and name, not per name alone: the name is only what a token claims before the review, so
 * a count per name would let anyone lock a user out by sending tokens that claim it.
 */
export const FAILURES_PER_USER = { limit: 5, windowMs: 15 * 60_000 };

/** Counts events per key in a sliding window; says how long until the next one is allowed. */
export class SlidingWindow {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may act again, or 0 when it may now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - this.limit]! + this.windowMs - this.now()) / 1000));
  }

  record(key: string): void {
    this.hits.set(key, [...this.recent(key), this.now()]);
    // Keys of clients that went away must not pile up: drop every key whose window has passed.
    if (this.hits.size > 10_000)
      for (const other of [...this.hits.keys()]) if (this.recent(other).length === 0) this.hits.delete(other);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((at) => at > since);
    if (recent.length) this.hits.set(key, recent);
    else this.hits.delete(key);
    return recent;
  }
}

const tooMany = (seconds: number, what: string) =>
  new AppError('too_many_requests', `Too many sign-in attempts ${what}; try again in ${seconds} s.`, undefined, {
    'Retry-After': String(seconds),
  });

/**
 * Rate limits for POST /api/session, kept by each replica: per client address on every attempt, and per address
 * and claimed user name on failures (the name a demo user or the token's own claim gives), both checked before
 * the API server is called. Refusals and failures are logged under the correlation id.
 */
export class SignInLimiter {
  private readonly byAddress: SlidingWindow;
  private readonly failuresByAddressAndUser: SlidingWindow;

  constructor(now: () => number = Date.now) {
    this.byAddress = new SlidingWindow(ATTEMPTS_PER_ADDRESS.limit, ATTEMPTS_PER_ADDRESS.windowMs, now);
    this.failuresByAddressAndUser = new SlidingWindow(FAILURES_PER_USER.limit, FAILURES_PER_USER.windowMs, now);
  }

  /** Counts an attempt from `address`; throws 429 when it is over its budget, or has failed too often for `user`. */
  attempt(address: string, user?: string): void {
    const addressWait = this.byAddress.retryAfterSeconds(address);
    if (addressWait > 0) {
      log(`sign-in refused (429): too many attempts from ${address}`);
      throw tooMany(addressWait, 'from your address');
    }
    this.byAddress.record(address);
    if (user) this.assertUser(address, user);
  }

  private assertUser(address: string, user: string): void {
    const userWait = this.failuresByAddressAndUser.retryAfterSeconds(failureKey(address, user));
    if (userWait > 0) {
      log(`sign-in refused (429): too many failures from ${address} for user ${JSON.stringify(user)}`);
      throw tooMany(userWait, 'for this user');
    }
  }

  /** A sign-in that failed: logged, and counted against the user name when one is known. */
  failed(address: string, user: string | undefined, reason: string): void {
    log(`sign-in failed from ${address}${user ? ` for user ${JSON.stringify(user)}` : ''}: ${reason}`);
    if (user) this.failuresByAddressAndUser.record(failureKey(address, user));
  }
}

const failureKey = (address: string, user: string) => `${address}|${user}`;

function log(line: string): void {
  logger.warn(line);
}

/** The user name a bearer token claims (a service account token's `sub`), unverified: a rate-limit key only. */
export function claimedUser(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload || token.split('.').length !== 3) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' && sub.length > 0 && sub.length <= 256 ? sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The address a request came from (see PEER_ADDRESS_HEADER), trusted only when scripts/start-server.mjs runs the
 * server (it replaces the header on every request and says so in FLEETDECK_PEER_ADDRESS_TRUSTED); otherwise a
 * client could pick its own budget, so every request counts as `unknown`.
 */
export const clientAddress = (request: Request) =>
  (process.env.FLEETDECK_PEER_ADDRESS_TRUSTED === '1' && request.headers.get(PEER_ADDRESS_HEADER)) || 'unknown';

const holder = globalThis as typeof globalThis & { __fleetdeckSignInLimiter?: SignInLimiter };

/** The process's sign-in limiter. */
export function signInLimiter(): SignInLimiter {
  holder.__fleetdeckSignInLimiter ??= new SignInLimiter();
  return holder.__fleetdeckSignInLimiter;
}

/**
 * Runs one sign-in under the limits: `review` asks the API server who the token is. A review that fails is
 * counted against the address and the claimed user; a token the API server accepts always signs in.
 */
export async function limitedSignIn<T extends { user: string }>(
  request: Request,
  claimed: string | undefined,
  review: () => Promise<T>,
): Promise<T> {
  const limiter = signInLimiter();
  const address = clientAddress(request);
  limiter.attempt(address, claimed);
  let who: T;
  try {
    who = await review();
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') limiter.failed(address, claimed, error.message);
    throw error;
  }
  return who;
}
