import { z } from 'zod';
import { healthLevels } from '@/lib/endpoints/health';

// The view models the API sends to browsers: computed on the server from the custom resources, so pages never
// see the raw shapes (house style: one adapter owns the external API). Shared by routes, hooks and tests.

export const variantViewSchema = z.object({
  name: z.string(),
  instanceType: z.string().optional(),
  serverless: z.boolean(),
  currentInstanceCount: z.number().optional(),
  desiredInstanceCount: z.number().optional(),
  currentWeight: z.number().optional(),
  desiredWeight: z.number().optional(),
  /** currentWeight as a share of all variants' current weights, 0..1. */
  trafficShare: z.number().optional(),
  modelName: z.string().optional(),
  specifiedImage: z.string().optional(),
  resolvedImage: z.string().optional(),
});
export type VariantView = z.infer<typeof variantViewSchema>;

export const deploymentViewSchema = z.object({
  configName: z.string().optional(),
  startTime: z.string().optional(),
  stage: z.object({ status: z.string(), message: z.string().optional(), startTime: z.string().optional() }).optional(),
  variants: z.array(variantViewSchema),
});

export const endpointSummarySchema = z.object({
  namespace: z.string(),
  name: z.string(),
  uid: z.string().optional(),
  endpointName: z.string(),
  status: z.string().optional(),
  health: z.object({
    level: z.enum(healthLevels),
    reasons: z.array(z.string()),
    rolledBack: z.object({ failedConfigName: z.string(), liveConfigName: z.string().optional(), failureReason: z.string() }).optional(),
  }),
  failureReason: z.string().optional(),
  configName: z.string(),
  /** The config the controller last submitted to SageMaker (annotation). */
  lastSubmittedConfigName: z.string().optional(),
  policy: z.string().optional(),
  variants: z.array(variantViewSchema),
  deployment: deploymentViewSchema.optional(),
  lastChange: z.string().optional(),
  createdAt: z.string().optional(),
});
export type EndpointSummary = z.infer<typeof endpointSummarySchema>;

export const fleetPageSchema = z.object({
  items: z.array(endpointSummarySchema),
  nextCursor: z.string().optional(),
  total: z.number(),
  /** Namespaces the caller may list, or null when they may list every namespace. */
  namespaces: z.array(z.string()).nullable(),
  asOf: z.string(),
});
export type FleetPage = z.infer<typeof fleetPageSchema>;
