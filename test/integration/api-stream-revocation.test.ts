// Rights revoked while a stream is open end it with an error event at the next renewal.
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { call, configureServer, signIn, sseReader } from '../support/api-client';
import { customObjectsAs, freshNamespace, kubeConfigAs } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

configureServer({ FLEETDECK_STREAM_RENEW_SECONDS: '1' });
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');
const stream = await import('@/app/api/stream/route');

describe('a stream whose rights are revoked', () => {
  it('ends with an error event at the next renewal', async () => {
    const namespace = await freshNamespace('revoke');
    await customObjectsAs('admin').createNamespacedCustomObject({
      ...coordinates('Endpoint', namespace),
      body: endpointBody('watched'),
    });
    const rbac = kubeConfigAs('admin').makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'outsider-viewer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-viewer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'outsider' }],
      },
    });
    const { cookie } = await signIn({ session: session.POST, me: me.GET }, 'outsider');
    const response = await call(stream.GET, { path: `/api/stream?namespace=${namespace}`, headers: { cookie } });
    expect(response.status).toBe(200);
    const events = sseReader(response);
    await events.until((seen) => seen.some((e) => e.event === 'hello'), 3000);

    await rbac.deleteNamespacedRoleBinding({ namespace, name: 'outsider-viewer' });
    const seen = await events.until((all) => all.some((e) => e.event === 'error'), 10_000);
    expect(seen.find((e) => e.event === 'error')?.data).toMatchObject({ code: 'forbidden' });
    // The server closed the stream after the error.
    const after = await events.until(() => false, 1500);
    expect(after[after.length - 1]?.event).toBe('error');
  });
});
