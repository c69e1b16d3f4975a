// Behind an authenticating proxy: identity headers count only with the shared secret, and Fleetdeck then acts
// as that user (and their groups) through impersonation.
import { beforeAll, describe, expect, it } from 'vitest';
import { call, configureServer } from '../support/api-client';
import { customObjectsAs, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const SECRET = 'proxy-secret-for-integration-tests';
configureServer({ FLEETDECK_AUTH_MODE: 'proxy', FLEETDECK_PROXY_SECRET: SECRET });
const fleet = await import('@/app/api/fleet/route');
const me = await import('@/app/api/me/route');

const proxied = (user: string, groups?: string, secret = SECRET) => ({
  'x-fleetdeck-proxy-secret': secret,
  'x-forwarded-user': user,
  ...(groups !== undefined ? { 'x-forwarded-groups': groups } : {}),
});

beforeAll(async () => {
  // ml-eng's namespace must hold something for Fleetdeck to know it.
  const name = uniqueName('proxy');
  await customObjectsAs('admin').createNamespacedCustomObject({ ...coordinates('Endpoint', 'team-a'), body: endpointBody(name) });
});

describe('proxy mode', () => {
  it('answers 401 to identity headers without the secret, or with a wrong one', async () => {
    const forged = await call(fleet.GET, { path: '/api/fleet', headers: { 'x-forwarded-user': 'oncall' } });
    expect(forged.status).toBe(401);
    const wrong = await call(fleet.GET, { path: '/api/fleet', headers: proxied('oncall', undefined, 'guess-the-secret-please') });
    expect(wrong.status).toBe(401);
  });

  it('acts as the proxied user through impersonation', async () => {
    const oncall = await call(fleet.GET, { path: '/api/fleet', headers: proxied('oncall') });
    expect(oncall.status).toBe(200);
    expect((await oncall.json()).namespaces).toBeNull();
    const mlEng = await call(fleet.GET, { path: '/api/fleet', headers: proxied('ml-eng') });
    const body = await mlEng.json();
    // Other files may grant ml-eng rights in namespaces of their own; team-a and not team-b is what counts here.
    expect(body.namespaces, JSON.stringify(body)).toContain('team-a');
    expect(body.namespaces).not.toContain('team-b');
  });

  it('passes every group on, one Impersonate-Group line each', async () => {
    const alone = await call(fleet.GET, { path: '/api/fleet?namespace=team-a', headers: proxied('ghost') });
    expect(alone.status).toBe(403);
    const withGroups = await call(fleet.GET, { path: '/api/fleet?namespace=team-a', headers: proxied('ghost', 'readers, system:masters') });
    expect(withGroups.status).toBe(200);
    // With no rights anywhere the whole fleet is empty for ghost, not a 403 (its namespaces may just be empty).
    const everywhere = await (await call(fleet.GET, { path: '/api/fleet', headers: proxied('ghost') })).json();
    expect(everywhere).toMatchObject({ items: [], namespaces: [] });
    const profile = await (await call(me.GET, { path: '/api/me', headers: proxied('ghost', 'readers, system:masters') })).json();
    expect(profile).toMatchObject({ user: 'ghost', groups: ['readers', 'system:masters'], mode: 'proxy' });
  });
});
