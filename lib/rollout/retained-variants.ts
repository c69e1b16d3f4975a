import type { DraftVariant } from '@/lib/schemas/rollout-request';
import type { LiveVariant, RolloutContext } from './context';

/** A variant of the new config as it will run once the update is done. */
export interface EffectiveVariant {
  variantName: string;
  /** The variant exists now, so it keeps its current desired count and weight. */
  retained: boolean;
  serverless: boolean;
  /** Instances it will run (0 for serverless). */
  instanceCount: number;
  weight: number;
  /** The draft's initialInstanceCount when it differs from what the variant keeps. */
  ignoredInstanceCount?: number;
  /** The draft's initialVariantWeight when it differs from what the variant keeps. */
  ignoredWeight?: number;
  live?: LiveVariant;
}

// SageMaker's default initialVariantWeight (1.0 per the API reference; docs/ack-behaviour.md §6.4).
const DEFAULT_WEIGHT = 1;

/**
 * What each draft variant will really run with. ACK always updates with RetainAllVariantProperties=true, so a
 * variant whose name exists keeps its current desired instance count and weight whatever the new config says;
 * only new variants take initialInstanceCount and initialVariantWeight (docs/ack-behaviour.md §2.3, §6.4).
 */
export function effectiveVariants(
  variants: DraftVariant[],
  context: Pick<RolloutContext, 'variants'>,
): EffectiveVariant[] {
  return variants.map((variant) => {
    const live = context.variants.find((candidate) => candidate.variantName === variant.variantName);
    const serverless = variant.serverlessConfig !== undefined;
    if (!live) {
      return {
        variantName: variant.variantName,
        retained: false,
        serverless,
        instanceCount: serverless ? 0 : (variant.initialInstanceCount ?? 0),
        weight: variant.initialVariantWeight ?? DEFAULT_WEIGHT,
      };
    }
    const keptCount = live.desiredInstanceCount ?? live.currentInstanceCount;
    const keptWeight = live.desiredWeight ?? live.currentWeight;
    const instanceCount = serverless ? 0 : (keptCount ?? variant.initialInstanceCount ?? 0);
    const weight = keptWeight ?? variant.initialVariantWeight ?? DEFAULT_WEIGHT;
    return {
      variantName: variant.variantName,
      retained: true,
      serverless,
      instanceCount,
      weight,
      ...(!serverless &&
      keptCount !== undefined &&
      variant.initialInstanceCount !== undefined &&
      variant.initialInstanceCount !== keptCount
        ? { ignoredInstanceCount: variant.initialInstanceCount }
        : {}),
      ...(keptWeight !== undefined &&
      variant.initialVariantWeight !== undefined &&
      variant.initialVariantWeight !== keptWeight
        ? { ignoredWeight: variant.initialVariantWeight }
        : {}),
      live,
    };
  });
}
