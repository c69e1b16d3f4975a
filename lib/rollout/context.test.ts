import { describe, expect, it } from 'vitest';
import type { Endpoint, ProductionVariantSummary } from '@/lib/schemas/endpoint';
import type { EndpointConfig, ProductionVariant } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import { fleetInstanceCount, liveConfigNameOf, rolloutContextFrom, type LiveVariant } from './context';

const TERMINAL =
  'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-v1';

const endpoint = (variants: ProductionVariantSummary[], extra: Partial<Endpoint> = {}): Endpoint => ({
  metadata: { name: 'ep', namespace: 'ns' },
  spec: { endpointName: 'ep', endpointConfigName: 'cfg-v1' },
  status: { endpointStatus: 'InService', productionVariants: variants },
  ...extra,
});
const config = (name: string, variants: ProductionVariant[]): EndpointConfig => ({
  metadata: { name, namespace: 'ns' },
  spec: { endpointConfigName: name, productionVariants: variants },
});
const model = (modelName: string, container: Record<string, unknown>): Model => ({
  metadata: { name: modelName },
  spec: { modelName, primaryContainer: container },
});

const rolledBack: Endpoint = {
  metadata: {
    name: 'ep',
    namespace: 'ns',
    annotations: { 'sagemaker.services.k8s.aws/last-endpoint-config-for-update': 'cfg-v2' },
  },
  spec: { endpointName: 'ep', endpointConfigName: 'cfg-v2' },
  status: {
    endpointStatus: 'InService',
    failureReason: 'alarm p99 went into ALARM',
    conditions: [{ type: 'ACK.Terminal', status: 'True', message: TERMINAL }],
    productionVariants: [{ variantName: 'AllTraffic', currentInstanceCount: 2, desiredInstanceCount: 2 }],
  },
};

describe('rolloutContextFrom', () => {
  it('joins the running variants with the live config for instance type and model', () => {
    const context = rolloutContextFrom(
      endpoint([
        { variantName: 'a', currentInstanceCount: 3, desiredInstanceCount: 3, currentWeight: 1, desiredWeight: 1 },
      ]),
      config('cfg-v1', [{ variantName: 'a', modelName: 'm1', instanceType: 'ml.m5.large', initialInstanceCount: 3 }]),
    );
    expect(context).toEqual({
      endpointStatus: 'InService',
      failureReason: undefined,
      failedConfigName: undefined,
      liveConfigName: 'cfg-v1',
      variants: [
        {
          variantName: 'a',
          instanceType: 'ml.m5.large',
          currentInstanceCount: 3,
          desiredInstanceCount: 3,
          currentWeight: 1,
          desiredWeight: 1,
          serverless: false,
          autoscaling: false,
          modelName: 'm1',
        },
      ],
    });
  });

  it('names the failed and the live config of an update SageMaker rolled back (spec names the failed one)', () => {
    expect(liveConfigNameOf(rolledBack)).toBe('cfg-v1');
    const context = rolloutContextFrom(rolledBack, undefined);
    expect(context).toMatchObject({
      failedConfigName: 'cfg-v2',
      liveConfigName: 'cfg-v1',
      failureReason: 'alarm p99 went into ALARM',
    });
  });

  it('takes the spec config name when nothing was rolled back', () => {
    expect(liveConfigNameOf(endpoint([]))).toBe('cfg-v1');
    expect(rolloutContextFrom(endpoint([]), undefined).failedConfigName).toBeUndefined();
  });

  it.each<[string, ProductionVariantSummary, ProductionVariant, boolean]>([
    [
      'managed scaling enabled',
      { variantName: 'a', desiredInstanceCount: 2, managedInstanceScaling: { status: 'ENABLED' } },
      { variantName: 'a', initialInstanceCount: 2 },
      true,
    ],
    [
      'managed scaling enabled in the config',
      { variantName: 'a', desiredInstanceCount: 2 },
      { variantName: 'a', initialInstanceCount: 2, managedInstanceScaling: { status: 'ENABLED' } },
      true,
    ],
    [
      'managed scaling disabled',
      { variantName: 'a', desiredInstanceCount: 2, managedInstanceScaling: { status: 'DISABLED' } },
      { variantName: 'a', initialInstanceCount: 2 },
      false,
    ],
    [
      'desired count above the configured one',
      { variantName: 'a', desiredInstanceCount: 3 },
      { variantName: 'a', initialInstanceCount: 2 },
      true,
    ],
    [
      'desired count below the configured one',
      { variantName: 'a', desiredInstanceCount: 1 },
      { variantName: 'a', initialInstanceCount: 2 },
      true,
    ],
    [
      'desired count as configured',
      { variantName: 'a', desiredInstanceCount: 2 },
      { variantName: 'a', initialInstanceCount: 2 },
      false,
    ],
    ['no desired count reported', { variantName: 'a' }, { variantName: 'a', initialInstanceCount: 2 }, false],
  ])('autoscaling with %s', (_, running, configured, expected) => {
    expect(rolloutContextFrom(endpoint([running]), config('cfg-v1', [configured])).variants[0]?.autoscaling).toBe(
      expected,
    );
  });

  it.each<[string, ProductionVariantSummary, ProductionVariant | undefined, boolean]>([
    [
      'current serverless capacity',
      { variantName: 'a', currentServerlessConfig: { memorySizeInMB: 2048 } },
      undefined,
      true,
    ],
    [
      'desired serverless capacity',
      { variantName: 'a', desiredServerlessConfig: { memorySizeInMB: 2048 } },
      undefined,
      true,
    ],
    [
      'a serverless config',
      { variantName: 'a' },
      { variantName: 'a', serverlessConfig: { memorySizeInMB: 2048 } },
      true,
    ],
    [
      'instances only',
      { variantName: 'a', currentInstanceCount: 1 },
      { variantName: 'a', instanceType: 'ml.m5.large' },
      false,
    ],
  ])('serverless with %s', (_, running, configured, expected) => {
    expect(
      rolloutContextFrom(endpoint([running]), configured ? config('cfg-v1', [configured]) : undefined).variants[0]
        ?.serverless,
    ).toBe(expected);
  });

  it.each<[string, Model[] | undefined, boolean | undefined, boolean]>([
    ['no models given', undefined, undefined, false],
    [
      'the model runs a model package',
      [model('m1', { modelPackageName: 'arn:aws:sagemaker:us-west-2:123:model-package/x' })],
      true,
      true,
    ],
    ['the model runs an image', [model('m1', { image: '123.dkr.ecr.us-west-2.amazonaws.com/m:1' })], false, true],
    ['the model is not in the list', [model('other', { modelPackageName: 'p' })], undefined, true],
  ])('marketplace when %s', (_, models, marketplace, present) => {
    const variant = rolloutContextFrom(
      endpoint([{ variantName: 'a' }]),
      config('cfg-v1', [{ variantName: 'a', modelName: 'm1' }]),
      models,
    ).variants[0];
    expect(variant?.marketplace).toBe(marketplace);
    expect(variant !== undefined && 'marketplace' in variant).toBe(present);
  });
});

describe('fleetInstanceCount', () => {
  const v = (over: Partial<LiveVariant>): LiveVariant => ({
    variantName: 'a',
    serverless: false,
    autoscaling: false,
    ...over,
  });
  it.each<[string, LiveVariant[], number]>([
    ['no variants', [], 0],
    ['one variant', [v({ currentInstanceCount: 4, desiredInstanceCount: 6 })], 4],
    ['two variants', [v({ currentInstanceCount: 4 }), v({ variantName: 'b', currentInstanceCount: 2 })], 6],
    [
      'a serverless variant, which runs no instances',
      [v({ currentInstanceCount: 4 }), v({ variantName: 's', serverless: true, currentInstanceCount: 3 })],
      4,
    ],
    ['a variant with no count yet', [v({}), v({ variantName: 'b', currentInstanceCount: 1 })], 1],
  ])('%s', (_, variants, expected) => {
    expect(fleetInstanceCount({ variants })).toBe(expected);
  });
});
