// Fleetdeck's own identity is worth no more than its job. In token and kubeconfig modes it acts for users
// with their own credentials, so its role holds no impersonation: a stolen server token cannot become
// system:masters. Only a proxy-mode install binds fleetdeck-server-impersonate (the harness's
// fleetdeck-server-proxy user stands for one).
import { AuthorizationV1Api } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { kubeRequest } from '@/lib/server/k8s/kube-request';
import { kubeConfigAs } from '../support/control-plane';
import type { TestUser } from '../support/test-users';

/** What `kubectl auth can-i impersonate <resource> [name]` answers for this user. */
async function mayImpersonate(
  user: TestUser,
  resource: 'users' | 'groups' | 'serviceaccounts',
  name?: string,
): Promise<boolean> {
  const review = await kubeConfigAs(user)
    .makeApiClient(AuthorizationV1Api)
    .createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb: 'impersonate', resource, ...(name ? { name } : {}) } } },
    });
  return review.status?.allowed ?? false;
}

describe("Fleetdeck's own identity", () => {
  it('in token and kubeconfig modes may not impersonate anyone', async () => {
    expect(await mayImpersonate('fleetdeck-server', 'users')).toBe(false);
    expect(await mayImpersonate('fleetdeck-server', 'users', 'admin')).toBe(false);
    expect(await mayImpersonate('fleetdeck-server', 'groups')).toBe(false);
    expect(await mayImpersonate('fleetdeck-server', 'groups', 'system:masters')).toBe(false);
    expect(await mayImpersonate('fleetdeck-server', 'serviceaccounts')).toBe(false);
  });

  it('is refused by the API server when it tries to act as system:masters', async () => {
    const attempt = kubeRequest(
      kubeConfigAs('fleetdeck-server'),
      { kind: 'impersonate', user: 'admin', groups: ['system:masters'] },
      { method: 'GET', path: '/api/v1/namespaces' },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('in proxy mode holds impersonation of users and groups, from the separate role', async () => {
    expect(await mayImpersonate('fleetdeck-server-proxy', 'users')).toBe(true);
    expect(await mayImpersonate('fleetdeck-server-proxy', 'groups')).toBe(true);
    // Service accounts are users to the API server, but impersonating one takes its own right, not granted.
    expect(await mayImpersonate('fleetdeck-server-proxy', 'serviceaccounts')).toBe(false);
  });
});
