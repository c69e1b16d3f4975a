import type { VariantView } from '@/lib/api/endpoint-summary';

/** One image a variant runs, as specified in the Model and as SageMaker resolved it. */
export interface VariantImage {
  specifiedImage?: string;
  resolvedImage?: string;
}

/**
 * Every image a variant view runs. The view names its first image inline and lists `images` only when a
 * multi-container Model gives it more than one, to keep the summary small.
 */
export function variantImages(variant: VariantView): VariantImage[] {
  if (variant.images && variant.images.length > 0) return variant.images;
  if (variant.specifiedImage === undefined && variant.resolvedImage === undefined) return [];
  return [{ specifiedImage: variant.specifiedImage, resolvedImage: variant.resolvedImage }];
}
