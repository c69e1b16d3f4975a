// Applies YAML manifests with server-side apply, as the identity of the given kubeconfig.
import { readFileSync } from 'node:fs';
import { KubeConfig, KubernetesObjectApi, PatchStrategy, type KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

const FIELD_MANAGER = 'fleetdeck-harness';

/** Every object in the given YAML files, in file order. */
export function readManifests(files: string[]): KubernetesObject[] {
  return files.flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map((doc) => doc.toJS() as KubernetesObject | null)
      .filter((object): object is KubernetesObject => object !== null),
  );
}

/** Creates or updates each object; safe to run again on a cluster that has them. */
export async function applyManifests(kubeConfig: KubeConfig, objects: KubernetesObject[]): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kubeConfig);
  for (const object of objects) {
    await api.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply);
  }
}
