import { createHash } from 'node:crypto';
import type { EndpointConfigSpec } from '../../lib/schemas/endpoint-config';
import type { ModelSpec } from '../../lib/schemas/model';
import type { DeployedImage, SimVariant } from './types';

/** The digest SageMaker resolves an image tag to; deterministic, so restarts and tests agree. */
export function resolveImage(image: string, at: number): DeployedImage {
  const repository = image.includes('@') ? image.slice(0, image.indexOf('@')) : image.replace(/:[^:/]+$/, '');
  const digest = createHash('sha256').update(image).digest('hex');
  return { specifiedImage: image, resolvedImage: `${repository}@sha256:${digest}`, resolutionTime: at };
}

// A Model's containers: its primary container, or each of its containers (docs/ack-behaviour.md §12).
const containersOf = (model: ModelSpec) =>
  model.primaryContainer ? [model.primaryContainer] : (model.containers ?? []);

/** The images a Model runs: its primary container, or each of its containers. */
export function imagesOf(model: ModelSpec | undefined): string[] {
  if (!model) return [];
  return containersOf(model).flatMap((container) => (container.image ? [container.image] : []));
}

/**
 * Whether a Model runs an AWS Marketplace container: one given by ModelPackageName instead of Image, as the
 * primary container or one of several (API ContainerDefinition). Such endpoints get no deployment guardrails
 * (Developer Guide, "Exclusions").
 */
export const usesModelPackage = (model: ModelSpec | undefined): boolean =>
  model !== undefined && containersOf(model).some((container) => Boolean(container.modelPackageName));

/** A fleet at the initial values of a config, as CreateEndpoint starts it. */
export function initialFleet(
  config: EndpointConfigSpec,
  modelByName: (name: string) => ModelSpec | undefined,
  at: number,
): SimVariant[] {
  return config.productionVariants.map((variant) => ({
    variantName: variant.variantName ?? '',
    instanceType: variant.instanceType,
    acceleratorType: variant.acceleratorType,
    instanceCount: variant.serverlessConfig ? undefined : (variant.initialInstanceCount ?? 1),
    // SageMaker's default weight is 1.0 (docs/ack-behaviour.md §6.4).
    weight: variant.initialVariantWeight ?? 1,
    serverless: variant.serverlessConfig
      ? {
          memorySizeInMB: variant.serverlessConfig.memorySizeInMB,
          maxConcurrency: variant.serverlessConfig.maxConcurrency,
          provisionedConcurrency: variant.serverlessConfig.provisionedConcurrency,
        }
      : undefined,
    images: imagesOf(variant.modelName ? modelByName(variant.modelName) : undefined).map((image) =>
      resolveImage(image, at),
    ),
  }));
}

/**
 * The fleet an update deploys. UpdateEndpoint always sends RetainAllVariantProperties=true (docs/ack-behaviour.md §6.4):
 * a variant whose name already runs keeps its current instance count and weight, whatever the new config says;
 * new variants take the config's initial values; variants missing from the config go away.
 */
export function retainedFleet(current: SimVariant[], target: SimVariant[]): SimVariant[] {
  const byName = new Map(current.map((variant) => [variant.variantName, variant]));
  return target.map((variant) => {
    const existing = byName.get(variant.variantName);
    if (!existing) return variant;
    return {
      ...variant,
      weight: existing.weight,
      instanceCount: variant.serverless ? undefined : (existing.instanceCount ?? variant.instanceCount),
    };
  });
}

/** Instances across a fleet; serverless variants count for none. */
export const instanceTotal = (fleet: SimVariant[]) =>
  fleet.reduce((sum, variant) => sum + (variant.instanceCount ?? 0), 0);
