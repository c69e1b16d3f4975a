import { afterEach, describe, expect, it, vi } from 'vitest';

// Proxy mode needs no cluster to refuse an identity, so this runs without one.
Object.assign(process.env, { FLEETDECK_AUTH_MODE: 'proxy', FLEETDECK_PROXY_SECRET: 'a-proxy-secret-for-unit-tests' });
const { identify, isLoopbackRequest } = await import('./identity');

const request = (host: string, headers: Record<string, string> = {}) =>
  new Request(`http://${host}/api/fleet`, { headers: { host, ...headers } });

describe('isLoopbackRequest', () => {
  it('follows the one loopback rule: localhost, 127.0.0.0/8 and ::1, with any port', () => {
    for (const host of ['localhost:3000', '127.0.0.1', '127.0.0.2:8080', '[::1]:3000', 'LOCALHOST'])
      expect(isLoopbackRequest(request(host)), host).toBe(true);
    for (const host of ['example.com', '127.0.0.1.nip.io', '10.0.0.1:3000', '[::2]'])
      expect(isLoopbackRequest(request(host)), host).toBe(false);
  });
});

describe('a refused proxy identity', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is logged once per reason per minute, not once per request', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let n = 0; n < 50; n++) {
      expect(await identify(request('localhost', { 'x-forwarded-user': 'oncall' }))).toBeUndefined();
      const proxied = { 'x-fleetdeck-proxy-secret': 'a-proxy-secret-for-unit-tests', 'x-forwarded-user': '' };
      expect(await identify(request('localhost', proxied))).toBeUndefined();
    }
    const refusals = warn.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('refused (401)'));
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toMatch(/identity headers without a valid proxy secret/);
    expect(refusals[1]).toMatch(/an empty user/);
  });
});
