// GET /api/stream answers only Fleetdeck's own pages (the origin rule of the mutating routes), and a replica
// holds at most FLEETDECK_MAX_STREAMS streams for everyone together (503 with Retry-After beyond).
import { describe, expect, it } from 'vitest';
import { errorEnvelopeSchema } from '@/lib/api/error-envelope';
import { call, configureServer, ORIGIN, signIn } from '../support/api-client';

configureServer({ FLEETDECK_MAX_STREAMS: '2', FLEETDECK_MAX_STREAMS_PER_IDENTITY: '8' });
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');

const handlers = { session: session.POST, me: me.GET };

describe('the stream', () => {
  it('refuses a page elsewhere (403): a cross-site Origin, or no Origin and no same-origin fetch', async () => {
    const { cookie } = await signIn(handlers, 'oncall');
    const attempts: Record<string, string>[] = [
      { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'none' },
      // DNS rebinding: the attacker's name resolves to Fleetdeck, and page and Host agree with each other.
      { cookie, host: 'rebound.example:3000', origin: 'http://rebound.example:3000' },
      { cookie, host: 'rebound.example:3000', 'sec-fetch-site': 'same-origin' },
    ];
    for (const headers of attempts) {
      const response = await call(stream.GET, { path: '/api/stream?namespace=team-a', headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(errorEnvelopeSchema.parse(await response.json()).error.code).toBe('forbidden');
    }
    const own = await call(stream.GET, { path: '/api/stream?namespace=team-a', headers: { cookie, origin: ORIGIN } });
    expect(own.status).toBe(200);
    await own.body!.cancel();
  });

  it("takes the session's CSRF token from a page the browser gave no origin headers (plain http), and no other", async () => {
    const { cookie, csrf } = await signIn(handlers, 'oncall');
    // Built by hand: call() marks a GET same-origin, as browsers do in secure contexts.
    const plainHttp = (token: string | undefined) =>
      stream.GET(
        new Request(`${ORIGIN}/api/stream?namespace=team-a`, {
          headers: { host: 'localhost:3000', cookie, ...(token === undefined ? {} : { 'x-fleetdeck-csrf': token }) },
        }),
        { params: Promise.resolve({}) },
      );
    const own = await plainHttp(csrf);
    expect(own.status).toBe(200);
    await own.body!.cancel();
    for (const token of [undefined, `${csrf.slice(0, -2)}xx`]) {
      const refused = await plainHttp(token);
      expect(refused.status, String(token)).toBe(403);
      expect(errorEnvelopeSchema.parse(await refused.json()).error.code).toBe('forbidden');
    }
  });

  it('is capped per replica, for all identities together: 503 with Retry-After, and a closed stream frees its slot', async () => {
    const first = await signIn(handlers, 'oncall');
    const second = await signIn(handlers, 'admin');
    const third = await signIn(handlers, 'ml-eng');
    const open = (cookie: string) => call(stream.GET, { path: '/api/stream?namespace=team-a', headers: { cookie } });
    const a = await open(first.cookie);
    const b = await open(second.cookie);
    expect([a.status, b.status]).toEqual([200, 200]);
    const refused = await open(third.cookie);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorEnvelopeSchema.parse(await refused.json()).error.code).toBe('server_busy');
    await a.body!.cancel();
    const c = await open(third.cookie);
    expect(c.status).toBe(200);
    await Promise.all([b.body!.cancel(), c.body!.cancel()]);
  });
});
