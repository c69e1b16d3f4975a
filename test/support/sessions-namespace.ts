// A namespace of its own for Fleetdeck's revoked-sessions ConfigMap, set up as deploy/rbac/fleetdeck-server-sessions.yaml
// sets up `fleetdeck`: for tests that fill the list or start without it, so no other file's sessions are touched.
import { CoreV1Api, RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { freshNamespace, kubeConfigAs } from './control-plane';

const NAME = 'fleetdeck-revoked-sessions';

/** A new, empty namespace; `install` then adds the ConfigMap and the Role bound to fleetdeck-server. */
export async function sessionsNamespace(prefix: string): Promise<{ namespace: string; install: () => Promise<void> }> {
  const namespace = await freshNamespace(prefix);
  const admin = kubeConfigAs('admin');
  const install = async () => {
    await admin.makeApiClient(CoreV1Api).createNamespacedConfigMap({ namespace, body: { metadata: { name: NAME } } });
    const rbac = admin.makeApiClient(RbacAuthorizationV1Api);
    await rbac.createNamespacedRole({
      namespace,
      body: {
        metadata: { name: 'fleetdeck-server-sessions' },
        rules: [
          {
            apiGroups: [''],
            resources: ['configmaps'],
            resourceNames: [NAME],
            verbs: ['get', 'list', 'watch', 'update'],
          },
        ],
      },
    });
    await rbac.createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'fleetdeck-server-sessions' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'fleetdeck-server-sessions' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'fleetdeck-server' }],
      },
    });
  };
  return { namespace, install };
}

/** The list's data as the API server holds it. */
export async function revokedSessionsData(namespace: string): Promise<Record<string, string>> {
  const object = await kubeConfigAs('admin')
    .makeApiClient(CoreV1Api)
    .readNamespacedConfigMap({ namespace, name: NAME });
  return object.data ?? {};
}
