// A watch sees ADDED, MODIFIED and DELETED, and spec and status are written through separate doors.
import { PatchStrategy, setHeaderOptions, Watch } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { customObjectsAs, freshNamespace, kubeConfigAs } from '../support/control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const admin = () => customObjectsAs('admin');
let namespace: string;

beforeAll(async () => {
  namespace = await freshNamespace('watch');
});

/** Collects watch events until `until` holds for the list so far, or the timeout passes. */
async function watchUntil(
  path: string,
  act: () => Promise<void>,
  until: (events: { type: string; name: string }[]) => boolean,
): Promise<{ type: string; name: string }[]> {
  const events: { type: string; name: string }[] = [];
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const controller = await new Watch(kubeConfigAs('oncall')).watch(
    path,
    {},
    (type, object: { metadata: { name: string } }) => {
      events.push({ type, name: object.metadata.name });
      if (until(events)) finish();
    },
    () => finish(),
  );
  const timeout = setTimeout(finish, 10_000);
  await act();
  await done;
  clearTimeout(timeout);
  controller.abort();
  return events;
}

describe('watching Endpoints', () => {
  it('delivers ADDED, MODIFIED and DELETED in order', async () => {
    const where = { ...coordinates('Endpoint', namespace), name: 'watched' };
    const events = await watchUntil(
      `/apis/sagemaker.services.k8s.aws/v1alpha1/namespaces/${namespace}/endpoints`,
      async () => {
        await admin().createNamespacedCustomObject({ ...where, body: endpointBody('watched') });
        await admin().patchNamespacedCustomObject(
          { ...where, body: { spec: { endpointConfigName: 'v2' } } },
          mergePatch,
        );
        await admin().deleteNamespacedCustomObject(where);
      },
      (seen) => seen.some((event) => event.type === 'DELETED'),
    );
    expect(events.map((event) => event.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(new Set(events.map((event) => event.name))).toEqual(new Set(['watched']));
  });
});

describe('the status subresource', () => {
  it('keeps spec and status apart in both directions', async () => {
    const where = { ...coordinates('Endpoint', namespace), name: 'split' };
    await admin().createNamespacedCustomObject({ ...where, body: endpointBody('split') });
    const status = {
      endpointStatus: 'InService',
      ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
    };

    // A status write through /status leaves spec alone, even when it carries a spec.
    const afterStatus = await admin().patchNamespacedCustomObjectStatus(
      { ...where, body: { status, spec: { endpointConfigName: 'ignored' } } },
      mergePatch,
    );
    expect(afterStatus.status).toEqual(status);
    expect(afterStatus.spec.endpointConfigName).toBe('split-config');
    const generation = afterStatus.metadata.generation;

    // A write to the main resource changes spec, bumps generation and leaves status alone.
    const afterSpec = await admin().patchNamespacedCustomObject(
      { ...where, body: { spec: { endpointConfigName: 'split-v2' }, status: { endpointStatus: 'Failed' } } },
      mergePatch,
    );
    expect(afterSpec.spec.endpointConfigName).toBe('split-v2');
    expect(afterSpec.status).toEqual(status);
    expect(afterSpec.metadata.generation).toBe(generation + 1);
  });
});
