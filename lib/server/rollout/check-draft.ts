import 'server-only';
import type { FieldError } from '@/lib/api/error-envelope';
import { lastConfigForUpdateAnnotation } from '@/lib/endpoints/health';
import type { RolloutContext } from '@/lib/rollout/context';
import { draftPaths } from '@/lib/rollout/draft-paths';
import { gateRollout } from '@/lib/rollout/gating';
import { validateRollout } from '@/lib/rollout/validate';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';
import type { RolloutDraft } from '@/lib/schemas/rollout-request';
import { AppError } from '../http/app-error';

/**
 * The config ACK will not submit again (docs/ack-behaviour.md §6.1 step 2b): the one SageMaker rolled back, or, once the
 * spec was reverted, the last one submitted while a failure reason stands (internal service errors excepted).
 */
function refusedConfigName(endpoint: Endpoint, context: RolloutContext): string | undefined {
  if (context.failedConfigName) return context.failedConfigName;
  const failureReason = endpoint.status?.failureReason;
  if (!failureReason || failureReason.startsWith('Request to service failed')) return undefined;
  return endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation];
}

export interface DraftFacts {
  endpoint: Endpoint;
  context: RolloutContext;
  /** The Models and EndpointConfigs of the namespace as the caller listed them. */
  models: Model[];
  configs: EndpointConfig[];
  configName: string;
}

/**
 * Refuses a rollout the endpoint cannot take now (409, the gate's reason), one that would point the endpoint
 * at a config that already failed (409), and a draft that breaks a rollout rule or names a model or base
 * config that does not exist (422 with the draft's field paths). The rules are lib/rollout's; this adds
 * only what needs the cluster.
 */
export function assertDraftAcceptable(draft: RolloutDraft, facts: DraftFacts): void {
  const gate = gateRollout(facts.context);
  if (!gate.allowed) throw new AppError('conflict', gate.reason);
  if (refusedConfigName(facts.endpoint, facts.context) === facts.configName) {
    throw new AppError(
      'conflict',
      `This request created EndpointConfig ${facts.configName}, which already failed on this endpoint; ACK will not submit it again. Submit the draft as a new request.`,
    );
  }
  const problems: FieldError[] = [...validateRollout(draft, facts.context)];
  if (!facts.configs.some((config) => config.spec.endpointConfigName === draft.baseConfigName)) {
    problems.push({
      path: draftPaths.baseConfigName,
      message: `There is no EndpointConfig ${draft.baseConfigName} in this namespace.`,
    });
  }
  const modelNames = new Set(facts.models.map((model) => model.spec.modelName));
  draft.variants.forEach((variant, index) => {
    if (!modelNames.has(variant.modelName))
      problems.push({
        path: draftPaths.variant(index, 'modelName'),
        message: `There is no Model ${variant.modelName} in this namespace.`,
      });
  });
  if (problems.length > 0) throw new AppError('invalid', 'The rollout is not valid.', problems);
}
