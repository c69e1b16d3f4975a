import 'server-only';
import type { RolloutFormContext } from '@/lib/api/rollout-views';
import { liveConfigNameOf, rolloutContextFrom } from '@/lib/rollout/context';
import { gateRollout } from '@/lib/rollout/gating';
import { endpointLabel, markAuthorship, rolloutHistory } from '@/lib/rollout/history';
import { sagemakerGroup } from '@/lib/schemas/resource-kinds';
import { isAllowed } from '../auth/access-review';
import type { Identity } from '../auth/identity';
import { kindAccess } from '../fleet/kind-access';
import { readableEndpoint } from '../fleet/readable-endpoint';
import { visibleParts, visibleSummary } from '../fleet/visible-summary';
import { authorshipPolicyInstalled } from './authorship-policy';
import { modelOption } from './model-option';

/**
 * GET .../rollout: what the rollout form starts from, from the shared cache once the caller's right to get
 * Endpoints in the namespace is confirmed (the same 403 whether or not the endpoint exists, as for the detail):
 * the endpoint with its generation and resourceVersion, the config it runs (and the one just rolled back from),
 * the namespace's models, whether a rollout may start, whether the caller may roll out (a hint), and the
 * rollout history (authors marked verified only where the authorship policy is installed). Configs (and with
 * them the live config and the history) and models are each served only if the caller may list that kind in the
 * namespace; what was left out is named in `omitted`.
 */
export async function rolloutFormContext(
  identity: Identity,
  namespace: string,
  name: string,
): Promise<RolloutFormContext> {
  const { store, endpoint } = await readableEndpoint(identity, namespace, name);
  const parts = visibleParts(
    store,
    namespace,
    await kindAccess(identity, 'list', namespace, ['EndpointConfig', 'Model']),
  );
  const { configs, models } = parts;
  const byName = (configName: string | undefined) =>
    configs.find((config) => configName !== undefined && config.spec.endpointConfigName === configName);
  const liveConfig = byName(liveConfigNameOf(endpoint));
  const context = rolloutContextFrom(endpoint, liveConfig, models);
  const ask = (verb: string, resource: string) =>
    isAllowed(identity, { verb, resource, group: sagemakerGroup, namespace });
  const [patchEndpoints, createConfigs, policyInstalled] = await Promise.all([
    ask('patch', 'endpoints'),
    ask('create', 'endpointconfigs'),
    authorshipPolicyInstalled(),
  ]);
  return {
    summary: visibleSummary(endpoint, parts),
    endpoint,
    liveConfig: liveConfig ?? null,
    failedConfig: byName(context.failedConfigName) ?? null,
    models: models.map(modelOption).sort((a, b) => a.modelName.localeCompare(b.modelName)),
    context,
    gate: gateRollout(context),
    canRollOut: patchEndpoints && createConfigs,
    history: markAuthorship(
      rolloutHistory(
        endpoint,
        configs.filter((config) => config.metadata.labels?.[endpointLabel] === name),
      ),
      policyInstalled,
    ),
    ...(parts.omitted.length > 0 ? { omitted: parts.omitted } : {}),
  };
}
