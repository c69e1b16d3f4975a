import 'server-only';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { OmittedKind } from '@/lib/api/omitted-kinds';
import { summarizeEndpoint } from '@/lib/endpoints/summarize-endpoint';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import type { RunningConfigMemory } from '@/lib/endpoints/running-config';
import type { FleetStore } from '../k8s/fleet-store';
import { runningConfigBook } from '../watch-memory/running-config-book';
import type { KindAccess } from './kind-access';

/** The configs and models of one namespace that the caller may read, and what was left out. */
export interface VisibleParts {
  configs: EndpointConfig[];
  models: Model[];
  omitted: OmittedKind[];
}

/** The namespace's configs and models from the shared cache, each only if `access` lets the caller read it. */
export function visibleParts(store: FleetStore, namespace: string, access: KindAccess): VisibleParts {
  return {
    configs: access.readable.has('EndpointConfig') ? store.configsIn(namespace) : [],
    models: access.readable.has('Model') ? store.modelsIn(namespace) : [],
    omitted: access.omitted.filter((entry) => entry.kind === 'EndpointConfig' || entry.kind === 'Model'),
  };
}

/**
 * summarizeEndpoint over only the parts the caller may read: without configs a summary has no instance types,
 * models or spec variants, without models no spec images; `omitted` says which, so a view can say "not visible
 * to you" instead of "none". `memory` is what this replica's watch remembers of the endpoint.
 */
export function visibleSummary(
  endpoint: Endpoint,
  parts: VisibleParts,
  memory: RunningConfigMemory | undefined = runningConfigBook().of(endpoint),
): EndpointSummary {
  const summary = summarizeEndpoint(endpoint, parts.configs, parts.models, memory);
  return parts.omitted.length > 0 ? { ...summary, omitted: parts.omitted } : summary;
}
