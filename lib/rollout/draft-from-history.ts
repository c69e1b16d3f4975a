import type { EndpointConfigSpec } from '@/lib/schemas/endpoint-config';
import type { RolloutContext } from './context';
import type { RolloutForm } from './draft-from-form';
import { variantFormFrom } from './draft-from-live';

/**
 * The form rolled back to an earlier config: its variants replace the draft's and it becomes the base (so its
 * data capture, KMS key and per-variant extras are kept). The policy, alarms and reason stay, so going back
 * takes the same plan, diff and dry run as going forward. A variant the endpoint does not run now is `added`.
 */
export function formFromConfig(
  form: RolloutForm,
  config: Pick<EndpointConfigSpec, 'endpointConfigName' | 'productionVariants'>,
  context: Pick<RolloutContext, 'variants'>,
): RolloutForm {
  const running = new Set(context.variants.map((variant) => variant.variantName));
  return {
    ...form,
    baseConfigName: config.endpointConfigName,
    variants: config.productionVariants.map((variant) =>
      variantFormFrom(variant, running.size > 0 && !running.has(variant.variantName ?? '')),
    ),
  };
}
