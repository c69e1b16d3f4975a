// POST /api/session is rate limited per client address before the API server is asked, and per address and
// claimed user name on failures; refusals are 429 with Retry-After and every failure is logged.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import { PEER_ADDRESS_HEADER } from '@/lib/server/auth/sign-in-limiter';
import { call, configureServer, ORIGIN, tokenOf } from '../support/api-client';

configureServer();
// As scripts/start-server.mjs does: it sets the peer-address header from the socket and says it may be trusted.
process.env.FLEETDECK_PEER_ADDRESS_TRUSTED = '1';
const session = await import('@/app/api/session/route');

const signInFrom = (address: string, body: unknown) =>
  call(session.POST, {
    method: 'POST',
    path: '/api/session',
    headers: { origin: ORIGIN, [PEER_ADDRESS_HEADER]: address },
    body,
  });
const jwtClaiming = (sub: string) =>
  `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ sub })).toString('base64url')}.bm90LXNpZ25lZA`;

afterEach(() => vi.restoreAllMocks());

describe('sign-in limits', () => {
  it('allows 20 attempts a minute from one address, then 429 with Retry-After without asking the API server', async () => {
    const warn = vi.spyOn(console, 'warn');
    for (let i = 0; i < 20; i += 1) {
      expect((await signInFrom('192.0.2.10', { token: `not-a-token-${i}` })).status).toBe(401);
    }
    expect(warn.mock.calls.filter(([line]) => String(line).includes('sign-in failed from 192.0.2.10'))).toHaveLength(
      20,
    );
    // Even a good token is refused now: the address is over its budget before anything is checked.
    const refused = await signInFrom('192.0.2.10', { token: tokenOf('oncall') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorEnvelopeSchema.parse(await refused.json()).error.code).toBe('too_many_requests');
    // Another address is not affected.
    expect((await signInFrom('192.0.2.11', { token: tokenOf('oncall') })).status).toBe(200);
  });

  it('refuses an address after 5 failures for one claimed user name, and never a token the API server accepts', async () => {
    const name = 'system:serviceaccount:team-a:guessed';
    for (let i = 0; i < 5; i += 1) {
      expect((await signInFrom('198.51.100.7', { token: jwtClaiming(name) })).status).toBe(401);
    }
    const refused = await signInFrom('198.51.100.7', { token: jwtClaiming(name) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another name from that address, and that name from another address, are still asked about.
    expect(
      (await signInFrom('198.51.100.7', { token: jwtClaiming('system:serviceaccount:team-a:other') })).status,
    ).toBe(401);
    expect((await signInFrom('198.51.100.8', { token: jwtClaiming(name) })).status).toBe(401);
    // Failures claiming a real user's name from elsewhere do not lock that user out.
    const oncall = 'oncall';
    for (let i = 0; i < 6; i += 1) await signInFrom('198.51.100.9', { token: jwtClaiming(oncall) });
    expect((await signInFrom('198.51.100.10', { token: tokenOf('oncall') })).status).toBe(200);
  });
});
