import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../http/app-error';
import {
  ATTEMPTS_PER_ADDRESS,
  claimedUser,
  clientAddress,
  FAILURES_PER_USER,
  PEER_ADDRESS_HEADER,
  SignInLimiter,
  SlidingWindow,
} from './sign-in-limiter';

// The clock is the test's own; the limiter is given it, nothing else of it is reached into.
let now = 0;
let limiter: SignInLimiter;
let warnings: string[];

beforeEach(() => {
  now = 1_000_000;
  limiter = new SignInLimiter(() => now);
  warnings = [];
  // Log lines are JSON objects; the assertions read their messages.
  vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(JSON.parse(line).msg));
});
afterEach(() => vi.restoreAllMocks());

const refusal = (attempt: () => void) => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return undefined;
};

describe('SignInLimiter', () => {
  it('allows 20 attempts a minute from one address, then 429 with Retry-After until the oldest leaves the window', () => {
    for (let i = 0; i < ATTEMPTS_PER_ADDRESS.limit; i += 1) {
      expect(refusal(() => limiter.attempt('10.0.0.9'))).toBeUndefined();
      now += 1000;
    }
    const refused = refusal(() => limiter.attempt('10.0.0.9'));
    expect(refused).toMatchObject({ code: 'too_many_requests', status: 429, headers: { 'Retry-After': '40' } });
    expect(warnings.at(-1)).toContain('too many attempts from 10.0.0.9');
    // Another address has its own budget.
    expect(refusal(() => limiter.attempt('10.0.0.10'))).toBeUndefined();
    now += 40_000;
    expect(refusal(() => limiter.attempt('10.0.0.9'))).toBeUndefined();
  });

  it('refuses an address that failed 5 times for a user name in 15 minutes, and logs each failure', () => {
    for (let i = 0; i < FAILURES_PER_USER.limit; i += 1) {
      limiter.attempt('10.0.1.1', 'alice');
      limiter.failed('10.0.1.1', 'alice', 'The cluster did not accept this token.');
    }
    expect(
      warnings.filter((line) => line.includes('sign-in failed from 10.0.1.1') && line.includes('"alice"')),
    ).toHaveLength(5);
    expect(refusal(() => limiter.attempt('10.0.1.1', 'alice'))).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '900' },
    });
    // Only that address and that name: a name claimed by anyone cannot lock its owner out elsewhere.
    expect(refusal(() => limiter.attempt('10.0.2.1', 'alice'))).toBeUndefined();
    expect(refusal(() => limiter.attempt('10.0.1.1', 'bob'))).toBeUndefined();
    now += FAILURES_PER_USER.windowMs;
    expect(refusal(() => limiter.attempt('10.0.1.1', 'alice'))).toBeUndefined();
  });

  it('counts a failure without a known name against nobody but logs it', () => {
    const record = vi.spyOn(SlidingWindow.prototype, 'record');
    for (let i = 0; i < 10; i += 1) limiter.failed('10.0.3.1', undefined, 'bad token');
    expect(warnings).toHaveLength(10);
    expect(record).not.toHaveBeenCalled();
  });
});

describe('clientAddress', () => {
  const request = new Request('http://localhost/api/session', { headers: { [PEER_ADDRESS_HEADER]: '192.0.2.1' } });
  afterEach(() => vi.unstubAllEnvs());

  it('trusts the peer-address header only when the start script set it', () => {
    vi.stubEnv('FLEETDECK_PEER_ADDRESS_TRUSTED', '');
    expect(clientAddress(request)).toBe('unknown');
    vi.stubEnv('FLEETDECK_PEER_ADDRESS_TRUSTED', '1');
    expect(clientAddress(request)).toBe('192.0.2.1');
  });
});

describe('claimedUser', () => {
  const jwt = (payload: unknown) =>
    `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;

  it("reads a JWT's sub, unverified, and nothing from other tokens", () => {
    expect(claimedUser(jwt({ sub: 'system:serviceaccount:team-a:deployer' }))).toBe(
      'system:serviceaccount:team-a:deployer',
    );
    expect(claimedUser(jwt({ iss: 'x' }))).toBeUndefined();
    expect(claimedUser('0123456789abcdef')).toBeUndefined();
    expect(claimedUser('a.%%%.c')).toBeUndefined();
  });
});
