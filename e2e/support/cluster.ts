// Clients acting as the control plane's test users, for end-to-end tests.
import { CustomObjectsApi } from '@kubernetes/client-node';
import { loadUserKubeConfig, type TestUser } from '../../test/support/test-users';

export { createNamespace, uniqueName } from '../../test/support/test-users';

const kubeconfigDir = () => {
  const dir = process.env.FLEETDECK_HARNESS_KUBECONFIGS;
  if (!dir) throw new Error('FLEETDECK_HARNESS_KUBECONFIGS is not set; run `npm run e2e`');
  return dir;
};

export const kubeConfigAs = (user: TestUser) => loadUserKubeConfig(kubeconfigDir(), user);
export const customObjectsAs = (user: TestUser) => kubeConfigAs(user).makeApiClient(CustomObjectsApi);
