import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import type {
  PendingDeploymentSummary,
  PendingVariantSummary,
  ProductionVariantSummary,
} from '../../lib/schemas/endpoint';
import { rfc3339 } from '../rfc3339';
import { stageAt } from './deployment-stages';
import type { SimEndpoint, SimVariant, Stage } from './types';

/** What DescribeEndpoint returns, already in the shape ACK copies into the CR's status (docs/ack-behaviour.md §4.1). */
export interface EndpointDescription {
  endpointName: string;
  endpointArn: string;
  endpointConfigName: string;
  endpointStatus: string;
  failureReason?: string;
  creationTime: string;
  lastModifiedTime: string;
  productionVariants?: ProductionVariantSummary[];
  pendingDeploymentSummary?: PendingDeploymentSummary;
  lastDeploymentConfig?: DeploymentConfig;
}

const iso = rfc3339;

// Replaces lastDeploymentConfig in a description, removing it when there is none.
const withDeploymentConfig = (config: DeploymentConfig | undefined) => ({ lastDeploymentConfig: config });

function images(variant: SimVariant) {
  return variant.images.map((image) => ({
    specifiedImage: image.specifiedImage,
    resolvedImage: image.resolvedImage,
    resolutionTime: iso(image.resolutionTime),
  }));
}

function capacity(variant: SimVariant, currentCount: number | undefined) {
  if (variant.serverless) {
    return { currentServerlessConfig: { ...variant.serverless }, desiredServerlessConfig: { ...variant.serverless } };
  }
  return { currentInstanceCount: currentCount, desiredInstanceCount: variant.instanceCount };
}

/** A running variant; `fraction` is the share of its instances still running (rolling updates). */
function runningVariant(variant: SimVariant, fraction = 1): ProductionVariantSummary {
  const count = variant.instanceCount === undefined ? undefined : Math.round(variant.instanceCount * fraction);
  return {
    variantName: variant.variantName,
    currentWeight: variant.weight,
    desiredWeight: variant.weight,
    ...capacity(variant, count),
    deployedImages: images(variant),
  };
}

// Stages saved before trafficShare existed: none while the first launch runs, all of it afterwards.
const trafficShareOf = (stage: Stage, variantName: string) =>
  stage.trafficShare
    ? (stage.trafficShare[variantName] ?? 0)
    : stage.status === 'Creating' && stage.startMs === 0
      ? 0
      : 1;

function pendingVariant(
  variant: SimVariant,
  fraction: number,
  stage: Stage,
  stageStartedAt: number,
): PendingVariantSummary {
  const count = variant.instanceCount === undefined ? undefined : Math.floor(variant.instanceCount * fraction);
  return {
    variantName: variant.variantName,
    ...(variant.instanceType ? { instanceType: variant.instanceType } : {}),
    ...(variant.acceleratorType ? { acceleratorType: variant.acceleratorType } : {}),
    // The new fleet's weight grows as its capacity is turned on; no traffic reaches it while it launches
    // (the controller's fixture updating_deployment.yaml: currentWeight 0 while Creating).
    currentWeight: variant.weight * trafficShareOf(stage, variant.variantName),
    desiredWeight: variant.weight,
    ...capacity(variant, count),
    deployedImages: images(variant),
    variantStatus: [{ status: stage.status, statusMessage: stage.message, startTime: iso(stageStartedAt) }],
  };
}

/** Progress through a stage of launching instances, 0..1, so instance counts grow while it runs. */
function launchProgress(stage: Stage, elapsedMs: number, previousFraction: number): number {
  if (stage.status !== 'Creating' || stage.durationMs === 0) return stage.newFleetFraction;
  const within = Math.min(1, (elapsedMs - stage.startMs) / stage.durationMs);
  return previousFraction + (stage.newFleetFraction - previousFraction) * within;
}

export interface DescribeOptions {
  now: number;
  /** Which config name Describe reports while Updating; docs/ack-behaviour.md §13.3 step 3 and §14.2. */
  configNameWhileUpdating: 'new' | 'old';
}

/** DescribeEndpoint of an endpoint already advanced to `now`. */
export function describeEndpoint(endpoint: SimEndpoint, options: DescribeOptions): EndpointDescription {
  const { now } = options;
  const operation = endpoint.operation;
  const base: EndpointDescription = {
    endpointName: endpoint.name,
    endpointArn: endpoint.arn,
    endpointConfigName: endpoint.configName,
    endpointStatus: endpoint.status,
    ...(endpoint.failureReason !== undefined ? { failureReason: endpoint.failureReason } : {}),
    creationTime: iso(endpoint.createdAt),
    lastModifiedTime: iso(endpoint.lastModifiedAt),
    ...(endpoint.lastDeploymentConfig ? { lastDeploymentConfig: endpoint.lastDeploymentConfig } : {}),
  };
  const running = endpoint.fleet.map((variant) => runningVariant(variant, endpoint.fleetFraction));

  if (operation?.kind === 'create') {
    const elapsed = now - operation.startedAt;
    const stage: Stage = {
      status: 'Creating',
      message: '',
      startMs: 0,
      durationMs: operation.durationMs,
      newFleetFraction: 1,
      oldFleetFraction: 0,
      trafficShare: {},
      monitored: false,
    };
    const fraction = launchProgress(stage, elapsed, 0);
    return {
      ...base,
      endpointStatus: 'Creating',
      pendingDeploymentSummary: {
        endpointConfigName: endpoint.configName,
        startTime: iso(operation.startedAt),
        productionVariants: endpoint.fleet.map((variant) =>
          pendingVariant(
            variant,
            fraction,
            {
              ...stage,
              message: variant.serverless
                ? 'Creating serverless capacity.'
                : `Launching ${variant.instanceCount} instance(s).`,
            },
            operation.startedAt,
          ),
        ),
      },
    };
  }
  if (operation?.kind === 'update') {
    const elapsed = now - operation.startedAt;
    const stage = stageAt(operation.stages, elapsed) ?? operation.stages[operation.stages.length - 1]!;
    const previous = operation.stages[operation.stages.indexOf(stage) - 1];
    const fraction = launchProgress(
      stage,
      elapsed,
      stage.status === 'Creating' ? (previous?.newFleetFraction ?? 0) : 0,
    );
    return {
      ...base,
      endpointStatus: 'Updating',
      // Reporting the new name, SageMaker also reports the deployment config being applied; reporting the old
      // name, the old one. Either way ACK sees a consistent pair.
      endpointConfigName: options.configNameWhileUpdating === 'new' ? operation.configName : endpoint.configName,
      ...(options.configNameWhileUpdating === 'new' ? withDeploymentConfig(operation.deploymentConfig) : {}),
      productionVariants: endpoint.fleet.map((variant) => runningVariant(variant, stage.oldFleetFraction)),
      pendingDeploymentSummary: {
        endpointConfigName: operation.configName,
        startTime: iso(operation.startedAt),
        productionVariants: operation.fleet.map((variant) =>
          pendingVariant(variant, fraction, stage, operation.startedAt + stage.startMs),
        ),
      },
    };
  }
  if (operation?.kind === 'rollback') {
    return { ...base, endpointStatus: 'RollingBack', productionVariants: running };
  }
  if (operation?.kind === 'delete') {
    return { ...base, endpointStatus: 'Deleting', productionVariants: running };
  }
  return { ...base, ...(endpoint.status === 'Failed' ? {} : { productionVariants: running }) };
}
