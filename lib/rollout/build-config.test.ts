import { describe, expect, it } from 'vitest';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import { rolloutDraftSchema, type RolloutDraft } from '@/lib/schemas/rollout-request';
import { buildEndpointConfigSpec, newConfigName } from './build-config';

const base: EndpointConfig = {
  metadata: { name: 'pricing-v1' },
  spec: {
    endpointConfigName: 'pricing-v1',
    kmsKeyID: 'arn:aws:kms:us-west-2:123456789012:key/abc',
    dataCaptureConfig: { enableCapture: true, destinationS3URI: 's3://capture/pricing', initialSamplingPercentage: 20 },
    tags: [{ key: 'team', value: 'pricing' }],
    someFutureField: { kept: true },
    productionVariants: [
      {
        variantName: 'primary',
        modelName: 'pricing-model-v1',
        instanceType: 'ml.c5.large',
        initialInstanceCount: 4,
        initialVariantWeight: 1,
        volumeSizeInGB: 64,
        routingConfig: { routingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      },
      {
        variantName: 'shadowless',
        modelName: 'pricing-model-v1',
        serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5, provisionedConcurrency: 2 },
      },
    ],
  },
};

const draft = (variants: RolloutDraft['variants']): RolloutDraft =>
  rolloutDraftSchema.parse({ baseConfigName: 'pricing-v1', variants, reason: 'CHG-1' });

describe('buildEndpointConfigSpec', () => {
  it('keeps the base spec but not its name, variants or tags', () => {
    const spec = buildEndpointConfigSpec(
      draft([{ variantName: 'primary', modelName: 'pricing-model-v2' }]),
      base,
      'pricing-new',
    );
    expect(spec).toEqual({
      kmsKeyID: base.spec.kmsKeyID,
      dataCaptureConfig: base.spec.dataCaptureConfig,
      someFutureField: { kept: true },
      endpointConfigName: 'pricing-new',
      productionVariants: [{ ...base.spec.productionVariants[0], modelName: 'pricing-model-v2' }],
    });
  });

  it.each([
    {
      what: 'an edited instance variant keeps its extras and takes the draft values',
      variant: { variantName: 'primary', modelName: 'm2', instanceType: 'ml.g5.xlarge', initialInstanceCount: 2 },
      expected: {
        variantName: 'primary',
        modelName: 'm2',
        instanceType: 'ml.g5.xlarge',
        initialInstanceCount: 2,
        initialVariantWeight: 1,
        volumeSizeInGB: 64,
        routingConfig: { routingStrategy: 'LEAST_OUTSTANDING_REQUESTS' },
      },
    },
    {
      what: 'an instance variant turned serverless drops every instance field',
      variant: {
        variantName: 'primary',
        modelName: 'm2',
        serverlessConfig: { memorySizeInMB: 4096, maxConcurrency: 10 },
      },
      expected: {
        variantName: 'primary',
        modelName: 'm2',
        initialVariantWeight: 1,
        serverlessConfig: { memorySizeInMB: 4096, maxConcurrency: 10 },
      },
    },
    {
      what: 'a serverless variant turned instance-backed drops serverlessConfig',
      variant: { variantName: 'shadowless', modelName: 'm2', instanceType: 'ml.c5.large', initialInstanceCount: 1 },
      expected: { variantName: 'shadowless', modelName: 'm2', instanceType: 'ml.c5.large', initialInstanceCount: 1 },
    },
    {
      what: 'a serverless draft replaces the base serverlessConfig whole (provisionedConcurrency left out is gone)',
      variant: {
        variantName: 'shadowless',
        modelName: 'm2',
        serverlessConfig: { memorySizeInMB: 3072, maxConcurrency: 8 },
      },
      expected: {
        variantName: 'shadowless',
        modelName: 'm2',
        serverlessConfig: { memorySizeInMB: 3072, maxConcurrency: 8 },
      },
    },
    {
      what: 'a serverless variant that says neither kind stays serverless',
      variant: { variantName: 'shadowless', modelName: 'm2', initialVariantWeight: 3 },
      expected: {
        variantName: 'shadowless',
        modelName: 'm2',
        initialVariantWeight: 3,
        serverlessConfig: { memorySizeInMB: 2048, maxConcurrency: 5, provisionedConcurrency: 2 },
      },
    },
    {
      what: 'a new variant is exactly what the draft says',
      variant: {
        variantName: 'canary',
        modelName: 'm2',
        instanceType: 'ml.c5.large',
        initialInstanceCount: 1,
        initialVariantWeight: 0.1,
      },
      expected: {
        variantName: 'canary',
        modelName: 'm2',
        instanceType: 'ml.c5.large',
        initialInstanceCount: 1,
        initialVariantWeight: 0.1,
      },
    },
  ])('$what', ({ variant, expected }) => {
    expect(buildEndpointConfigSpec(draft([variant]), base, 'x').productionVariants).toEqual([expected]);
  });

  it("keeps the draft's variant order and drops base variants the draft leaves out", () => {
    const spec = buildEndpointConfigSpec(
      draft([
        { variantName: 'canary', modelName: 'm2', instanceType: 'ml.c5.large', initialInstanceCount: 1 },
        { variantName: 'primary', modelName: 'm1' },
      ]),
      base,
      'x',
    );
    expect(spec.productionVariants.map((variant) => variant.variantName)).toEqual(['canary', 'primary']);
  });

  it('works without a base config', () => {
    expect(
      buildEndpointConfigSpec(
        draft([{ variantName: 'a', modelName: 'm', instanceType: 'ml.c5.large', initialInstanceCount: 1 }]),
        undefined,
        'n',
      ),
    ).toEqual({
      endpointConfigName: 'n',
      productionVariants: [{ variantName: 'a', modelName: 'm', instanceType: 'ml.c5.large', initialInstanceCount: 1 }],
    });
  });

  it('does not change the base config', () => {
    const before = JSON.stringify(base);
    buildEndpointConfigSpec(
      draft([
        { variantName: 'primary', modelName: 'm2', serverlessConfig: { memorySizeInMB: 4096, maxConcurrency: 10 } },
      ]),
      base,
      'x',
    );
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe('newConfigName', () => {
  const id = '6f1c2a1e-3b4d-4c5e-9f60-7a8b9c0d1e2f';
  const valid = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

  it('is the same for the same requestId and different for another', () => {
    expect(newConfigName('pricing', id)).toBe(newConfigName('pricing', id));
    expect(newConfigName('pricing', id)).not.toBe(newConfigName('pricing', '6f1c2a1e-3b4d-4c5e-9f60-7a8b9c0d1e30'));
  });

  it('differs for UUIDs that share everything but their timestamp or random tail', () => {
    // v7 UUIDs from the same millisecond share their first 12 hex digits; v1 UUIDs from one host their last 12.
    const names = new Set(
      [
        '01890a5d-ac96-774b-bcce-b302099a8057',
        '01890a5d-ac96-774b-bcce-b302099a8058',
        '11890a5d-ac96-774b-bcce-b302099a8057',
      ].map((each) => newConfigName('e', each)),
    );
    expect(names.size).toBe(3);
  });

  it.each([
    ['pricing', /^pricing-[a-z0-9]{11}$/],
    ['Image-Tagger', /^image-tagger-[a-z0-9]{11}$/],
    ['a'.repeat(80), new RegExp(`^${'a'.repeat(51)}-[a-z0-9]{11}$`)],
    [`${'b'.repeat(50)}-xyz`, new RegExp(`^${'b'.repeat(50)}-[a-z0-9]{11}$`)],
    ['--', /^config-[a-z0-9]{11}$/],
  ])('%s gives a valid SageMaker and Kubernetes name of at most 63 characters', (endpointName, pattern) => {
    const name = newConfigName(endpointName, id);
    expect(name).toMatch(pattern);
    expect(name).toMatch(valid);
    expect(name.length).toBeLessThanOrEqual(63);
  });
});
