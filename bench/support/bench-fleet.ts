// The control plane a benchmark runs against (the harness's, FLEETDECK_HARNESS_KUBECONFIGS) as its admin, and the
// fleet several of them put on it, so that their figures are for the same objects.
import { join } from 'node:path';
import { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';

/** The harness's kubeconfigs and state, its admin, and the SageMaker custom objects in `namespace`. */
export function benchCluster(namespace: string) {
  const kubeconfigs = process.env.FLEETDECK_HARNESS_KUBECONFIGS!;
  const stateDir = process.env.FLEETDECK_HARNESS_STATE!;
  const admin = new KubeConfig();
  admin.loadFromFile(join(kubeconfigs, 'admin.kubeconfig'));
  const objects = admin.makeApiClient(CustomObjectsApi);
  const group = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1', namespace };
  return { kubeconfigs, stateDir, admin, objects, group };
}

const body = (kind: string, name: string, spec: object) => ({
  apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
  kind,
  metadata: { name },
  spec,
});

/** The names of a bench fleet's objects; simulator-scale.ts gives its own (bench-model, bench-0, …). */
export interface FleetNames {
  model: string;
  image: string;
  config: string;
  endpointPrefix: string;
}

const DEFAULT_NAMES: FleetNames = { model: 'm', image: 'repo/m:1', config: 'c', endpointPrefix: 'e-' };

/**
 * A Model, an EndpointConfig on it (two ml.c5.large) and `count` Endpoints on that (e-0, e-1, … by default),
 * created 50 at a time, in `namespace` (which must exist).
 */
export async function createBenchFleet(
  objects: CustomObjectsApi,
  namespace: string,
  count: number,
  names: FleetNames = DEFAULT_NAMES,
): Promise<void> {
  const group = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1', namespace };
  const { model, image, config, endpointPrefix } = names;
  await objects.createNamespacedCustomObject({
    ...group,
    plural: 'models',
    body: body('Model', model, { modelName: model, primaryContainer: { image } }),
  });
  await objects.createNamespacedCustomObject({
    ...group,
    plural: 'endpointconfigs',
    body: body('EndpointConfig', config, {
      endpointConfigName: config,
      productionVariants: [
        { variantName: 'primary', modelName: model, instanceType: 'ml.c5.large', initialInstanceCount: 2 },
      ],
    }),
  });
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, i) => {
        const name = `${endpointPrefix}${start + i}`;
        return objects.createNamespacedCustomObject({
          ...group,
          plural: 'endpoints',
          body: body('Endpoint', name, { endpointName: name, endpointConfigName: config }),
        });
      }),
    );
  }
}
