// The chart's rendered manifests on the API server, and the identity of the ServiceAccount they create.
import {
  AuthenticationV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

const FIELD_MANAGER = 'fleetdeck-chart-test';

/** A rendered object: helm template always gives these their kind, version and name. */
export type Manifest = KubernetesObject & { apiVersion: string; kind: string; metadata: { name: string } };

/** Every object of a multi-document YAML text (helm template's output), in order. */
export function parseManifests(text: string): Manifest[] {
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((object): object is Manifest => object !== null)
    .map((object) => {
      if (!object.apiVersion || !object.kind || !object.metadata?.name)
        throw new Error(`a rendered object lacks its apiVersion, kind or name: ${JSON.stringify(object)}`);
      return object;
    });
}

/**
 * Server-side applies each object as the given identity; with `dryRun` the API server runs admission and
 * validation and persists nothing. Returns the objects as the API server answered them.
 */
export async function applyObjects(
  kubeConfig: KubeConfig,
  objects: KubernetesObject[],
  { dryRun }: { dryRun: boolean },
): Promise<KubernetesObject[]> {
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  const applied: KubernetesObject[] = [];
  for (const object of objects) {
    const dryRunAll = dryRun ? 'All' : undefined;
    applied.push(await api.patch(object, undefined, dryRunAll, FIELD_MANAGER, true, PatchStrategy.ServerSideApply));
  }
  return applied;
}

/** Whether an object exists now (404 is false; any other error throws). */
export async function objectExists(kubeConfig: KubeConfig, object: KubernetesObject): Promise<boolean> {
  try {
    await KubernetesObjectApi.makeApiClient(kubeConfig).read({
      apiVersion: object.apiVersion,
      kind: object.kind,
      metadata: { name: object.metadata!.name!, namespace: object.metadata?.namespace },
    });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code === 404) return false;
    throw error;
  }
}

/** Deletes the objects that outlive a namespace (cluster-scoped ones); a missing one is fine. */
export async function deleteClusterScoped(kubeConfig: KubeConfig, objects: KubernetesObject[]): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  for (const object of objects.filter((item) => !item.metadata?.namespace)) {
    await api.delete(object).catch((error: { code?: number }) => {
      if (error.code !== 404) throw error;
    });
  }
}

/** A kubeconfig for the same cluster that authenticates with a bearer token and nothing else. */
export function kubeConfigWithToken(base: KubeConfig, token: string): KubeConfig {
  const cluster = base.getCurrentCluster();
  if (!cluster) throw new Error('the base kubeconfig names no cluster');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'token', token }],
    contexts: [{ name: 'token', cluster: cluster.name, user: 'token' }],
    currentContext: 'token',
  });
  return kubeConfig;
}

/**
 * A short-lived token of a ServiceAccount from the TokenRequest API (what the kubelet mounts into a pod),
 * and a kubeconfig that uses it. Also checks whom the API server takes the token for.
 */
export async function serviceAccountIdentity(
  admin: KubeConfig,
  namespace: string,
  name: string,
  expirationSeconds = 600,
) {
  const request = await admin.makeApiClient(CoreV1Api).createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [], expirationSeconds } },
  });
  const token = request.status?.token;
  if (!token) throw new Error(`the TokenRequest for ${namespace}/${name} returned no token`);
  const kubeConfig = kubeConfigWithToken(admin, token);
  const review = await kubeConfig.makeApiClient(AuthenticationV1Api).createSelfSubjectReview({ body: {} });
  return { token, kubeConfig, username: review.status?.userInfo?.username };
}
