import { z } from 'zod';
import { endpointSchema } from '@/lib/schemas/endpoint';
import { endpointConfigSchema, endpointConfigSpecSchema } from '@/lib/schemas/endpoint-config';
import { endpointSummarySchema } from './endpoint-summary';
import { omittedSchema } from './omitted-kinds';

// What GET and POST /api/endpoints/{namespace}/{name}/rollout answer, for the rollout form.

/** How a rollout ended, or where it stands. `failureReason` is SageMaker's (or the controller's) text. */
export const historyOutcomeKinds = [
  'in-progress',
  'completed',
  'rolled-back',
  'failed',
  'not-applied',
  'unknown',
] as const;
export type HistoryOutcomeKind = (typeof historyOutcomeKinds)[number];

export const historyOutcomeSchema = z.object({
  kind: z.enum(historyOutcomeKinds),
  failureReason: z.string().optional(),
  /** What the controller says while a rollout is under way (waiting, retrying, rolling back). */
  detail: z.string().optional(),
});
export type HistoryOutcome = z.infer<typeof historyOutcomeSchema>;

/** One rollout Fleetdeck made: the EndpointConfig it created and what became of it. */
export const historyEntrySchema = z.object({
  /** The SageMaker name (spec.endpointConfigName), which is also the object name for configs Fleetdeck creates. */
  configName: z.string(),
  objectName: z.string(),
  createdBy: z.string().optional(),
  /** The API server vouched for createdBy: the authorship admission policy (deploy/admission/) is installed. */
  authorVerified: z.boolean(),
  createdAt: z.string().optional(),
  preset: z.string().optional(),
  reason: z.string().optional(),
  /** The config the endpoint's spec named before this rollout. */
  previousConfig: z.string().optional(),
  requestId: z.string().optional(),
  /** The endpoint's spec names this config now. */
  current: z.boolean(),
  outcome: historyOutcomeSchema,
  /** The config's spec, so "Roll back to this config" can start a draft from any entry. */
  configSpec: endpointConfigSpecSchema,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A Model the form may pick for a variant. `marketplace`: a container runs a model package. */
export const modelOptionSchema = z.object({
  /** Object name. */
  name: z.string(),
  /** The SageMaker name variants refer to. */
  modelName: z.string(),
  image: z.string().optional(),
  modelPackageName: z.string().optional(),
  /** How many containers the model has (primaryContainer counts as one). */
  containers: z.number(),
  marketplace: z.boolean(),
});
export type ModelOption = z.infer<typeof modelOptionSchema>;

export const liveVariantSchema = z.object({
  variantName: z.string(),
  instanceType: z.string().optional(),
  currentInstanceCount: z.number().optional(),
  desiredInstanceCount: z.number().optional(),
  currentWeight: z.number().optional(),
  desiredWeight: z.number().optional(),
  serverless: z.boolean(),
  autoscaling: z.boolean(),
  modelName: z.string().optional(),
  marketplace: z.boolean().optional(),
});

/** lib/rollout/context.ts RolloutContext, as sent; the form runs validateRollout and gateRollout on it too. */
export const rolloutContextSchema = z.object({
  endpointStatus: z.string().optional(),
  failureReason: z.string().optional(),
  failedConfigName: z.string().optional(),
  liveConfigName: z.string(),
  variants: z.array(liveVariantSchema),
});

export const rolloutGateSchema = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);

/** GET /api/endpoints/{namespace}/{name}/rollout: everything the rollout form starts from. */
export const rolloutFormContextSchema = z.object({
  summary: endpointSummarySchema,
  /** The Endpoint as stored: the form sends metadata.generation and resourceVersion back as its base. */
  endpoint: endpointSchema,
  /** The config the endpoint runs (after a rollback: the one it rolled back to), the draft's natural base. */
  liveConfig: endpointConfigSchema.nullable(),
  /** The config SageMaker just rolled back from, if any: a draft that repeats it is warned about. */
  failedConfig: endpointConfigSchema.nullable(),
  models: z.array(modelOptionSchema),
  context: rolloutContextSchema,
  gate: rolloutGateSchema,
  /** Whether the caller may patch this Endpoint and create EndpointConfigs here. A hint: the API server decides. */
  canRollOut: z.boolean(),
  history: z.array(historyEntrySchema),
  /** Kinds the caller may not list in the namespace: configs (and so history) or models were left out. */
  omitted: omittedSchema.optional(),
});
export type RolloutFormContext = z.infer<typeof rolloutFormContextSchema>;

/** The JSON merge patch a rollout sends to the Endpoint. deploymentConfig null removes it. */
export const endpointPatchSchema = z.object({
  metadata: z.object({ resourceVersion: z.string() }),
  spec: z.looseObject({ endpointConfigName: z.string() }),
});

/** POST .../rollout, 200. `dry-run`: nothing was written; `applied`: config created (or reused) and the
 * endpoint patched; `already-applied`: this requestId was applied before, nothing was written now. */
export const rolloutResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('dry-run'),
    configName: z.string(),
    /** The EndpointConfig as the API server would store it (or as it is, if this requestId created it already). */
    config: endpointConfigSchema,
    configExists: z.boolean(),
    endpointPatch: endpointPatchSchema,
    /** The Endpoint as it would be after the patch. */
    endpoint: endpointSchema,
  }),
  z.object({
    outcome: z.literal('applied'),
    configName: z.string(),
    config: endpointConfigSchema,
    /** A config this requestId created before (a retry after the patch failed) was used instead of a new one. */
    configReused: z.boolean(),
    endpointPatch: endpointPatchSchema,
    endpoint: endpointSchema,
  }),
  z.object({
    outcome: z.literal('already-applied'),
    configName: z.string(),
    config: endpointConfigSchema,
    endpoint: endpointSchema,
  }),
]);
export type RolloutResult = z.infer<typeof rolloutResultSchema>;

/**
 * The `details` of an error of POST .../rollout (lib/api/error-envelope.ts): on a 409 because the Endpoint's
 * spec changed since the draft's base, `current` (the endpoint and the config it runs now, so the form can show
 * the draft against them); and `createdConfigName` when the EndpointConfig was created but pointing the
 * endpoint at it failed.
 */
export const rolloutErrorDetailsSchema = z.object({
  current: z.object({ endpoint: endpointSchema, liveConfig: endpointConfigSchema.nullable() }).optional(),
  createdConfigName: z.string().optional(),
});
export type RolloutErrorDetails = z.infer<typeof rolloutErrorDetailsSchema>;
