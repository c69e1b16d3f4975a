// The control plane's test users, shared by integration and end-to-end tests.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

export type TestUser =
  'admin' | 'ml-eng' | 'oncall' | 'outsider' | 'fleetdeck-server' | 'fleetdeck-server-proxy' | 'sagemaker-simulator';

/** The kubeconfig `harness up` wrote for one test user. */
export function loadUserKubeConfig(kubeconfigDir: string, user: TestUser): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(join(kubeconfigDir, `${user}.kubeconfig`));
  return kubeConfig;
}

/** A name unique to one test, for objects and namespaces no other test touches. */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

/** Creates a new namespace as the given (admin) identity and returns its name. */
export async function createNamespace(admin: KubeConfig, prefix: string): Promise<string> {
  const name = uniqueName(prefix);
  await admin.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } });
  return name;
}
