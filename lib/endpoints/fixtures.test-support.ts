// Builders for the unit tests beside this file: the controller's own fixtures (docs/ack-behaviour.md §1.4) and small
// hand-made objects for the cases those fixtures do not cover. Test code only.
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { AckCondition } from '@/lib/schemas/ack';
import { type Endpoint, endpointSchema } from '@/lib/schemas/endpoint';
import { type EndpointConfig, endpointConfigSchema } from '@/lib/schemas/endpoint-config';
import { type Model, modelSchema } from '@/lib/schemas/model';
import { controllerCase, upstreamExample } from '@/test/support/ack-fixtures';
import { lastConfigForUpdateAnnotation } from './health';
import { summarizeEndpoint } from './summarize-endpoint';

/** The Endpoint of the controller's unit-test case endpoint/<path>, in namespace `ns`. */
export function referenceEndpoint(path: string): Endpoint {
  const object = endpointSchema.parse(controllerCase(`endpoint/${path}`));
  return { ...object, metadata: { ...object.metadata, namespace: 'ns' } };
}

/** An upstream example EndpointConfig by file name, renamed (object and SageMaker name) to `name`. */
export function referenceConfig(file: string, name: string): EndpointConfig {
  const object = endpointConfigSchema.parse(upstreamExample(file));
  return {
    ...object,
    metadata: { ...object.metadata, name, namespace: 'ns' },
    spec: { ...object.spec, endpointConfigName: name },
  };
}

/** An upstream example Model by file name, in namespace `ns`. */
export function referenceModel(file: string): Model {
  const object = modelSchema.parse(upstreamExample(file));
  return { ...object, metadata: { ...object.metadata, namespace: 'ns' } };
}

/** The image the controller's fixtures deploy, which xgboost_model.yaml names after substitution. */
export const xgboostImage = '433757028032.dkr.ecr.us-west-2.amazonaws.com/xgboost:latest';

export const condition = (type: string, status: string, message?: string, reason?: string): AckCondition => ({
  type,
  status,
  ...(message !== undefined ? { message } : {}),
  ...(reason !== undefined ? { reason } : {}),
});

/** A hand-made Endpoint named `ep` in `ns` whose spec asks for `configName`; `submitted` is the annotation. */
export function makeEndpoint(options: {
  configName?: string;
  submitted?: string;
  status?: Endpoint['status'];
  spec?: Partial<Endpoint['spec']>;
  created?: string;
}): Endpoint {
  return {
    metadata: {
      name: 'ep',
      namespace: 'ns',
      ...(options.created ? { creationTimestamp: options.created } : {}),
      ...(options.submitted ? { annotations: { [lastConfigForUpdateAnnotation]: options.submitted } } : {}),
    },
    spec: { endpointName: 'ep', endpointConfigName: options.configName ?? 'cfg-v2', ...options.spec },
    status: options.status,
  };
}

/** A config `name` with one instance variant per entry of `variants` (variant name and model name). */
export function makeConfig(
  name: string,
  variants: { variant: string; model: string; instanceType?: string; count?: number }[],
): EndpointConfig {
  return {
    metadata: { name, namespace: 'ns' },
    spec: {
      endpointConfigName: name,
      productionVariants: variants.map((entry) => ({
        variantName: entry.variant,
        modelName: entry.model,
        instanceType: entry.instanceType ?? 'ml.m5.large',
        initialInstanceCount: entry.count ?? 1,
        initialVariantWeight: 1,
      })),
    },
  };
}

/** A Model whose primary container runs `image`, or whose containers run `images`. */
export function makeModel(modelName: string, ...images: string[]): Model {
  const containers = images.map((image) => ({ image }));
  return {
    metadata: { name: modelName, namespace: 'ns' },
    spec: { modelName, ...(containers.length === 1 ? { primaryContainer: containers[0] } : { containers }) },
  };
}

/** A running variant of `status.productionVariants`. */
export function runningVariant(name: string, count: number, image: string, weight = 1) {
  return {
    variantName: name,
    currentWeight: weight,
    desiredWeight: weight,
    currentInstanceCount: count,
    desiredInstanceCount: count,
    deployedImages: [{ specifiedImage: image, resolvedImage: `${image.replace(/:[^:/]+$/, '')}@sha256:${name}` }],
  };
}

/** summarizeEndpoint with a summary's fields overridden, for rules that read the summary alone. */
export function summaryOf(
  endpoint: Endpoint,
  configs: EndpointConfig[] = [],
  models: Model[] = [],
  overrides: Partial<EndpointSummary> = {},
): EndpointSummary {
  return { ...summarizeEndpoint(endpoint, configs, models), ...overrides };
}
