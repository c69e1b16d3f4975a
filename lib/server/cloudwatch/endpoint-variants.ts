import 'server-only';
import type { Endpoint, PendingVariantSummary, ProductionVariantSummary } from '@/lib/schemas/endpoint';

export interface MeasuredVariant {
  variantName: string;
  serverless: boolean;
}

const isServerless = (variant: ProductionVariantSummary | PendingVariantSummary) =>
  Boolean(variant.currentServerlessConfig ?? variant.desiredServerlessConfig);

/**
 * The variants whose metrics a page shows: those the endpoint runs, then those of the deployment in flight
 * (a blue/green update's new fleet reports under the same variant names; a new name adds a variant).
 */
export function measuredVariants(endpoint: Pick<Endpoint, 'status'>): MeasuredVariant[] {
  const running = endpoint.status?.productionVariants ?? [];
  const pending = endpoint.status?.pendingDeploymentSummary?.productionVariants ?? [];
  const byName = new Map<string, MeasuredVariant>();
  for (const variant of [...running, ...pending]) {
    if (!variant.variantName) continue;
    const known = byName.get(variant.variantName);
    byName.set(variant.variantName, {
      variantName: variant.variantName,
      serverless: (known?.serverless ?? false) || isServerless(variant),
    });
  }
  return [...byName.values()];
}
