import { z } from 'zod';
import type { RolloutForm } from '@/lib/rollout/draft-from-form';
import { presetIds } from '@/lib/rollout/presets';
import { capacitySizeTypes } from '@/lib/schemas/deployment-config';
import { endpointSpecSchema, type Endpoint, type EndpointSpec } from '@/lib/schemas/endpoint';
import { endpointConfigSpecSchema, type EndpointConfig, type EndpointConfigSpec } from '@/lib/schemas/endpoint-config';

/** What a draft was based on: the Endpoint's generation and resourceVersion, and the live specs the person saw. */
export interface DraftBase {
  generation: number;
  resourceVersion: string;
  endpointSpec: EndpointSpec;
  liveConfigSpec: EndpointConfigSpec | null;
}

/** The base a draft made now would have. */
export const baseOf = (endpoint: Endpoint, liveConfig: EndpointConfig | null): DraftBase => ({
  generation: endpoint.metadata.generation ?? 0,
  resourceVersion: endpoint.metadata.resourceVersion ?? '',
  endpointSpec: endpoint.spec,
  liveConfigSpec: liveConfig?.spec ?? null,
});

/** A draft someone edited: kept in this tab so a reload does not lose it. */
export interface StoredDraft {
  form: RolloutForm;
  base: DraftBase;
  /** The preset link the page was opened with when the draft was started ('' for none). */
  linkSearch: string;
  requestId: string;
}

const size = z.object({ type_: z.enum(capacitySizeTypes), value: z.string() });
const formSchema = z.object({
  baseConfigName: z.string(),
  variants: z.array(
    z.object({
      variantName: z.string(),
      added: z.boolean(),
      modelName: z.string(),
      serverless: z.boolean(),
      instanceType: z.string(),
      initialInstanceCount: z.string(),
      initialVariantWeight: z.string(),
      memorySizeInMB: z.string(),
      maxConcurrency: z.string(),
      provisionedConcurrency: z.string(),
    }),
  ),
  policy: z.object({
    kind: z.enum(['none', ...presetIds]),
    canarySize: size,
    linearStepSize: size,
    batchSize: size,
    rollbackBatchSize: size,
    waitSeconds: z.string(),
    terminationWaitSeconds: z.string(),
    timeoutSeconds: z.string(),
  }),
  alarms: z.array(z.string()),
  reason: z.string(),
  presetId: z.enum(presetIds).optional(),
}) satisfies z.ZodType<RolloutForm>;

// Versioned, so a stored draft of an older shape is dropped instead of breaking the form after an upgrade.
const storedSchema = z.object({
  version: z.literal(1),
  form: formSchema,
  base: z.object({
    generation: z.number(),
    resourceVersion: z.string(),
    endpointSpec: endpointSpecSchema,
    liveConfigSpec: endpointConfigSpecSchema.nullable(),
  }),
  linkSearch: z.string(),
  requestId: z.string(),
});

const keyOf = (namespace: string, name: string) => `fleetdeck.rollout-draft:${namespace}/${name}`;

// Storage can be missing or refuse (private browsing, quota); the draft then lives only as long as the page.
function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The draft kept for this endpoint in this tab, if there is a readable one. */
export function readStoredDraft(namespace: string, name: string): StoredDraft | undefined {
  try {
    const raw = storage()?.getItem(keyOf(namespace, name));
    if (!raw) return undefined;
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    return parsed.success
      ? {
          form: parsed.data.form,
          base: parsed.data.base,
          linkSearch: parsed.data.linkSearch,
          requestId: parsed.data.requestId,
        }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the draft (or, given undefined, forgets it). */
export function writeStoredDraft(namespace: string, name: string, draft: StoredDraft | undefined): void {
  try {
    if (draft) storage()?.setItem(keyOf(namespace, name), JSON.stringify({ version: 1, ...draft }));
    else storage()?.removeItem(keyOf(namespace, name));
  } catch {
    // Nothing to do: see storage().
  }
}
