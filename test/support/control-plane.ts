// What integration tests know about the running control plane, and clients acting as its test users.
import { get } from 'node:https';
import { CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';
import { inject } from 'vitest';

export { inject };
import type { OidcHarness } from './oidc-harness';
import { createNamespace, loadUserKubeConfig, type TestUser } from './test-users';

export { uniqueName } from './test-users';

export interface ControlPlane {
  url: string;
  kubeconfigDir: string;
  /** The harness's OpenID provider, whose ID tokens the API server accepts. */
  oidc: OidcHarness;
}

declare module 'vitest' {
  export interface ProvidedContext {
    controlPlane: ControlPlane;
  }
}

/** The kubeconfig of one test user of the running control plane. */
export const kubeConfigAs = (user: TestUser): KubeConfig =>
  loadUserKubeConfig(inject('controlPlane').kubeconfigDir, user);

export const customObjectsAs = (user: TestUser) => kubeConfigAs(user).makeApiClient(CustomObjectsApi);

/** A new namespace (created as admin) so each test file works on objects no other file touches. */
export const freshNamespace = (prefix: string) => createNamespace(kubeConfigAs('admin'), prefix);

/** The HTTP status of a GET with no credentials at all, over TLS verified against the harness's CA. */
export function anonymousGet(path: string): Promise<number> {
  const cluster = kubeConfigAs('admin').getCurrentCluster();
  if (!cluster?.caData) throw new Error('the harness kubeconfig has no CA');
  const ca = Buffer.from(cluster.caData, 'base64');
  return new Promise((resolve, reject) => {
    get(`${inject('controlPlane').url}${path}`, { ca }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}
