import 'server-only';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfigSpec } from '@/lib/schemas/endpoint-config';
import { sagemakerApiVersion } from '@/lib/schemas/resource-kinds';
import type { RolloutDraft } from '@/lib/schemas/rollout-request';
import { endpointLabel, replacedConfigOutcome, rolloutAnnotations } from '@/lib/rollout/history';

export interface ConfigObjectInput {
  endpoint: Endpoint;
  spec: EndpointConfigSpec;
  draft: RolloutDraft;
  requestId: string;
  user: string;
  now: Date;
}

/**
 * The EndpointConfig object a rollout creates: named as its spec, labelled for the endpoint, annotated with
 * who, when, why, from which preset and request, what the spec named before, and how that config ended as
 * the endpoint shows it now (docs/decisions/003-rollout-history.md).
 */
export function rolloutConfigObject({ endpoint, spec, draft, requestId, user, now }: ConfigObjectInput) {
  const previous = replacedConfigOutcome(endpoint);
  const annotations: Record<string, string> = {
    [rolloutAnnotations.createdBy]: user,
    [rolloutAnnotations.createdAt]: now.toISOString(),
    [rolloutAnnotations.previousConfig]: endpoint.spec.endpointConfigName,
    [rolloutAnnotations.previousOutcome]: previous.kind,
    [rolloutAnnotations.requestId]: requestId,
    ...(draft.presetId ? { [rolloutAnnotations.preset]: draft.presetId } : {}),
    ...(draft.reason ? { [rolloutAnnotations.reason]: draft.reason } : {}),
    ...(previous.failureReason ? { [rolloutAnnotations.previousFailureReason]: previous.failureReason } : {}),
  };
  return {
    apiVersion: sagemakerApiVersion,
    kind: 'EndpointConfig',
    metadata: {
      name: spec.endpointConfigName,
      namespace: endpoint.metadata.namespace,
      labels: { [endpointLabel]: endpoint.metadata.name },
      annotations,
    },
    spec,
  };
}
