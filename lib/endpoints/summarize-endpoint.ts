import type { EndpointSummary, VariantView } from '@/lib/api/endpoint-summary';
import type { Endpoint, PendingVariantSummary, ProductionVariantSummary } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import { expectedRolloutSeconds, newFleetVariantInstances } from '@/lib/rollout/expected-duration';
import { rolloutAnnotations } from '@/lib/rollout/history';
import { controllerError } from './controller-error';
import { endpointHealth, lastConfigForUpdateAnnotation } from './health';
import { heldBackChange } from './held-back';
import { runningConfigOf, type RunningConfigMemory } from './running-config';
import { specVariants } from './spec-variants';
import { newFleetShare } from './traffic-split';

/** A short name for the deployment policy in the spec. */
export function policyName(endpoint: Endpoint): string | undefined {
  const config = endpoint.spec.deploymentConfig;
  if (config?.rollingUpdatePolicy) return 'Rolling';
  const routing = config?.blueGreenUpdatePolicy?.trafficRoutingConfiguration?.type_;
  if (routing === 'CANARY') return 'Blue/green canary';
  if (routing === 'LINEAR') return 'Blue/green linear';
  if (routing) return 'Blue/green all at once';
  return undefined;
}

function variantViews(
  variants: (ProductionVariantSummary | PendingVariantSummary)[],
  config: EndpointConfig | undefined,
): VariantView[] {
  const totalWeight = variants.reduce((sum, variant) => sum + (variant.currentWeight ?? 0), 0);
  return variants.map((variant) => {
    const configured = config?.spec.productionVariants.find(
      (candidate) => candidate.variantName === variant.variantName,
    );
    const images = variant.deployedImages ?? [];
    const image = images[0];
    return {
      name: variant.variantName ?? '',
      // Pending variants name their instance type; running ones do not (docs/ack-behaviour.md §4.2, §4.3).
      instanceType: (variant as PendingVariantSummary).instanceType ?? configured?.instanceType,
      serverless: Boolean(
        variant.currentServerlessConfig ?? variant.desiredServerlessConfig ?? configured?.serverlessConfig,
      ),
      currentInstanceCount: variant.currentInstanceCount,
      desiredInstanceCount: variant.desiredInstanceCount,
      currentWeight: variant.currentWeight,
      desiredWeight: variant.desiredWeight,
      trafficShare: totalWeight > 0 ? (variant.currentWeight ?? 0) / totalWeight : undefined,
      modelName: configured?.modelName,
      specifiedImage: image?.specifiedImage,
      resolvedImage: image?.resolvedImage,
      ...(images.length > 1
        ? { images: images.map(({ specifiedImage, resolvedImage }) => ({ specifiedImage, resolvedImage })) }
        : {}),
    };
  });
}

// The size of the running fleet an update replaces. Desired, not current: a rolling update shrinks the old
// fleet's current count batch by batch, and the expected duration must not shrink with it.
function runningInstances(variants: ProductionVariantSummary[]): number {
  return variants.reduce(
    (sum, variant) => sum + (variant.desiredInstanceCount ?? variant.currentInstanceCount ?? 0),
    0,
  );
}

/**
 * The view of one endpoint for lists and the stream: status and health, its variants joined with the
 * EndpointConfig its spec names (by spec.endpointConfigName, not object name) for instance types and models,
 * and the deployment in progress. `configs` and `models` are those of the endpoint's namespace; without
 * models, `specVariants` carries no images and a fleet running the wrong image cannot be told apart. `memory`
 * is what the server's watch remembers of the endpoint (`rememberRunningConfig`): without it, the old fleet of
 * an update is named only when a Fleetdeck rollout recorded it.
 * Nothing here depends on the clock, so an unchanged endpoint always gives the same summary.
 */
export function summarizeEndpoint(
  endpoint: Endpoint,
  configs: EndpointConfig[],
  models: Model[] = [],
  memory?: RunningConfigMemory,
): EndpointSummary {
  const byName = (name: string | undefined) => configs.find((config) => config.spec.endpointConfigName === name);
  const specConfig = byName(endpoint.spec.endpointConfigName);
  const pending = endpoint.status?.pendingDeploymentSummary;
  const stage = pending?.productionVariants?.[0]?.variantStatus?.[0];
  const health = endpointHealth(endpoint);
  const running = endpoint.status?.productionVariants ?? [];
  const deploymentConfig = endpoint.spec.deploymentConfig;
  // A create follows no deployment policy, so there is nothing to expect until a fleet runs.
  // The launch timeouts are those of the config being deployed (the spec's, when no deployment is reported).
  const launching = (byName(pending?.endpointConfigName) ?? specConfig)?.spec.productionVariants ?? [];
  const expected =
    running.length > 0
      ? expectedRolloutSeconds(
          deploymentConfig,
          runningInstances(running),
          launching,
          // Each variant steps through its own instances (docs/ack-behaviour.md §13.4).
          newFleetVariantInstances(pending?.productionVariants, running),
        )
      : undefined;
  const heldBack = heldBackChange(endpoint);
  const error = controllerError(endpoint.status?.conditions);
  // While a deployment runs, productionVariants is the old fleet; join it with the config it came from. The
  // status does not name that config: the server remembers it from its watch, and a rollout made with Fleetdeck
  // records it on the new config.
  const previousConfigName = byName(pending?.endpointConfigName)?.metadata.annotations?.[
    rolloutAnnotations.previousConfig
  ];
  const runningConfig = runningConfigOf(endpoint, memory, previousConfigName);
  const liveConfig = runningConfig && 'name' in runningConfig ? byName(runningConfig.name) : undefined;
  const split = newFleetShare(endpoint);
  return {
    namespace: endpoint.metadata.namespace ?? '',
    name: endpoint.metadata.name,
    uid: endpoint.metadata.uid,
    endpointName: endpoint.spec.endpointName,
    status: endpoint.status?.endpointStatus,
    health,
    failureReason: endpoint.status?.failureReason,
    configName: endpoint.spec.endpointConfigName,
    lastSubmittedConfigName: endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation],
    policy: policyName(endpoint),
    variants: variantViews(running, liveConfig),
    ...(pending
      ? {
          deployment: {
            configName: pending.endpointConfigName,
            ...(runningConfig ? { previousConfig: runningConfig } : {}),
            ...(split !== undefined ? { newFleetShare: split } : {}),
            startTime: pending.startTime,
            ...(stage?.status
              ? { stage: { status: stage.status, message: stage.statusMessage, startTime: stage.startTime } }
              : {}),
            variants: variantViews(pending.productionVariants ?? [], byName(pending.endpointConfigName)),
          },
        }
      : {}),
    lastChange: endpoint.status?.lastModifiedTime ?? endpoint.metadata.creationTimestamp ?? undefined,
    createdAt: endpoint.metadata.creationTimestamp ?? undefined,
    ...(deploymentConfig ? { deploymentConfig } : {}),
    ...(expected !== undefined ? { expectedDeploymentSeconds: expected } : {}),
    ...(specConfig ? { specVariants: specVariants(specConfig, models) } : {}),
    ...(heldBack ? { heldBack } : {}),
    ...(error ? { controllerError: error } : {}),
  };
}
