// The rollout's endpoint patch against writes that land between its read and its patch. Through the route
// such a write can only be hoped for, so these tests hand the patch step an Endpoint read before a write,
// which is exactly what the route holds when ACK writes the status meanwhile (docs/ack-behaviour.md §2.6).
import { PatchStrategy, RbacAuthorizationV1Api, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { configureServer, tokenOf } from '../support/api-client';
import { customObjectsAs, freshNamespace, kubeConfigAs, uniqueName } from '../support/control-plane';
import { coordinates } from '../support/sagemaker-objects';

configureServer();
const { patchEndpointAsCaller } = await import('@/lib/server/rollout/write-as-caller');
type Identity = Parameters<typeof patchEndpointAsCaller>[0];

const admin = customObjectsAs('admin');
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
let namespace: string;
let mlEng: Identity;

beforeAll(async () => {
  namespace = await freshNamespace('rollout-cc');
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace,
      body: {
        metadata: { name: 'ml-eng-deployer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-deployer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ml-eng' }],
      },
    });
  mlEng = {
    mode: 'token',
    user: 'ml-eng',
    groups: [],
    credentials: { kind: 'token', token: tokenOf('ml-eng') },
    key: 'ml-eng',
    sessionId: 'ml-eng',
  };
});

const at = (name: string) => ({ ...coordinates('Endpoint', namespace), name });
const read = async (name: string) => endpointSchema.parse(await admin.getNamespacedCustomObject(at(name)));
const writeStatus = (name: string, message: string) =>
  admin.patchNamespacedCustomObjectStatus(
    {
      ...at(name),
      body: {
        status: { endpointStatus: 'InService', conditions: [{ type: 'ACK.ResourceSynced', status: 'True', message }] },
      },
    },
    mergePatch,
  );

async function endpointReadBeforeAWrite(change: (name: string) => Promise<unknown>): Promise<Endpoint> {
  const name = uniqueName('cc');
  await admin.createNamespacedCustomObject({
    ...coordinates('Endpoint', namespace),
    body: {
      apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
      kind: 'Endpoint',
      metadata: { name },
      spec: { endpointName: name, endpointConfigName: `${name}-v1` },
    },
  });
  await writeStatus(name, 'first');
  const held = await read(name);
  await change(name);
  expect((await read(name)).metadata.resourceVersion).not.toBe(held.metadata.resourceVersion);
  return held;
}

class Stale extends Error {}
const request = (held: Endpoint, dryRun = false) => ({
  configName: `${held.metadata.name}-v2`,
  deploymentConfig: undefined,
  baseGeneration: held.metadata.generation!,
  dryRun,
  staleError: async (current: Endpoint) => new Stale(`generation ${current.metadata.generation}`),
});

describe('the endpoint patch of a rollout', () => {
  it('patches on the new resourceVersion when only the status changed since it read the endpoint', async () => {
    const held = await endpointReadBeforeAWrite((name) => writeStatus(name, 'restamped'));
    const result = await patchEndpointAsCaller(mlEng, held, request(held));
    expect(result.alreadyPointed).toBe(false);
    const after = await read(held.metadata.name);
    expect(after.spec.endpointConfigName).toBe(`${held.metadata.name}-v2`);
    expect(after.metadata.generation).toBe(held.metadata.generation! + 1);
    // The patch that went through carried the re-read resourceVersion, not the one first held.
    expect(result.patch.metadata.resourceVersion).not.toBe(held.metadata.resourceVersion);
  });

  it('does the same for a dry run, and changes nothing', async () => {
    const held = await endpointReadBeforeAWrite((name) => writeStatus(name, 'restamped'));
    const result = await patchEndpointAsCaller(mlEng, held, request(held, true));
    expect(result.endpoint.spec.endpointConfigName).toBe(`${held.metadata.name}-v2`);
    expect((await read(held.metadata.name)).spec.endpointConfigName).toBe(`${held.metadata.name}-v1`);
  });

  it('gives the stale error, and does not patch, when the spec changed since it read the endpoint', async () => {
    const held = await endpointReadBeforeAWrite((name) =>
      admin.patchNamespacedCustomObject(
        { ...at(name), body: { spec: { tags: [{ key: 'k', value: 'v' }] } } },
        mergePatch,
      ),
    );
    await expect(patchEndpointAsCaller(mlEng, held, request(held))).rejects.toThrow(
      new Stale(`generation ${held.metadata.generation! + 1}`),
    );
    expect((await read(held.metadata.name)).spec.endpointConfigName).toBe(`${held.metadata.name}-v1`);
  });

  it('reports success without patching when a request with the same id pointed the endpoint at the config first', async () => {
    const held = await endpointReadBeforeAWrite((name) =>
      admin.patchNamespacedCustomObject(
        { ...at(name), body: { spec: { endpointConfigName: `${name}-v2` } } },
        mergePatch,
      ),
    );
    const generation = (await read(held.metadata.name)).metadata.generation;
    const result = await patchEndpointAsCaller(mlEng, held, request(held));
    expect(result.alreadyPointed).toBe(true);
    expect((await read(held.metadata.name)).metadata.generation).toBe(generation);
  });
});
