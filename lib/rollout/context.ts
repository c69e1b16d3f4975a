import { endpointHealth } from '@/lib/endpoints/health';
import { usesModelPackage } from '@/lib/endpoints/status-facts';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';

/** One variant of the running fleet, joined with the live EndpointConfig for what Describe does not report. */
export interface LiveVariant {
  variantName: string;
  /** From the live config: DescribeEndpoint's running variants have no instance type (docs/ack-behaviour.md §4.2). */
  instanceType?: string;
  currentInstanceCount?: number;
  /** What the variant will keep through an update (RetainAllVariantProperties=true, docs/ack-behaviour.md §2.3). */
  desiredInstanceCount?: number;
  currentWeight?: number;
  /** What the variant will keep through an update, like desiredInstanceCount. */
  desiredWeight?: number;
  serverless: boolean;
  /** managedInstanceScaling is ENABLED, or the desired count drifted from the config's initial count. */
  autoscaling: boolean;
  modelName?: string;
  /** The variant's model runs a model package, as AWS Marketplace models do; undefined when not known. */
  marketplace?: boolean;
}

/** What rollout logic needs to know about the endpoint it is about to change. */
export interface RolloutContext {
  endpointStatus?: string;
  failureReason?: string;
  /**
   * The config SageMaker rolled back (annotation sagemaker.services.k8s.aws/last-endpoint-config-for-update
   * when lib/endpoints/health.ts finds the endpoint rolledBack). ACK refuses to submit it again
   * (docs/ack-behaviour.md §6.1 step 2b).
   */
  failedConfigName?: string;
  liveConfigName: string;
  variants: LiveVariant[];
}

/**
 * The name of the config the endpoint runs: after a rolled-back update the spec names the failed config and
 * the live one is only in the terminal condition's message (docs/ack-behaviour.md §6.2), so callers look it up by this.
 */
export function liveConfigNameOf(endpoint: Endpoint): string {
  return endpointHealth(endpoint).rolledBack?.liveConfigName ?? endpoint.spec.endpointConfigName;
}

/**
 * The rollout context of an endpoint: its status, the config it runs and its running variants joined by
 * variantName with `liveConfig` (the EndpointConfig named by liveConfigNameOf) and, when given, the models.
 */
export function rolloutContextFrom(
  endpoint: Endpoint,
  liveConfig: EndpointConfig | undefined,
  models?: Model[],
): RolloutContext {
  const health = endpointHealth(endpoint);
  const variants = (endpoint.status?.productionVariants ?? []).map((variant): LiveVariant => {
    const configured = liveConfig?.spec.productionVariants.find(
      (candidate) => candidate.variantName === variant.variantName,
    );
    const modelName = configured?.modelName;
    const model = models && modelName ? models.find((candidate) => candidate.spec.modelName === modelName) : undefined;
    const drifted =
      variant.desiredInstanceCount !== undefined &&
      configured?.initialInstanceCount !== undefined &&
      variant.desiredInstanceCount !== configured.initialInstanceCount;
    return {
      variantName: variant.variantName ?? '',
      instanceType: configured?.instanceType,
      currentInstanceCount: variant.currentInstanceCount,
      desiredInstanceCount: variant.desiredInstanceCount,
      currentWeight: variant.currentWeight,
      desiredWeight: variant.desiredWeight,
      serverless: Boolean(
        variant.currentServerlessConfig ?? variant.desiredServerlessConfig ?? configured?.serverlessConfig,
      ),
      autoscaling:
        (variant.managedInstanceScaling?.status ?? configured?.managedInstanceScaling?.status) === 'ENABLED' || drifted,
      ...(modelName !== undefined ? { modelName } : {}),
      ...(models !== undefined && modelName !== undefined
        ? { marketplace: model ? usesModelPackage(model) : undefined }
        : {}),
    };
  });
  return {
    endpointStatus: endpoint.status?.endpointStatus,
    failureReason: endpoint.status?.failureReason,
    failedConfigName: health.rolledBack?.failedConfigName,
    liveConfigName: liveConfig?.spec.endpointConfigName ?? liveConfigNameOf(endpoint),
    variants,
  };
}

/** The instances the endpoint runs now: current counts of its instance (not serverless) variants. */
export function fleetInstanceCount(context: Pick<RolloutContext, 'variants'>): number {
  return context.variants.reduce(
    (sum, variant) => sum + (variant.serverless ? 0 : (variant.currentInstanceCount ?? 0)),
    0,
  );
}
