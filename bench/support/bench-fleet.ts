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

/** Model `m`, EndpointConfig `c` (two ml.c5.large) and `count` Endpoints on it, e-0, e-1, …, created 50 at a time, in `namespace` (which must exist). */
export async function createBenchFleet(objects: CustomObjectsApi, namespace: string, count: number): Promise<void> {
  const group = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1', namespace };
  await objects.createNamespacedCustomObject({
    ...group,
    plural: 'models',
    body: body('Model', 'm', { modelName: 'm', primaryContainer: { image: 'repo/m:1' } }),
  });
  await objects.createNamespacedCustomObject({
    ...group,
    plural: 'endpointconfigs',
    body: body('EndpointConfig', 'c', {
      endpointConfigName: 'c',
      productionVariants: [
        { variantName: 'primary', modelName: 'm', instanceType: 'ml.c5.large', initialInstanceCount: 2 },
      ],
    }),
  });
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, i) =>
        objects.createNamespacedCustomObject({
          ...group,
          plural: 'endpoints',
          body: body('Endpoint', `e-${start + i}`, { endpointName: `e-${start + i}`, endpointConfigName: 'c' }),
        }),
      ),
    );
  }
}
