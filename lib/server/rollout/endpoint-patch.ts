import 'server-only';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';

export interface EndpointPatch {
  metadata: { resourceVersion: string };
  spec: { endpointConfigName: string; deploymentConfig: unknown };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON merge patch value (RFC 7386) that leaves exactly `desired` where `current` was: merge patches merge
 * objects key by key, so every key `current` has and `desired` lacks is sent as null, at every depth.
 * Arrays and scalars replace whole.
 */
export function replacingValue(current: unknown, desired: unknown): unknown {
  if (!isPlainObject(desired) || !isPlainObject(current)) return desired;
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(desired)) patch[key] = replacingValue(current[key], value);
  for (const key of Object.keys(current)) if (!(key in desired)) patch[key] = null;
  return patch;
}

/**
 * The merge patch of a rollout: the new config name, and the deployment config set to the draft's (or removed),
 * with the resourceVersion it was computed from as a precondition, so a concurrent write gives 409 instead of
 * being overwritten. Only these two spec fields reach SageMaker on update (docs/ack-behaviour.md §2.1).
 */
export function endpointPatchFor(
  endpoint: Endpoint,
  configName: string,
  deploymentConfig: DeploymentConfigInput | undefined,
): EndpointPatch {
  return {
    metadata: { resourceVersion: endpoint.metadata.resourceVersion ?? '' },
    spec: {
      endpointConfigName: configName,
      deploymentConfig: deploymentConfig ? replacingValue(endpoint.spec.deploymentConfig, deploymentConfig) : null,
    },
  };
}
