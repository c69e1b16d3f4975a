import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';

/** A variant the spec's EndpointConfig asks for, with the images of its Model when that Model is known. */
export interface SpecVariant {
  name: string;
  modelName?: string;
  /** The Model's container images in container order; absent when the Model is not in the namespace. */
  images?: string[];
}

/** The images a Model runs: its primary container, or each of its containers (docs/ack-behaviour.md §12). */
export function modelImages(model: Model): string[] {
  const containers = model.spec.primaryContainer ? [model.spec.primaryContainer] : (model.spec.containers ?? []);
  return containers.flatMap((container) => (container.image ? [container.image] : []));
}

/**
 * The variants of `config` joined with `models` by spec.modelName (the SageMaker name, not the object name),
 * so the running fleet can be compared with what the spec asks for.
 */
export function specVariants(config: EndpointConfig, models: Model[]): SpecVariant[] {
  return config.spec.productionVariants.map((variant) => {
    const model =
      variant.modelName === undefined
        ? undefined
        : models.find((candidate) => candidate.spec.modelName === variant.modelName);
    return {
      name: variant.variantName ?? '',
      ...(variant.modelName !== undefined ? { modelName: variant.modelName } : {}),
      ...(model ? { images: modelImages(model) } : {}),
    };
  });
}
