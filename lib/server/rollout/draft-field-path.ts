import 'server-only';
import type { FieldError } from '@/lib/api/error-envelope';
import { draftPaths } from '@/lib/rollout/draft-paths';

const SPEC_VARIANTS = 'spec.productionVariants.';
const SPEC_DEPLOYMENT_CONFIG = 'spec.deploymentConfig';

/**
 * An API server field path of the config or endpoint a rollout writes, as a path into the rollout request
 * where the draft has that field: spec.productionVariants[1].instanceType is draft.variants.1.instanceType
 * (the draft's variants become the config's in the same order), spec.deploymentConfig.x is
 * draft.deploymentConfig.x. Anything else keeps its path, under `config.` or `endpoint.`.
 */
export function draftFieldPath(apiPath: string, written: 'config' | 'endpoint'): string {
  const dotted = apiPath.replace(/\[(\d+)\]/g, '.$1').replace(/^\.+/, '');
  if (written === 'config' && dotted.startsWith(SPEC_VARIANTS))
    return `${draftPaths.variants}.${dotted.slice(SPEC_VARIANTS.length)}`;
  if (
    written === 'endpoint' &&
    (dotted === SPEC_DEPLOYMENT_CONFIG || dotted.startsWith(`${SPEC_DEPLOYMENT_CONFIG}.`))
  ) {
    return `${draftPaths.deploymentConfig}${dotted.slice(SPEC_DEPLOYMENT_CONFIG.length)}`;
  }
  return dotted ? `${written}.${dotted}` : written;
}

/** The API server's causes with their paths moved into the request, where they can be. */
export const draftFieldErrors = (
  fields: FieldError[] | undefined,
  written: 'config' | 'endpoint',
): FieldError[] | undefined => fields?.map((field) => ({ ...field, path: draftFieldPath(field.path, written) }));
