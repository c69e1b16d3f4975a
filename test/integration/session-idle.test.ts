// A session unused for FLEETDECK_SESSION_IDLE_SECONDS ends, however long its absolute lifetime still runs; use
// re-seals the cookie with a new last-seen time, which keeps it going.
import { describe, expect, it } from 'vitest';
import { keepAliveIntervalMs } from '@/lib/api/session-timing';
import { meSchema } from '@/lib/query/use-me';
import { call, configureServer, signIn } from '../support/api-client';

// Seconds, with margins of 3 s or more either side of each deadline: a loaded machine stretches every step.
configureServer({ FLEETDECK_SESSION_IDLE_SECONDS: '6' });
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const handlers = { session: session.POST, me: me.GET };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const meAs = (cookie: string) => call(me.GET, { path: '/api/me', headers: { cookie } });

describe('the idle timeout', () => {
  it('ends a session left unused for longer than the setting', async () => {
    const { cookie } = await signIn(handlers, 'oncall');
    await sleep(9000);
    const response = await meAs(cookie);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe('unauthenticated');
  });

  it('counts from the last use: a used session gets a re-sealed cookie that outlives the first', async () => {
    const first = await signIn(handlers, 'oncall');
    await sleep(3000);
    const used = await meAs(first.cookie);
    expect(used.status).toBe(200);
    const refreshed = used.headers.get('set-cookie')?.split(';')[0];
    expect(refreshed).toMatch(/^fleetdeck_session=/);
    expect(refreshed).not.toBe(first.cookie);
    await sleep(4000);
    // 7 s after sign-in, 4 s after the last use.
    expect((await meAs(refreshed!)).status).toBe(200);
    expect((await meAs(first.cookie)).status).toBe(401);
  });

  it('tells the page its idle timeout, and a page touching at the interval it implies stays signed in', async () => {
    const signedIn = await signIn(handlers, 'oncall');
    let cookie = signedIn.cookie;
    const profile = meSchema.parse(await (await meAs(cookie)).json());
    expect(profile.sessionIdleSeconds).toBe(6);
    // A wallboard's keep-alive: nothing but a touch of /api/me each interval, for well past the idle timeout.
    const interval = keepAliveIntervalMs(profile.sessionIdleSeconds);
    for (let elapsed = 0; elapsed < 14_000; elapsed += interval) {
      await sleep(interval);
      const touched = await meAs(cookie);
      expect(touched.status, `after ${elapsed + interval} ms`).toBe(200);
      cookie = touched.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    }
  }, 30_000);
});
