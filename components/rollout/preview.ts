import type { RolloutFormContext } from '@/lib/api/rollout-views';
import { buildEndpointConfigSpec, newConfigName } from '@/lib/rollout/build-config';
import type { RolloutContext } from '@/lib/rollout/context';
import { rolloutDiff, type RolloutDiff } from '@/lib/rollout/diff';
import { checkRolloutForm, type CheckedForm, type RolloutForm } from '@/lib/rollout/draft-from-form';
import { planRollout, type RolloutPlan } from '@/lib/rollout/plan';
import { rolloutWarnings, type RolloutWarning } from '@/lib/rollout/warnings';
import type { RolloutDraft } from '@/lib/schemas/rollout-request';
import type { Endpoint, EndpointSpec } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Model } from '@/lib/schemas/model';

/** The Endpoint spec once the rollout's merge patch is applied: the new config, and the draft's policy (or none). */
export function endpointSpecAfter(
  spec: EndpointSpec,
  configName: string,
  deploymentConfig: RolloutDraft['deploymentConfig'],
): EndpointSpec {
  const { deploymentConfig: _replaced, ...rest } = spec;
  return { ...rest, endpointConfigName: configName, ...(deploymentConfig ? { deploymentConfig } : {}) };
}

/** The draft against an endpoint and the config it runs: what the API server would be sent, field by field. */
export function draftDiff(
  draft: RolloutDraft,
  endpoint: Endpoint,
  liveConfig: EndpointConfig | null,
  knownConfigs: EndpointConfig[],
  configName: string,
): RolloutDiff {
  const baseConfig = knownConfigs.find((config) => config.spec.endpointConfigName === draft.baseConfigName);
  return rolloutDiff(
    endpoint.spec,
    endpointSpecAfter(endpoint.spec, configName, draft.deploymentConfig),
    liveConfig?.spec,
    buildEndpointConfigSpec(draft, baseConfig, configName),
  );
}

export interface RolloutPreview {
  checked: CheckedForm;
  plan: RolloutPlan;
  warnings: RolloutWarning[];
  diff: RolloutDiff;
  configName: string;
}

/**
 * Everything the form shows about the draft as it is typed, from the same pure functions the API uses: its
 * errors, the plan, the warnings and the diff against the live endpoint.
 */
export function rolloutPreview(
  form: RolloutForm,
  data: RolloutFormContext,
  context: RolloutContext,
  models: Model[],
  requestId: string,
): RolloutPreview {
  const checked = checkRolloutForm(form, context);
  const draft = checked.parsed ?? checked.draft;
  const configs = [data.liveConfig, data.failedConfig].filter((config) => config !== null);
  const configName = newConfigName(data.endpoint.spec.endpointName, requestId);
  return {
    checked,
    plan: planRollout(draft, context, models),
    warnings: rolloutWarnings(draft, context, models, configs),
    diff: draftDiff(draft, data.endpoint, data.liveConfig, configs, configName),
    configName,
  };
}
