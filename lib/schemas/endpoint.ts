import { z } from 'zod';
import { ackStatusShape } from './ack';
import { deploymentConfigSchema } from './deployment-config';
import { objectMetaSchema } from './kube-metadata';
import { int64, tagSchema, timestamp } from './scalars';

/** Serverless capacity of a variant, current or desired. */
export const serverlessCapacitySchema = z.looseObject({
  maxConcurrency: int64().optional(),
  memorySizeInMB: int64().optional(),
  provisionedConcurrency: int64().optional(),
});

/** An image a variant runs: as written in the Model and as SageMaker resolved it to a digest. */
export const deployedImageSchema = z.looseObject({
  specifiedImage: z.string().optional(),
  resolvedImage: z.string().optional(),
  resolutionTime: timestamp().optional(),
});
export type DeployedImage = z.infer<typeof deployedImageSchema>;

/** One step of a variant's deployment: Creating, Updating, Deleting, ActivatingTraffic or Baking. */
export const variantStatusSchema = z.looseObject({
  status: z.string().optional(),
  statusMessage: z.string().optional(),
  startTime: timestamp().optional(),
});
export type VariantStatus = z.infer<typeof variantStatusSchema>;

export const managedInstanceScalingSchema = z.looseObject({
  status: z.string().optional(),
  minInstanceCount: int64().optional(),
  maxInstanceCount: int64().optional(),
});

export const routingConfigSchema = z.looseObject({ routingStrategy: z.string().optional() });

// Fields shared by a running variant and a pending one (DescribeEndpoint; docs/ack-behaviour.md §4.2, §4.3).
const variantSummaryShape = {
  variantName: z.string().optional(),
  currentWeight: z.number().optional(),
  desiredWeight: z.number().optional(),
  currentInstanceCount: int64().optional(),
  desiredInstanceCount: int64().optional(),
  currentServerlessConfig: serverlessCapacitySchema.optional(),
  desiredServerlessConfig: serverlessCapacitySchema.optional(),
  deployedImages: z.array(deployedImageSchema).optional(),
  variantStatus: z.array(variantStatusSchema).optional(),
  managedInstanceScaling: managedInstanceScalingSchema.optional(),
  routingConfig: routingConfigSchema.optional(),
};

const capacityReservationSummarySchema = z.looseObject({
  availableInstanceCount: int64().optional(),
  capacityReservationPreference: z.string().optional(),
  ec2CapacityReservations: z
    .array(
      z.looseObject({
        availableInstanceCount: int64().optional(),
        ec2CapacityReservationID: z.string().optional(),
        totalInstanceCount: int64().optional(),
        usedByCurrentEndpoint: int64().optional(),
      }),
    )
    .optional(),
  mlReservationARN: z.string().optional(),
  totalInstanceCount: int64().optional(),
  usedByCurrentEndpoint: int64().optional(),
});

/** A variant of the running fleet. There is no instanceType here: join it from the EndpointConfig. */
export const productionVariantSummarySchema = z.looseObject({
  ...variantSummaryShape,
  capacityReservationConfig: capacityReservationSummarySchema.optional(),
});
export type ProductionVariantSummary = z.infer<typeof productionVariantSummarySchema>;

/** A variant of the fleet being deployed; unlike a running one it names its instance type. */
export const pendingVariantSummarySchema = z.looseObject({
  ...variantSummaryShape,
  instanceType: z.string().optional(),
  acceleratorType: z.string().optional(),
});
export type PendingVariantSummary = z.infer<typeof pendingVariantSummarySchema>;

/** The deployment in progress; SageMaker reports it only while creating or updating to a new config. */
export const pendingDeploymentSummarySchema = z.looseObject({
  endpointConfigName: z.string().optional(),
  startTime: timestamp().optional(),
  productionVariants: z.array(pendingVariantSummarySchema).optional(),
});
export type PendingDeploymentSummary = z.infer<typeof pendingDeploymentSummarySchema>;

export const endpointSpecSchema = z.looseObject({
  endpointName: z.string(),
  endpointConfigName: z.string(),
  deploymentConfig: deploymentConfigSchema.optional(),
  tags: z.array(tagSchema).optional(),
});
export type EndpointSpec = z.infer<typeof endpointSpecSchema>;

/** Copied verbatim from DescribeEndpoint on every reconcile (docs/ack-behaviour.md §4.1). */
export const endpointStatusSchema = z.looseObject({
  ...ackStatusShape,
  endpointStatus: z.string().optional(),
  failureReason: z.string().optional(),
  creationTime: timestamp().optional(),
  lastModifiedTime: timestamp().optional(),
  productionVariants: z.array(productionVariantSummarySchema).optional(),
  pendingDeploymentSummary: pendingDeploymentSummarySchema.optional(),
});
export type EndpointStatus = z.infer<typeof endpointStatusSchema>;

/** An Endpoint custom resource. Parsed loosely: unknown fields survive. */
export const endpointSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema,
  spec: endpointSpecSchema,
  status: endpointStatusSchema.optional(),
});
export type Endpoint = z.infer<typeof endpointSchema>;
