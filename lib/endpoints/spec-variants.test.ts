import { describe, expect, it } from 'vitest';
import { makeConfig, makeModel, referenceConfig, referenceModel, xgboostImage } from './fixtures.test-support';
import { modelImages, specVariants } from './spec-variants';

describe('modelImages', () => {
  it.each([
    ['a primary container (upstream example)', referenceModel('xgboost_model.yaml'), [xgboostImage]],
    ['containers (upstream example)', referenceModel('xgboost_model_with_model_location.yaml'), ['xgboost-image-uri']],
    ['several containers, in order', makeModel('m', 'main:1', 'side:1'), ['main:1', 'side:1']],
    [
      'a container without an image (a model package)',
      { metadata: { name: 'm' }, spec: { modelName: 'm', primaryContainer: { modelPackageName: 'pkg' } } },
      [],
    ],
  ])('%s', (_name, model, images) => {
    expect(modelImages(model)).toEqual(images);
  });
});

describe('specVariants', () => {
  it('joins variants to Models by SageMaker model name and leaves images out for a Model it does not have', () => {
    const config = makeConfig('cfg', [
      { variant: 'a', model: 'sm-a' },
      { variant: 'b', model: 'sm-b' },
    ]);
    const renamed = { ...makeModel('sm-a', 'img:1'), metadata: { name: 'object-name-differs' } };
    expect(specVariants(config, [renamed])).toEqual([
      { name: 'a', modelName: 'sm-a', images: ['img:1'] },
      { name: 'b', modelName: 'sm-b' },
    ]);
  });

  it('keeps a variant with no model (inference components)', () => {
    const config = referenceConfig('endpoint_config_multi_variant.yaml', 'cfg');
    const bare = {
      ...config,
      spec: { ...config.spec, productionVariants: [{ variantName: 'ic', instanceType: 'ml.g5.xlarge' }] },
    };
    expect(specVariants(bare, [])).toEqual([{ name: 'ic' }]);
  });
});
