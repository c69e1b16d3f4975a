import type { HistoryEntry, HistoryOutcome } from '@/lib/api/rollout-views';
import { endpointHealth, lastConfigForUpdateAnnotation } from '@/lib/endpoints/health';
import { trueCondition } from '@/lib/endpoints/status-facts';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';

/** The label that ties an EndpointConfig to the Endpoint (object name) a rollout created it for. */
export const endpointLabel = 'fleetdeck.io/endpoint';

/** What a rollout writes on the EndpointConfig it creates; see docs/decisions/003-rollout-history.md. */
export const rolloutAnnotations = {
  createdBy: 'fleetdeck.io/created-by',
  createdAt: 'fleetdeck.io/created-at',
  preset: 'fleetdeck.io/preset',
  previousConfig: 'fleetdeck.io/previous-config',
  reason: 'fleetdeck.io/reason',
  requestId: 'fleetdeck.io/request-id',
  /** How the config this one replaced ended, as seen when this one was applied. */
  previousOutcome: 'fleetdeck.io/previous-outcome',
  previousFailureReason: 'fleetdeck.io/previous-failure-reason',
} as const;

/** The outcomes recorded in `fleetdeck.io/previous-outcome`: a replaced config is never still in progress. */
export const recordedOutcomes = ['completed', 'rolled-back', 'failed', 'unknown'] as const;
export type RecordedOutcome = { kind: (typeof recordedOutcomes)[number]; failureReason?: string };

// A rollout of this endpoint's own is under way in these states; SystemUpdating is SageMaker's, not ours.
const ROLLING = new Set(['Creating', 'Updating', 'RollingBack']);

/**
 * Where the config the Endpoint's spec names stands, from the live status (docs/ack-behaviour.md §6.2): rolled back
 * when SageMaker reverted it, failed on Failed / UpdateRollbackFailed or a terminal error about it, in
 * progress while deploying or while the controller has not submitted it yet, otherwise completed.
 */
function specConfigOutcome(endpoint: Endpoint): HistoryOutcome {
  const name = endpoint.spec.endpointConfigName;
  const status = endpoint.status?.endpointStatus;
  const failureReason = endpoint.status?.failureReason;
  const submitted = endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation];
  const terminal = trueCondition(endpoint.status?.conditions, 'ACK.Terminal');
  const withReason = (kind: 'failed' | 'rolled-back', reason = failureReason) =>
    reason ? { kind, failureReason: reason } : { kind };

  if (endpointHealth(endpoint).rolledBack?.failedConfigName === name) return withReason('rolled-back');
  if (status === 'Failed') return withReason('failed');
  if (status === 'UpdateRollbackFailed' && submitted === name) return withReason('failed');
  if (status === 'RollingBack') return { kind: 'in-progress', detail: 'SageMaker is rolling the update back.' };
  if (endpoint.status?.pendingDeploymentSummary?.endpointConfigName === name || ROLLING.has(status ?? '')) {
    return { kind: 'in-progress', detail: `The endpoint is ${status ?? 'deploying'}.` };
  }
  // The annotation is written only when UpdateEndpoint accepts a config; absent, the endpoint was created with it.
  if (submitted === undefined || submitted === name) {
    if (terminal) return withReason('failed', terminal.message ?? failureReason);
    // SageMaker clears failureReason after a successful update (docs/ack-behaviour.md §4.4), so one left after
    // this submission is the rollback of it, seen before the controller marks it terminal.
    if (submitted === name && status === 'InService' && failureReason) return withReason('rolled-back');
    if (status === undefined)
      return { kind: 'in-progress', detail: 'The controller has not reported on the endpoint yet.' };
    return { kind: 'completed' };
  }
  // Not submitted yet. A refusal of the earlier config (EndpointUpdateError) is stale: the controller has not
  // looked at the new spec. Any other terminal error stops the controller for good (C8).
  if (terminal && !terminal.message?.includes('EndpointUpdateError')) return withReason('failed', terminal.message);
  const recoverable = trueCondition(endpoint.status?.conditions, 'ACK.Recoverable');
  return {
    kind: 'in-progress',
    detail: recoverable?.message ?? 'Waiting for the controller to submit the new config.',
  };
}

/**
 * The outcome to record (as `fleetdeck.io/previous-outcome`) for the config the Endpoint's spec names when a
 * new rollout replaces it: what specConfigOutcome says, with a rollout still under way recorded as unknown.
 */
export function replacedConfigOutcome(endpoint: Endpoint): RecordedOutcome {
  const outcome = specConfigOutcome(endpoint);
  if (outcome.kind === 'completed' || outcome.kind === 'rolled-back' || outcome.kind === 'failed') {
    return { kind: outcome.kind, ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}) };
  }
  return { kind: 'unknown' };
}

function recordedOutcome(config: EndpointConfig): HistoryOutcome {
  const annotations = config.metadata.annotations ?? {};
  const kind = annotations[rolloutAnnotations.previousOutcome];
  const failureReason = annotations[rolloutAnnotations.previousFailureReason];
  if (!recordedOutcomes.includes(kind as RecordedOutcome['kind'])) return { kind: 'unknown' };
  return { kind: kind as RecordedOutcome['kind'], ...(failureReason ? { failureReason } : {}) };
}

/** A config that is not (or no longer) the spec's, and that no later rollout recorded as replaced. */
function unrecordedOutcome(endpoint: Endpoint, name: string): HistoryOutcome {
  const submitted = endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation];
  if (submitted !== name) return { kind: 'not-applied' };
  // The controller submitted it and nothing was submitted since, so a failure reason is this config's.
  const failureReason = endpoint.status?.failureReason;
  return failureReason ? { kind: 'rolled-back', failureReason } : { kind: 'unknown' };
}

const createdAt = (config: EndpointConfig) =>
  config.metadata.annotations?.[rolloutAnnotations.createdAt] ?? config.metadata.creationTimestamp ?? '';
const time = (config: EndpointConfig) => Date.parse(createdAt(config)) || 0;

/**
 * The rollouts of one Endpoint, newest first, from the EndpointConfigs labelled for it. Who, when, why and
 * what came before are the config's own annotations. The outcome of the config the spec names is derived from
 * the live Endpoint; an older one's is what the next rollout that replaced it recorded; a config that no
 * rollout replaced and the spec does not name was created but never applied.
 */
export function rolloutHistory(
  endpoint: Endpoint,
  configsLabelledForEndpoint: EndpointConfig[],
): Omit<HistoryEntry, 'authorVerified'>[] {
  const configs = configsLabelledForEndpoint
    .filter((config) => config.metadata.labels?.[endpointLabel] === endpoint.metadata.name)
    .sort((a, b) => time(b) - time(a) || b.metadata.name.localeCompare(a.metadata.name));
  return configs.map((config, index) => {
    const annotations = config.metadata.annotations ?? {};
    const name = config.spec.endpointConfigName;
    const current = name === endpoint.spec.endpointConfigName;
    // The nearest later rollout that replaced this config recorded how it ended.
    const replacedBy = configs
      .slice(0, index)
      .reverse()
      .find((later) => later.metadata.annotations?.[rolloutAnnotations.previousConfig] === name);
    const outcome = current
      ? specConfigOutcome(endpoint)
      : replacedBy
        ? recordedOutcome(replacedBy)
        : unrecordedOutcome(endpoint, name);
    const optional = (key: keyof typeof rolloutAnnotations, field: string) =>
      annotations[rolloutAnnotations[key]] ? { [field]: annotations[rolloutAnnotations[key]] } : {};
    return {
      configName: name,
      objectName: config.metadata.name,
      ...optional('createdBy', 'createdBy'),
      ...(createdAt(config) ? { createdAt: createdAt(config) } : {}),
      ...optional('preset', 'preset'),
      ...optional('reason', 'reason'),
      ...optional('previousConfig', 'previousConfig'),
      ...optional('requestId', 'requestId'),
      current,
      outcome,
      configSpec: config.spec,
    };
  });
}

/**
 * The history with each author marked verified or not. Authorship is verified only while the API server
 * enforces the authorship policy (deploy/admission/fleetdeck-authorship.yaml), which refuses a
 * `fleetdeck.io/created-by` naming anyone but the requesting user; without it the annotation is plain text.
 * An entry without an author is never verified.
 */
export function markAuthorship(
  entries: Omit<HistoryEntry, 'authorVerified'>[],
  policyInstalled: boolean,
): HistoryEntry[] {
  return entries.map((entry) => ({ ...entry, authorVerified: policyInstalled && entry.createdBy !== undefined }));
}
