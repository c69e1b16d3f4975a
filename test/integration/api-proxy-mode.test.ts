// Behind an authenticating proxy: identity headers count only with the shared secret, and Fleetdeck then acts
// as that user (and their groups) through impersonation, refusing Kubernetes' reserved system: names.
import { join } from 'node:path';
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, configureServer } from '../support/api-client';
import { customObjectsAs, inject, kubeConfigAs, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const SECRET = 'proxy-secret-for-integration-tests';
// Only proxy-mode installs bind the impersonation role; the harness's fleetdeck-server-proxy user has it.
configureServer({
  FLEETDECK_AUTH_MODE: 'proxy',
  FLEETDECK_PROXY_SECRET: SECRET,
  KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'fleetdeck-server-proxy.kubeconfig'),
});
const fleet = await import('@/app/api/fleet/route');
const me = await import('@/app/api/me/route');

const proxied = (user: string, groups?: string, secret = SECRET) => ({
  'x-fleetdeck-proxy-secret': secret,
  'x-forwarded-user': user,
  ...(groups !== undefined ? { 'x-forwarded-groups': groups } : {}),
});
// A group of this file's own that may read team-a, so no other file's grants count.
const readers = uniqueName('proxy-readers');

beforeAll(async () => {
  // ml-eng's namespace must hold something for Fleetdeck to know it.
  const name = uniqueName('proxy');
  await customObjectsAs('admin').createNamespacedCustomObject({
    ...coordinates('Endpoint', 'team-a'),
    body: endpointBody(name),
  });
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace: 'team-a',
      body: {
        metadata: { name: readers },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-viewer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: readers }],
      },
    });
});
afterEach(() => vi.restoreAllMocks());

describe('proxy mode', () => {
  it('answers 401 to identity headers without the secret, or with a wrong one', async () => {
    const forged = await call(fleet.GET, { path: '/api/fleet', headers: { 'x-forwarded-user': 'oncall' } });
    expect(forged.status).toBe(401);
    const wrong = await call(fleet.GET, {
      path: '/api/fleet',
      headers: proxied('oncall', undefined, 'guess-the-secret-please'),
    });
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
    const withGroups = await call(fleet.GET, {
      path: '/api/fleet?namespace=team-a',
      headers: proxied('ghost', `writers, ${readers}`),
    });
    expect(withGroups.status).toBe(200);
    // With no rights anywhere the whole fleet is empty for ghost, not a 403 (its namespaces may just be empty).
    const everywhere = await (await call(fleet.GET, { path: '/api/fleet', headers: proxied('ghost') })).json();
    expect(everywhere).toMatchObject({ items: [], namespaces: [] });
    const profile = await (
      await call(me.GET, { path: '/api/me', headers: proxied('ghost', `writers, ${readers}`) })
    ).json();
    expect(profile).toMatchObject({ user: 'ghost', groups: ['writers', readers], mode: 'proxy' });
  });

  it('refuses system:masters and every other system: group or user with a logged 401', async () => {
    const warn = vi.spyOn(console, 'warn');
    for (const [user, groups] of [
      ['ghost', `${readers}, system:masters`],
      ['ghost', 'system:authenticated'],
      ['ghost', 'system:serviceaccounts:kube-system'],
      ['system:kube-controller-manager', undefined],
      ['system:serviceaccount:kube-system:default', undefined],
    ] as const) {
      const response = await call(fleet.GET, { path: '/api/fleet', headers: proxied(user, groups) });
      expect(response.status, `${user} ${groups}`).toBe(401);
      const body = await response.json();
      expect(body.error.code).toBe('unauthenticated');
      const logged = warn.mock.calls
        .map((args) => String(args[0]))
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string; correlationId?: string })
        .find((line) => line.correlationId === body.error.correlationId)?.msg;
      expect(logged, `${user} ${groups}`).toMatch(/proxy identity refused \(401\): the reserved (user|group) "system:/);
    }
  });

  it('refuses a repeated user header instead of joining it', async () => {
    const headers = new Headers(proxied('admin'));
    headers.append('x-forwarded-user', 'ml-eng');
    const response = await fleet.GET(new Request('http://localhost:3000/api/fleet', { headers }), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
  });

  it('answers 401, not 500, to empty, over-long and control-character names', async () => {
    for (const [user, groups] of [
      ['', undefined],
      ['u'.repeat(257), undefined],
      ['ml-eng', `g${'x'.repeat(256)}`],
      ['ml\u0001eng', undefined],
      ['ml-eng', `${readers},,writers`],
      ['ml-eng', 'a\u007fb'],
    ] as const) {
      const response = await call(fleet.GET, { path: '/api/fleet', headers: proxied(user, groups) });
      expect(response.status, JSON.stringify([user.slice(0, 20), groups?.slice(0, 20)])).toBe(401);
    }
  });
});
