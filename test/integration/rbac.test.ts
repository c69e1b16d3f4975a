// The test users' rights, enforced by the API server itself.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { statusOf } from '../support/api-errors';
import { anonymousGet, customObjectsAs, uniqueName } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const specPatch = (name: string) => ({ spec: { endpointConfigName: `${name}-config-v2` } });
const names = { teamA: uniqueName('rbac'), teamB: uniqueName('rbac') };

beforeAll(async () => {
  const admin = customObjectsAs('admin');
  await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', 'team-a'), body: endpointBody(names.teamA) });
  await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', 'team-b'), body: endpointBody(names.teamB) });
});

describe('oncall (viewer everywhere)', () => {
  it('lists Endpoints across every namespace', async () => {
    const list = (await customObjectsAs('oncall').listClusterCustomObject({
      group: 'sagemaker.services.k8s.aws',
      version: 'v1alpha1',
      plural: 'endpoints',
    })) as { items: { metadata: { name: string } }[] };
    const listed = list.items.map((item) => item.metadata.name);
    expect(listed).toEqual(expect.arrayContaining([names.teamA, names.teamB]));
  });

  it('gets 403 on a patch', async () => {
    const call = customObjectsAs('oncall').patchNamespacedCustomObject(
      { ...coordinates('Endpoint', 'team-a'), name: names.teamA, body: specPatch(names.teamA) },
      mergePatch,
    );
    expect(await statusOf(call)).toBe(403);
  });
});

describe('ml-eng (deployer in team-a only)', () => {
  it('patches an Endpoint in team-a', async () => {
    const patched = await customObjectsAs('ml-eng').patchNamespacedCustomObject(
      { ...coordinates('Endpoint', 'team-a'), name: names.teamA, body: specPatch(names.teamA) },
      mergePatch,
    );
    expect(patched.spec.endpointConfigName).toBe(`${names.teamA}-config-v2`);
  });

  it('gets 403 patching in team-b, and the object is unchanged', async () => {
    const call = customObjectsAs('ml-eng').patchNamespacedCustomObject(
      { ...coordinates('Endpoint', 'team-b'), name: names.teamB, body: specPatch(names.teamB) },
      mergePatch,
    );
    expect(await statusOf(call)).toBe(403);
    const read = await customObjectsAs('admin').getNamespacedCustomObject({
      ...coordinates('Endpoint', 'team-b'),
      name: names.teamB,
    });
    expect(read.spec.endpointConfigName).toBe(`${names.teamB}-config`);
  });

  it('may not delete, even in team-a', async () => {
    const call = customObjectsAs('ml-eng').deleteNamespacedCustomObject({
      ...coordinates('Endpoint', 'team-a'),
      name: names.teamA,
    });
    expect(await statusOf(call)).toBe(403);
  });
});

describe('outsider and anonymous', () => {
  it('outsider gets 403 listing', async () => {
    const call = customObjectsAs('outsider').listNamespacedCustomObject(coordinates('Endpoint', 'team-a'));
    expect(await statusOf(call)).toBe(403);
  });

  it('a request with no credentials gets 401', async () => {
    expect(await anonymousGet('/apis/sagemaker.services.k8s.aws/v1alpha1/endpoints')).toBe(401);
  });
});
