import { describe, expect, it } from 'vitest';
import type { VariantView } from '@/lib/api/endpoint-summary';
import { variantImages } from './variant-images';

const view = (extra: Partial<VariantView>): VariantView => ({ name: 'a', serverless: false, ...extra });

describe('variantImages', () => {
  it.each([
    [
      'the inline image',
      view({ specifiedImage: 'img:1', resolvedImage: 'img@sha256:1' }),
      [{ specifiedImage: 'img:1', resolvedImage: 'img@sha256:1' }],
    ],
    [
      'the full list when there is one',
      view({ specifiedImage: 'img:1', images: [{ specifiedImage: 'img:1' }, { specifiedImage: 'side:1' }] }),
      [{ specifiedImage: 'img:1' }, { specifiedImage: 'side:1' }],
    ],
    ['nothing when SageMaker reports no image', view({}), []],
  ])('gives %s', (_name, variant, images) => {
    expect(variantImages(variant)).toEqual(images);
  });
});
