// The project's CRDs hold every upstream example and controller fixture exactly: created with strict field
// validation (an undeclared field would be an error, not silently pruned) and read back unchanged.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { customObjectsAs, freshNamespace } from '../support/control-plane';
import { referenceObjects } from '../support/ack-fixtures';
import { coordinates } from '../support/sagemaker-objects';

const admin = () => customObjectsAs('admin');
let namespace: string;

beforeAll(async () => {
  namespace = await freshNamespace('reference');
});

const cases = referenceObjects().map((ref, index) => {
  // Several fixtures share a name; give each its own object. Names inside spec stay as upstream wrote them.
  const name = `ref-${index}-${ref.object.kind.toLowerCase()}`;
  return [ref.source, { ...ref, name }] as const;
});

describe('upstream examples and fixtures on the real API server', () => {
  it.each(cases)('%s', async (_source, { object, name }) => {
    const where = { ...coordinates(object.kind, namespace), name };
    const { status, ...withoutStatus } = object as typeof object & { status?: unknown };
    const body = { ...withoutStatus, metadata: { name } };

    const created = await admin().createNamespacedCustomObject({ ...where, body, fieldValidation: 'Strict' });
    expect(created.spec).toEqual(object.spec);

    if (status !== undefined) {
      // Status goes through its subresource, as the controller writes it.
      await admin().patchNamespacedCustomObjectStatus(
        { ...where, body: { status }, fieldValidation: 'Strict' },
        setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
      );
    }

    const read = await admin().getNamespacedCustomObject(where);
    expect(read.spec).toEqual(object.spec);
    expect(read.status).toEqual(status);
  });
});
