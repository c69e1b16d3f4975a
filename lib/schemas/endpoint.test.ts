import { describe, expect, it } from 'vitest';
import { endpointSchema } from './endpoint';

const base = {
  apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
  kind: 'Endpoint',
  metadata: { name: 'fraud', namespace: 'team-a' },
  spec: { endpointName: 'fraud', endpointConfigName: 'fraud-v1' },
};

describe('endpointSchema', () => {
  it('keeps fields it does not know, at every level', () => {
    const object = {
      ...base,
      futureTopLevel: 1,
      spec: { ...base.spec, futureSpecField: { nested: true } },
      status: { endpointStatus: 'InService', productionVariants: [{ variantName: 'a', instancePools: [] }] },
    };
    expect(endpointSchema.parse(object)).toEqual(object);
  });

  it('accepts a status value it has never seen, since SageMaker may add one', () => {
    const object = { ...base, status: { endpointStatus: 'Hibernating' } };
    expect(endpointSchema.parse(object).status?.endpointStatus).toBe('Hibernating');
  });

  it('rejects an object without the fields the CRD requires', () => {
    const result = endpointSchema.safeParse({ ...base, spec: { endpointName: 'fraud' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['spec', 'endpointConfigName']);
  });

  it('rejects a weight that is not a number', () => {
    const object = { ...base, status: { productionVariants: [{ currentWeight: 'heavy' }] } };
    expect(endpointSchema.safeParse(object).success).toBe(false);
  });
});
