import { z } from 'zod';
import { ackStatusShape } from './ack';
import { vpcConfigSchema } from './endpoint-config';
import { objectMetaSchema } from './kube-metadata';
import { tagSchema } from './scalars';

/** A container of a Model: the image SageMaker runs and where its artefacts come from. */
export const containerDefinitionSchema = z.looseObject({
  containerHostname: z.string().optional(),
  environment: z.record(z.string(), z.string()).optional(),
  image: z.string().optional(),
  imageConfig: z
    .looseObject({
      repositoryAccessMode: z.string().optional(),
      repositoryAuthConfig: z.looseObject({ repositoryCredentialsProviderARN: z.string().optional() }).optional(),
    })
    .optional(),
  inferenceSpecificationName: z.string().optional(),
  mode: z.string().optional(),
  modelDataSource: z
    .looseObject({
      s3DataSource: z
        .looseObject({
          compressionType: z.string().optional(),
          modelAccessConfig: z.looseObject({ acceptEula: z.boolean().optional() }).optional(),
          s3DataType: z.string().optional(),
          s3URI: z.string().optional(),
        })
        .optional(),
    })
    .optional(),
  modelDataURL: z.string().optional(),
  modelPackageName: z.string().optional(),
  multiModelConfig: z.looseObject({ modelCacheSetting: z.string().optional() }).optional(),
});
export type ContainerDefinition = z.infer<typeof containerDefinitionSchema>;

export const modelSpecSchema = z.looseObject({
  modelName: z.string(),
  primaryContainer: containerDefinitionSchema.optional(),
  containers: z.array(containerDefinitionSchema).optional(),
  enableNetworkIsolation: z.boolean().optional(),
  executionRoleARN: z.string().optional(),
  inferenceExecutionConfig: z.looseObject({ mode: z.string().optional() }).optional(),
  tags: z.array(tagSchema).optional(),
  vpcConfig: vpcConfigSchema.optional(),
});
export type ModelSpec = z.infer<typeof modelSpecSchema>;

/** A Model custom resource. Immutable in ACK, like EndpointConfig (docs/ack-behaviour.md §12). */
export const modelSchema = z.looseObject({
  apiVersion: z.string().optional(),
  kind: z.string().optional(),
  metadata: objectMetaSchema,
  spec: modelSpecSchema,
  status: z.looseObject(ackStatusShape).optional(),
});
export type Model = z.infer<typeof modelSchema>;
