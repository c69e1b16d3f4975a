import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import {
  condition,
  makeConfig,
  makeEndpoint,
  makeModel,
  referenceConfig,
  referenceEndpoint,
  referenceModel,
  runningVariant,
} from './fixtures.test-support';
import { fleetMismatch, fleetMismatchOf } from './fleet-mismatch';
import { summarizeEndpoint } from './summarize-endpoint';

const inService = (...variants: ReturnType<typeof runningVariant>[]) =>
  makeEndpoint({ configName: 'cfg', status: { endpointStatus: 'InService', productionVariants: variants } });
const config = makeConfig('cfg', [
  { variant: 'a', model: 'm-a' },
  { variant: 'b', model: 'm-b' },
]);
const models = [makeModel('m-a', 'img-a:2'), makeModel('m-b', 'img-b:1')];

const refused =
  'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-old';

const cases: [string, Endpoint, EndpointConfig[], Model[], RegExp | undefined][] = [
  [
    'the fleet runs what the config asks for',
    inService(runningVariant('a', 1, 'img-a:2'), runningVariant('b', 1, 'img-b:1')),
    [config],
    models,
    undefined,
  ],
  [
    'a variant runs another image',
    inService(runningVariant('a', 1, 'img-a:1'), runningVariant('b', 1, 'img-b:1')),
    [config],
    models,
    /Variant a runs img-a:1, but cfg asks for img-a:2 \(model m-a\)\./,
  ],
  [
    'a variant is missing',
    inService(runningVariant('a', 1, 'img-a:2')),
    [config],
    models,
    /running variants \(a\) are not the ones cfg asks for \(a, b\)/,
  ],
  [
    'an extra variant runs',
    inService(runningVariant('a', 1, 'img-a:2'), runningVariant('b', 1, 'img-b:1'), runningVariant('c', 1, 'x:1')),
    [config],
    models,
    /\(a, b, c\).*\(a, b\)/,
  ],
  [
    'the Model is unknown: images cannot be compared',
    inService(runningVariant('a', 1, 'img-a:1'), runningVariant('b', 1, 'img-b:1')),
    [config],
    [],
    undefined,
  ],
  ['the config is unknown', inService(runningVariant('a', 1, 'img-a:1')), [], models, undefined],
  [
    'a rolled-back update to the spec config already explains it (C6)',
    makeEndpoint({
      configName: 'cfg',
      submitted: 'cfg',
      status: {
        endpointStatus: 'InService',
        failureReason: 'alarm',
        conditions: [condition('ACK.ResourceSynced', 'False', refused), condition('ACK.Terminal', 'True', refused)],
        productionVariants: [runningVariant('a', 1, 'img-a:1'), runningVariant('b', 1, 'img-b:1')],
      },
    }),
    [config],
    models,
    undefined,
  ],
  [
    'a deployment is under way: the running fleet is the old one',
    makeEndpoint({
      configName: 'cfg',
      status: {
        endpointStatus: 'Updating',
        productionVariants: [runningVariant('a', 1, 'img-a:1'), runningVariant('b', 1, 'img-b:1')],
        pendingDeploymentSummary: { endpointConfigName: 'cfg' },
      },
    }),
    [config],
    models,
    undefined,
  ],
  [
    'a held-back change already explains it',
    makeEndpoint({
      configName: 'cfg',
      submitted: 'old',
      status: {
        endpointStatus: 'InService',
        conditions: [
          condition('ACK.ResourceSynced', 'True'),
          condition('ACK.Terminal', 'True', 'api error InvalidParameterValue: no'),
        ],
        productionVariants: [runningVariant('a', 1, 'img-a:1'), runningVariant('b', 1, 'img-b:1')],
      },
    }),
    [config],
    models,
    undefined,
  ],
];

describe('fleetMismatch', () => {
  it.each(cases)('%s', (_name, endpoint, configs, modelList, expected) => {
    const warning = fleetMismatchOf(endpoint, configs, modelList);
    if (expected === undefined) expect(warning).toBeUndefined();
    else expect(warning).toMatch(expected);
  });

  it('finds nothing wrong with the controller’s InService fixture and the upstream examples it was built from', () => {
    const endpoint = referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml');
    const configs = [referenceConfig('endpoint_config_single_variant.yaml', endpoint.spec.endpointConfigName)];
    expect(fleetMismatchOf(endpoint, configs, [referenceModel('xgboost_model.yaml')])).toBeUndefined();
    // The same fleet against a Model that names another image does not match.
    const model = referenceModel('xgboost_model.yaml');
    const moved = {
      ...model,
      spec: { ...model.spec, primaryContainer: { ...model.spec.primaryContainer, image: 'xgboost:2' } },
    };
    expect(fleetMismatchOf(endpoint, configs, [moved])).toMatch(
      /variant-1 runs .*xgboost:latest, but .* asks for xgboost:2/,
    );
  });

  it('compares every image of a multi-container variant as a set', () => {
    const two = (images: string[]) => ({
      ...runningVariant('a', 1, images[0]!),
      deployedImages: images.map((specifiedImage) => ({ specifiedImage })),
    });
    const single = makeConfig('cfg', [{ variant: 'a', model: 'm' }]);
    const matching = summarizeEndpoint(
      makeEndpoint({
        configName: 'cfg',
        status: { endpointStatus: 'InService', productionVariants: [two(['side:1', 'main:1'])] },
      }),
      [single],
      [makeModel('m', 'main:1', 'side:1')],
    );
    expect(fleetMismatch(matching)).toBeUndefined();
    const drifted = summarizeEndpoint(
      makeEndpoint({
        configName: 'cfg',
        status: { endpointStatus: 'InService', productionVariants: [two(['main:1', 'side:0'])] },
      }),
      [single],
      [makeModel('m', 'main:1', 'side:1')],
    );
    expect(fleetMismatch(drifted)).toMatch(/runs main:1, side:0, but cfg asks for main:1, side:1/);
  });
});
