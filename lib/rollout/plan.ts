import type { Model } from '@/lib/schemas/model';
import type { RolloutDraft } from '@/lib/schemas/rollout-request';
import { fleetInstanceCount, type RolloutContext } from './context';
import { guardrailExclusions } from './guardrail-exclusions';
import { effectiveVariants } from './retained-variants';
import { rolloutSchedule, type RolloutSchedule } from './schedule';

/** What a rollout will do, step by step, and how long and how many instances it takes. */
export type RolloutPlan = RolloutSchedule;

/**
 * The plan of a rollout on this endpoint. The old fleet is what runs now; the new fleet keeps each existing
 * variant's current desired instance count whatever the new config says (RetainAllVariantProperties=true,
 * docs/ack-behaviour.md §2.3, §6.4), and new variants take their initial count. When guardrails do not apply (Inf1,
 * Marketplace containers; pass `models` to detect the latter) SageMaker deploys all at once whatever the policy.
 * Canary and linear steps are sized against each variant's own instance count.
 */
export function planRollout(
  draft: Pick<RolloutDraft, 'variants' | 'deploymentConfig'>,
  context: RolloutContext,
  models?: Model[],
): RolloutPlan {
  const guardrailsApply = guardrailExclusions(draft.variants, context, models).length === 0;
  const newVariantInstances = effectiveVariants(draft.variants, context)
    .filter((variant) => !variant.serverless)
    .map((variant) => variant.instanceCount);
  const newInstances = newVariantInstances.reduce((sum, count) => sum + count, 0);
  const fleet = { oldInstances: fleetInstanceCount(context), newInstances, newVariantInstances };
  return rolloutSchedule(draft.deploymentConfig, fleet, guardrailsApply);
}
