import type { ModelOption } from '@/lib/api/rollout-views';
import type { Model } from '@/lib/schemas/model';

/**
 * The namespace's models as the rollout logic reads them (plan and warnings only ask whether a model runs a
 * model package), from the options the form context sends.
 */
export function modelsFromOptions(options: ModelOption[]): Model[] {
  return options.map((option) => ({
    metadata: { name: option.name },
    spec: {
      modelName: option.modelName,
      primaryContainer: {
        ...(option.image ? { image: option.image } : {}),
        ...(option.modelPackageName ? { modelPackageName: option.modelPackageName } : {}),
      },
    },
  }));
}
