import { z } from 'zod';
import { sagemakerLimits as limits, type NumberRange } from '@/lib/rollout/sagemaker-limits';
import { deploymentConfigInputSchema } from './deployment-config';

// What a user sends to roll an endpoint out to a new EndpointConfig (docs/ack-behaviour.md §2, §6): the variants of
// the new config, the deployment policy, and what the draft was based on. Strict: unknown keys are errors at
// their paths. The rules that need context (current instance count, guardrail limits) live in lib/rollout.

const DNS_LABEL = /^[a-zA-Z0-9](-*[a-zA-Z0-9])*$/;
/** SageMaker names: variant, model and config names are letters, digits and hyphens, at most nameMaxLength of them. */
const sagemakerName = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(limits.nameMaxLength, `At most ${limits.nameMaxLength} characters.`)
  .regex(DNS_LABEL, 'Letters, digits and hyphens; no hyphen at either end.');
const inRange = (schema: z.ZodNumber, { min, max }: NumberRange) => schema.min(min).max(max);

export const draftServerlessSchema = z.strictObject({
  memorySizeInMB: inRange(z.int(), limits.serverlessMemorySizeInMB),
  maxConcurrency: inRange(z.int(), limits.serverlessConcurrency),
  provisionedConcurrency: inRange(z.int(), limits.serverlessConcurrency).optional(),
});

/** One variant of the new config: the fields a rollout edits. Others are carried over from the base config. */
export const draftVariantSchema = z.strictObject({
  variantName: sagemakerName,
  modelName: sagemakerName,
  instanceType: z.string().trim().min(1).max(64).optional(),
  initialInstanceCount: inRange(z.int(), limits.initialInstanceCount).optional(),
  initialVariantWeight: inRange(z.number(), limits.initialVariantWeight).optional(),
  serverlessConfig: draftServerlessSchema.optional(),
});
export type DraftVariant = z.infer<typeof draftVariantSchema>;

/** The rollout a user composes in the form. */
export const rolloutDraftSchema = z.strictObject({
  /** The config whose other fields (data capture, KMS key, VPC, per-variant extras) the new one keeps. */
  baseConfigName: sagemakerName,
  variants: z
    .array(draftVariantSchema)
    .min(limits.variantsPerConfig.min, 'At least one variant.')
    .max(limits.variantsPerConfig.max, `At most ${limits.variantsPerConfig.max} variants.`),
  deploymentConfig: deploymentConfigInputSchema.optional(),
  /** The preset the user started from, if any (recorded in the history). */
  presetId: z.string().max(63).optional(),
  /** Why: a ticket or a sentence, recorded with the new config. */
  reason: z.string().trim().max(1000, 'At most 1000 characters.'),
});
export type RolloutDraft = z.infer<typeof rolloutDraftSchema>;

/** POST /api/endpoints/{namespace}/{name}/rollout */
export const rolloutRequestSchema = z.strictObject({
  mode: z.enum(['dry-run', 'apply']),
  /** metadata.generation of the Endpoint the draft was based on: spec changes since then are a 409. */
  baseGeneration: z.int().min(1),
  /** metadata.resourceVersion the form loaded (opaque; only ever compared for equality). */
  baseResourceVersion: z.string().min(1).max(64),
  /** Chosen once per draft submission, so a double click or a retry applies once. */
  requestId: z.uuid(),
  draft: rolloutDraftSchema,
});
export type RolloutRequest = z.infer<typeof rolloutRequestSchema>;
