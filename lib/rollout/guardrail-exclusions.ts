import { usesModelPackage } from '@/lib/endpoints/status-facts';
import type { Model } from '@/lib/schemas/model';
import type { DraftVariant } from '@/lib/schemas/rollout-request';
import type { RolloutContext } from './context';

/** Why SageMaker will not apply deployment guardrails to an update, for one variant. */
export interface GuardrailExclusion {
  code: 'inf1-instances' | 'marketplace-container';
  variantName: string;
  /** Index of the draft variant, when the draft (not only the live fleet) has the feature. */
  draftIndex?: number;
  detail: string;
}

const INF1 = 'ml.inf1.';

/**
 * Features that make SageMaker skip deployment guardrails and fall back to blue/green all at once with no
 * bake (SageMaker guide, deployment guardrails "Exclusions"): Inf1 instances and Marketplace containers, in the
 * draft or in the live fleet.
 */
export function guardrailExclusions(
  variants: DraftVariant[],
  context: Pick<RolloutContext, 'variants'>,
  models?: Model[],
): GuardrailExclusion[] {
  const found: GuardrailExclusion[] = [];
  variants.forEach((variant, index) => {
    if (variant.instanceType?.startsWith(INF1)) {
      found.push({
        code: 'inf1-instances',
        variantName: variant.variantName,
        draftIndex: index,
        detail: variant.instanceType,
      });
    }
    const model = models?.find((candidate) => candidate.spec.modelName === variant.modelName);
    // Marketplace containers come as model packages (see usesModelPackage).
    if (model && usesModelPackage(model)) {
      found.push({
        code: 'marketplace-container',
        variantName: variant.variantName,
        draftIndex: index,
        detail: variant.modelName,
      });
    }
  });
  for (const live of context.variants) {
    const draftHas = (code: GuardrailExclusion['code']) =>
      found.some((item) => item.code === code && item.variantName === live.variantName);
    if (live.instanceType?.startsWith(INF1) && !draftHas('inf1-instances')) {
      found.push({ code: 'inf1-instances', variantName: live.variantName, detail: live.instanceType });
    }
    if (live.marketplace && !draftHas('marketplace-container')) {
      found.push({
        code: 'marketplace-container',
        variantName: live.variantName,
        detail: live.modelName ?? live.variantName,
      });
    }
  }
  return found;
}
