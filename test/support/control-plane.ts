// What integration tests know about the running control plane, and clients acting as its test users.
import { randomBytes } from 'node:crypto';
import { get } from 'node:https';
import { join } from 'node:path';
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { inject } from 'vitest';

export interface ControlPlane {
  url: string;
  kubeconfigDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    controlPlane: ControlPlane;
  }
}

export type TestUser = 'admin' | 'ml-eng' | 'oncall' | 'outsider' | 'fleetdeck-server' | 'sagemaker-simulator';

/** The kubeconfig of one test user of the running control plane. */
export function kubeConfigAs(user: TestUser): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(join(inject('controlPlane').kubeconfigDir, `${user}.kubeconfig`));
  return kubeConfig;
}

export const customObjectsAs = (user: TestUser) => kubeConfigAs(user).makeApiClient(CustomObjectsApi);

/** A new namespace (created as admin) so each test file works on objects no other file touches. */
export async function freshNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await kubeConfigAs('admin').makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name } } });
  return name;
}

/** A name unique to one test, for objects in shared namespaces such as team-a. */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

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
