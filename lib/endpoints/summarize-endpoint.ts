import type { EndpointSummary, VariantView } from '@/lib/api/endpoint-summary';
import type { Endpoint, PendingVariantSummary, ProductionVariantSummary } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import { endpointHealth, lastConfigForUpdateAnnotation } from './health';

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
    const configured = config?.spec.productionVariants.find((candidate) => candidate.variantName === variant.variantName);
    const image = variant.deployedImages?.[0];
    return {
      name: variant.variantName ?? '',
      // Pending variants name their instance type; running ones do not (BEHAVIOUR.md §2.2).
      instanceType: (variant as PendingVariantSummary).instanceType ?? configured?.instanceType,
      serverless: Boolean(variant.currentServerlessConfig ?? variant.desiredServerlessConfig ?? configured?.serverlessConfig),
      currentInstanceCount: variant.currentInstanceCount,
      desiredInstanceCount: variant.desiredInstanceCount,
      currentWeight: variant.currentWeight,
      desiredWeight: variant.desiredWeight,
      trafficShare: totalWeight > 0 ? (variant.currentWeight ?? 0) / totalWeight : undefined,
      modelName: configured?.modelName,
      specifiedImage: image?.specifiedImage,
      resolvedImage: image?.resolvedImage,
    };
  });
}

/**
 * The view of one endpoint for lists and the stream: status and health, its variants joined with the
 * EndpointConfig its spec names (by spec.endpointConfigName, not object name) for instance types and models,
 * and the deployment in progress. `configs` are the EndpointConfigs of the endpoint's namespace.
 */
export function summarizeEndpoint(endpoint: Endpoint, configs: EndpointConfig[]): EndpointSummary {
  const byName = (name: string | undefined) => configs.find((config) => config.spec.endpointConfigName === name);
  const specConfig = byName(endpoint.spec.endpointConfigName);
  const pending = endpoint.status?.pendingDeploymentSummary;
  const stage = pending?.productionVariants?.[0]?.variantStatus?.[0];
  const health = endpointHealth(endpoint);
  // While a deployment runs, productionVariants is the old fleet; join it with the config it came from.
  const liveConfig = pending ? byName(health.rolledBack?.liveConfigName) : (byName(health.rolledBack?.liveConfigName) ?? specConfig);
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
    variants: variantViews(endpoint.status?.productionVariants ?? [], liveConfig),
    ...(pending
      ? {
          deployment: {
            configName: pending.endpointConfigName,
            startTime: pending.startTime,
            ...(stage?.status ? { stage: { status: stage.status, message: stage.statusMessage, startTime: stage.startTime } } : {}),
            variants: variantViews(pending.productionVariants ?? [], byName(pending.endpointConfigName)),
          },
        }
      : {}),
    lastChange: endpoint.status?.lastModifiedTime ?? endpoint.metadata.creationTimestamp ?? undefined,
    createdAt: endpoint.metadata.creationTimestamp ?? undefined,
  };
}
