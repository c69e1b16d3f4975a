// Served over https (FLEETDECK_ORIGIN says so, the same rule as HSTS), the session cookie is named with the
// __Host- prefix: browsers then insist on Secure, Path=/ and no Domain, so no other host can set or shadow it.
import { describe, expect, it } from 'vitest';
import { call, configureServer, tokenOf } from '../support/api-client';

const ORIGIN = 'https://fleetdeck.example.com';
configureServer({ FLEETDECK_ORIGIN: ORIGIN });
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

describe('the session cookie over https', () => {
  it('is named __Host-fleetdeck_session, Secure, host-only, Path=/, and read back under that name', async () => {
    const response = await call(session.POST, {
      method: 'POST',
      path: '/api/session',
      headers: { origin: ORIGIN },
      body: { token: tokenOf('oncall') },
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^__Host-fleetdeck_session=[\w-]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/,
    );
    expect(setCookie).not.toMatch(/Domain=/i);

    const cookie = setCookie.split(';')[0]!;
    expect((await call(me.GET, { path: '/api/me', headers: { cookie } })).status).toBe(200);
    // The same value under the unprefixed name is not the session here.
    const unprefixed = cookie.replace(/^__Host-/, '');
    expect((await call(me.GET, { path: '/api/me', headers: { cookie: unprefixed } })).status).toBe(401);
  });
});
