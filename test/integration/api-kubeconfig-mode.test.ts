// kubeconfig mode: one local user, the kubeconfig's identity, reachable by loopback host names only unless
// remote access is allowed, and then /api/me says whose identity everyone shares.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, configureServer } from '../support/api-client';
import { inject } from '../support/control-plane';

configureServer({
  FLEETDECK_AUTH_MODE: 'kubeconfig',
  FLEETDECK_USER_KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'ml-eng.kubeconfig'),
});
const me = await import('@/app/api/me/route');
const fleet = await import('@/app/api/fleet/route');

describe('kubeconfig mode', () => {
  it('acts as the kubeconfig user for loopback requests', async () => {
    const profile = await (await call(me.GET, { path: '/api/me', headers: { host: '127.0.0.1:3000' } })).json();
    expect(profile).toMatchObject({ user: 'ml-eng', mode: 'kubeconfig', sharedIdentity: null });
    const response = await call(fleet.GET, {
      path: '/api/fleet?namespace=team-b',
      headers: { host: 'localhost:3000' },
    });
    expect(response.status).toBe(403);
  });

  it('refuses requests addressed to any other host (401)', async () => {
    const response = await call(me.GET, { path: '/api/me', headers: { host: 'fleetdeck.example.com' } });
    expect(response.status).toBe(401);
  });
});
