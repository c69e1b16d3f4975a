// A namespace of its own for Fleetdeck's sessions (the revoked-sessions ConfigMap, and in oidc mode the sessions'
// Secrets), set up as deploy/rbac/ sets up `fleetdeck`: for tests that fill the list, start without it, or keep
// oidc sessions, so no other file's sessions are touched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreV1Api, RbacAuthorizationV1Api, type V1Role } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { freshNamespace, kubeConfigAs } from './control-plane';
import { repoRoot } from './repo-root';

const NAME = 'fleetdeck-revoked-sessions';

const bind = (namespace: string, role: string) =>
  kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: role },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'fleetdeck-server' }],
      },
    });

/** The Role of deploy/rbac/fleetdeck-server-oidc-sessions.yaml, bound to fleetdeck-server in `namespace`. */
export async function installOidcSessionsRole(namespace: string): Promise<void> {
  const file = readFileSync(join(repoRoot(), 'deploy', 'rbac', 'fleetdeck-server-oidc-sessions.yaml'), 'utf8');
  const role = parseAllDocuments(file)
    .map((document) => document.toJS() as V1Role)
    .find((object) => object.kind === 'Role')!;
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRole({ namespace, body: { ...role, metadata: { name: role.metadata!.name } } });
  await bind(namespace, role.metadata!.name!);
}

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
    await bind(namespace, 'fleetdeck-server-sessions');
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
