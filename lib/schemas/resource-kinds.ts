import type { z } from 'zod';
import { endpointSchema } from './endpoint';
import { endpointConfigSchema } from './endpoint-config';
import { modelSchema } from './model';

/** The API group and version of every SageMaker kind Fleetdeck handles. */
export const sagemakerGroup = 'sagemaker.services.k8s.aws';
export const sagemakerVersion = 'v1alpha1';
export const sagemakerApiVersion = `${sagemakerGroup}/${sagemakerVersion}`;

/** A SageMaker kind: its names on the API server, its schema and its printer columns. */
export interface ResourceKind {
  kind: string;
  listKind: string;
  /** Always address by group: `endpoints` alone collides with the core resource (docs/ack-behaviour.md §2.9). */
  plural: string;
  singular: string;
  schema: z.ZodType;
  printerColumns: { name: string; type: string; jsonPath: string; priority?: number }[];
}

export const endpointKind: ResourceKind = {
  kind: 'Endpoint',
  listKind: 'EndpointList',
  plural: 'endpoints',
  singular: 'endpoint',
  schema: endpointSchema,
  printerColumns: [
    { name: 'FAILURE-REASON', type: 'string', jsonPath: '.status.failureReason', priority: 1 },
    { name: 'STATUS', type: 'string', jsonPath: '.status.endpointStatus' },
  ],
};

export const endpointConfigKind: ResourceKind = {
  kind: 'EndpointConfig',
  listKind: 'EndpointConfigList',
  plural: 'endpointconfigs',
  singular: 'endpointconfig',
  schema: endpointConfigSchema,
  printerColumns: [],
};

export const modelKind: ResourceKind = {
  kind: 'Model',
  listKind: 'ModelList',
  plural: 'models',
  singular: 'model',
  schema: modelSchema,
  printerColumns: [],
};

export const resourceKinds = [endpointKind, endpointConfigKind, modelKind] as const;
