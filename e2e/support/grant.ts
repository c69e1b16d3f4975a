// Rights for a test user in a spec's own namespace, as a team would grant them.
import { RbacAuthorizationV1Api } from '@kubernetes/client-node';
import { kubeConfigAs } from './cluster';

/** Binds `user` to the deployer ClusterRole in `namespace`, like ml-eng's binding in team-a. */
export async function grantDeployer(namespace: string, user: string): Promise<void> {
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: `${user}-deployer` },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-deployer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: user }],
      },
    });
}
