import type { DraftVariant, RolloutDraft } from '@/lib/schemas/rollout-request';
import type { EndpointConfig, EndpointConfigSpec, ProductionVariant } from '@/lib/schemas/endpoint-config';
import { sagemakerLimits } from './sagemaker-limits';

// Fields that only mean something on an instance-backed variant; a serverless variant must not carry them,
// and an instance variant must not carry serverlessConfig (docs/ack-behaviour.md §11.1).
const INSTANCE_FIELDS = [
  'instanceType',
  'initialInstanceCount',
  'acceleratorType',
  'volumeSizeInGB',
  'modelDataDownloadTimeoutInSeconds',
  'containerStartupHealthCheckTimeoutInSeconds',
  'enableSSMAccess',
  'managedInstanceScaling',
  'routingConfig',
  'coreDumpConfig',
  'capacityReservationConfig',
] as const;

const without = <T extends object>(object: T, keys: readonly string[]): T =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key))) as T;

/** Whether the draft variant is serverless: said by the draft, else kept from the base variant. */
function isServerless(draft: DraftVariant, base: ProductionVariant | undefined): boolean {
  if (draft.serverlessConfig) return true;
  if (draft.instanceType !== undefined || draft.initialInstanceCount !== undefined) return false;
  return base?.serverlessConfig !== undefined;
}

function buildVariant(draft: DraftVariant, base: ProductionVariant | undefined): ProductionVariant {
  const serverless = isServerless(draft, base);
  const kept = base ? without(base, serverless ? INSTANCE_FIELDS : ['serverlessConfig']) : {};
  const edited = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined));
  // The draft's serverlessConfig replaces the base one whole: a field left out (provisionedConcurrency) is meant
  // to be gone, not inherited.
  return { ...kept, ...edited };
}

/**
 * The spec of the new EndpointConfig: the base config's spec without its name, variants and tags (so data
 * capture, KMS key, VPC and the like are kept), named `endpointConfigName`, with the draft's variants in the
 * draft's order, each merged over the base variant of the same name so per-variant extras (volumeSizeInGB,
 * routingConfig, ...) survive. A variant that changes between serverless and instance-backed drops the
 * other kind's fields.
 */
export function buildEndpointConfigSpec(
  draft: RolloutDraft,
  baseConfig: EndpointConfig | undefined,
  endpointConfigName: string,
): EndpointConfigSpec {
  const baseSpec = baseConfig ? without(baseConfig.spec, ['endpointConfigName', 'productionVariants', 'tags']) : {};
  const baseVariants = baseConfig?.spec.productionVariants ?? [];
  return {
    ...baseSpec,
    endpointConfigName,
    productionVariants: draft.variants.map((variant) =>
      buildVariant(
        variant,
        baseVariants.find((candidate) => candidate.variantName === variant.variantName),
      ),
    ),
  };
}

const MAX_NAME = sagemakerLimits.nameMaxLength;
const SUFFIX_LENGTH = 11;

/** 53 bits of a string as 11 base-36 characters (cyrb53): deterministic, pure, no crypto module needed. */
function shortHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const value = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return value.toString(36).padStart(SUFFIX_LENGTH, '0');
}

/**
 * The name of the EndpointConfig a rollout creates: `<endpoint name>-<11 characters from requestId>`, at most
 * SageMaker's longest name of lower-case letters, digits and hyphens, so it is a valid SageMaker name and a valid
 * Kubernetes object name at once. The same requestId always gives the same name, so a retry finds the config
 * it created before instead of creating another. The whole requestId is hashed, not a slice of it, because
 * some UUID versions put a timestamp or a host id where others put random bits.
 */
export function newConfigName(endpointName: string, requestId: string): string {
  const prefix = endpointName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, MAX_NAME - SUFFIX_LENGTH - 1)
    .replace(/^-+|-+$/g, '');
  return `${prefix || 'config'}-${shortHash(requestId.toLowerCase())}`;
}
