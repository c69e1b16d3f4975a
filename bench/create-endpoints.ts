// Creates N Endpoints in a fresh namespace as admin, then lists them once: a small, repeatable load.
import { CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';

const count = Number(process.argv[2] ?? 500);
const kubeConfig = new KubeConfig();
kubeConfig.loadFromDefault();
const namespace = `bench-${Date.now()}`;
const coordinates = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1', namespace, plural: 'endpoints' };

async function main() {
  await kubeConfig.makeApiClient(CoreV1Api).createNamespace({ body: { metadata: { name: namespace } } });
  const api = kubeConfig.makeApiClient(CustomObjectsApi);
  for (let start = 0; start < count; start += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, (_, offset) => {
        const name = `bench-${start + offset}`;
        return api.createNamespacedCustomObject({
          ...coordinates,
          body: {
            apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
            kind: 'Endpoint',
            metadata: { name },
            spec: { endpointName: name, endpointConfigName: `${name}-config` },
          },
        });
      }),
    );
  }
  const list = (await api.listNamespacedCustomObject(coordinates)) as { items: unknown[] };
  if (list.items.length !== count) throw new Error(`listed ${list.items.length} Endpoints, expected ${count}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
