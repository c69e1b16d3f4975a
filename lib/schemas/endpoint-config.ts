import { z } from 'zod';
import { ackStatusShape } from './ack';
import { managedInstanceScalingSchema, routingConfigSchema, serverlessCapacitySchema } from './endpoint';
import { objectMetaSchema } from './kube-metadata';
import { int64, tagSchema } from './scalars';

/** Network placement shared by EndpointConfig and Model. */
export const vpcConfigSchema = z.looseObject({
  securityGroupIDs: z.array(z.string()).optional(),
  subnets: z.array(z.string()).optional(),
});

/** One variant of an EndpointConfig. A serverless variant has serverlessConfig and no instance fields. */
export const productionVariantSchema = z.looseObject({
  variantName: z.string().optional(),
  modelName: z.string().optional(),
  instanceType: z.string().optional(),
  initialInstanceCount: int64().optional(),
  initialVariantWeight: z.number().optional(),
  acceleratorType: z.string().optional(),
  serverlessConfig: serverlessCapacitySchema.optional(),
  volumeSizeInGB: int64().optional(),
  modelDataDownloadTimeoutInSeconds: int64().optional(),
  containerStartupHealthCheckTimeoutInSeconds: int64().optional(),
  enableSSMAccess: z.boolean().optional(),
  managedInstanceScaling: managedInstanceScalingSchema.optional(),
  routingConfig: routingConfigSchema.optional(),
  coreDumpConfig: z
    .looseObject({ destinationS3URI: z.string().optional(), kmsKeyID: z.string().optional() })
    .optional(),
  capacityReservationConfig: z
    .looseObject({
      capacityReservationPreference: z.string().optional(),
      mlReservationARN: z.string().optional(),
    })
    .optional(),
});
export type ProductionVariant = z.infer<typeof productionVariantSchema>;

const asyncInferenceConfigSchema = z.looseObject({
  clientConfig: z.looseObject({ maxConcurrentInvocationsPerInstance: int64().optional() }).optional(),
  outputConfig: z
    .looseObject({
      kmsKeyID: z.string().optional(),
      notificationConfig: z
        .looseObject({
          errorTopic: z.string().optional(),
          includeInferenceResponseIn: z.array(z.string()).optional(),
          successTopic: z.string().optional(),
        })
        .optional(),
      s3FailurePath: z.string().optional(),
      s3OutputPath: z.string().optional(),
    })
    .optional(),
});

const dataCaptureConfigSchema = z.looseObject({
  captureContentTypeHeader: z
    .looseObject({
      csvContentTypes: z.array(z.string()).optional(),
      jsonContentTypes: z.array(z.string()).optional(),
    })
    .optional(),
  captureOptions: z.array(z.looseObject({ captureMode: z.string().optional() })).optional(),
  destinationS3URI: z.string().optional(),
  enableCapture: z.boolean().optional(),
  initialSamplingPercentage: int64().optional(),
  kmsKeyID: z.string().optional(),
});

export const endpointConfigSpecSchema = z.looseObject({
  endpointConfigName: z.string(),
  productionVariants: z.array(productionVariantSchema),
  asyncInferenceConfig: asyncInferenceConfigSchema.optional(),
  dataCaptureConfig: dataCaptureConfigSchema.optional(),
  enableNetworkIsolation: z.boolean().optional(),
  executionRoleARN: z.string().optional(),
  kmsKeyID: z.string().optional(),
  tags: z.array(tagSchema).optional(),
  vpcConfig: vpcConfigSchema.optional(),
});
export type EndpointConfigSpec = z.infer<typeof endpointConfigSpecSchema>;

/** An EndpointConfig custom resource. Immutable in ACK: a change means a new object (docs/ack-behaviour.md §11). */
export const endpointConfigSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema,
  spec: endpointConfigSpecSchema,
  status: z.looseObject(ackStatusShape).optional(),
});
export type EndpointConfig = z.infer<typeof endpointConfigSchema>;
