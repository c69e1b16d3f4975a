import { z } from 'zod';
import { healthLevels } from '@/lib/endpoints/health';
import { runningConfigUnknownReasons } from '@/lib/endpoints/running-config';
import { deploymentConfigSchema } from '@/lib/schemas/deployment-config';
import { omittedSchema } from './omitted-kinds';

// The view models the API sends to browsers: computed on the server from the custom resources, so pages never
// see the raw shapes (one adapter owns the external API). Shared by routes, hooks and tests.

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
  /** Every deployed image, only when there is more than one (multi-container Models); read with variantImages(). */
  images: z.array(z.object({ specifiedImage: z.string().optional(), resolvedImage: z.string().optional() })).optional(),
});
export type VariantView = z.infer<typeof variantViewSchema>;

export const deploymentViewSchema = z.object({
  /** The config being deployed: the new fleet's. */
  configName: z.string().optional(),
  /**
   * The config the old fleet runs, as this server replica saw it InService before the update began (or as a
   * Fleetdeck rollout recorded it), or why it is not known. Absent during a create: there is no old fleet.
   */
  previousConfig: z
    .union([z.object({ name: z.string() }), z.object({ unknown: z.enum(runningConfigUnknownReasons) })])
    .optional(),
  /**
   * The share of the endpoint's traffic on the new fleet, 0..1, derived from the stage SageMaker reports and the
   * policy's step sizes (lib/endpoints/traffic-split.ts); SageMaker does not report it. Absent when not derivable.
   */
  newFleetShare: z.number().optional(),
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
    rolledBack: z
      .object({ failedConfigName: z.string(), liveConfigName: z.string().optional(), failureReason: z.string() })
      .optional(),
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
  /** spec.deploymentConfig as read: the policy the next (or current) update follows. */
  deploymentConfig: deploymentConfigSchema.optional(),
  /** How long an update with that policy should take for the running fleet's size, in seconds. */
  expectedDeploymentSeconds: z.number().optional(),
  /** The variants the spec's EndpointConfig asks for, with their Models' images; absent when the config is unknown. */
  specVariants: z
    .array(z.object({ name: z.string(), modelName: z.string().optional(), images: z.array(z.string()).optional() }))
    .optional(),
  /** A spec change the controller has not applied, and why (lib/endpoints/held-back.ts). */
  heldBack: z
    .object({ configName: z.string(), kind: z.enum(['waiting', 'refused', 'retrying']), reason: z.string() })
    .optional(),
  /** The Terminal or Recoverable error the controller reports; requeues that only wait are left out. */
  controllerError: z.object({ type: z.enum(['ACK.Terminal', 'ACK.Recoverable']), message: z.string() }).optional(),
  /** Kinds the caller may not read in this namespace, so what comes from them (instance types, models) is absent, not empty. */
  omitted: omittedSchema.optional(),
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
