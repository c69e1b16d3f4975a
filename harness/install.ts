// Installs the CRDs, RBAC roles, admission policies and test users into the local control plane, then waits
// until the API server serves the CRDs, has created the `default` namespace and enforces the admission
// policies. Run by `harness up` as admin.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiextensionsV1Api, CoreV1Api, CustomObjectsApi, KubeConfig } from '@kubernetes/client-node';
import { resourceKinds, sagemakerGroup, sagemakerVersion } from '../lib/schemas/resource-kinds';
import { applyManifests, readManifests } from './apply-manifests';

const repo = join(import.meta.dirname, '..');
const yamlIn = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(dir, name));

async function until(what: string, deadline: number, check: () => Promise<boolean>): Promise<void> {
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  const { values } = parseArgs({ options: { timeout: { type: 'string', default: '120' } } });
  const seconds = Number(values.timeout);
  // A budget that is not a positive number is a caller's bug; say so rather than time out at once.
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`--timeout must be a positive number of seconds, got ${values.timeout}`);
  const deadline = Date.now() + seconds * 1000;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromDefault();

  const crds = readManifests(yamlIn(join(repo, 'deploy', 'crds')));
  await applyManifests(kubeConfig, crds);
  const rbac = readManifests([...yamlIn(join(repo, 'deploy', 'rbac')), ...yamlIn(join(repo, 'harness', 'manifests'))]);
  // Namespaces first: a file may hold a Role in a namespace that a file later in name order creates.
  const isNamespace = (object: { kind?: string }) => object.kind === 'Namespace';
  await applyManifests(kubeConfig, [...rbac.filter(isNamespace), ...rbac.filter((object) => !isNamespace(object))]);

  const extensions = kubeConfig.makeApiClient(ApiextensionsV1Api);
  for (const crd of crds) {
    const name = crd.metadata!.name!;
    await until(`CRD ${name} to be Established`, deadline, async () => {
      const current = await extensions.readCustomResourceDefinition({ name });
      return current.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
    });
  }
  // Established is not quite served: right after start a list can still get 429 or 404 for a moment.
  const customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
  for (const { plural } of resourceKinds) {
    await until(`${plural} to be served`, deadline, async () =>
      Boolean(
        await customObjects.listClusterCustomObject({ group: sagemakerGroup, version: sagemakerVersion, plural }),
      ),
    );
  }
  const core = kubeConfig.makeApiClient(CoreV1Api);
  await until('the default namespace', deadline, async () => Boolean(await core.readNamespace({ name: 'default' })));

  // Admission policies match the CRDs' kinds, so they go in once those are served. A new policy takes a
  // moment to be enforced: wait until a dry-run create with a forged author is refused.
  await applyManifests(kubeConfig, readManifests(yamlIn(join(repo, 'deploy', 'admission'))));
  await until('the authorship policy to be enforced', deadline, async () => {
    try {
      await customObjects.createNamespacedCustomObject({
        group: sagemakerGroup,
        version: sagemakerVersion,
        plural: 'endpointconfigs',
        namespace: 'default',
        dryRun: 'All',
        body: {
          apiVersion: `${sagemakerGroup}/${sagemakerVersion}`,
          kind: 'EndpointConfig',
          metadata: { name: 'authorship-probe', annotations: { 'fleetdeck.io/created-by': 'not-the-installer' } },
          spec: {
            endpointConfigName: 'authorship-probe',
            productionVariants: [{ variantName: 'primary', modelName: 'probe', initialInstanceCount: 1 }],
          },
        },
      });
      return false;
    } catch (error) {
      return String((error as { body?: unknown }).body ?? error).includes('fleetdeck-authorship');
    }
  });
}

main().catch((error: unknown) => {
  console.error(`[harness] install failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
