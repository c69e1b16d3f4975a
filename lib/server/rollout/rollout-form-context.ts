import 'server-only';
import type { RolloutFormContext } from '@/lib/api/rollout-views';
import { summarizeEndpoint } from '@/lib/endpoints/summarize-endpoint';
import { liveConfigNameOf, rolloutContextFrom } from '@/lib/rollout/context';
import { gateRollout } from '@/lib/rollout/gating';
import { endpointLabel, rolloutHistory } from '@/lib/rollout/history';
import { sagemakerGroup } from '@/lib/schemas/resource-kinds';
import { isAllowed } from '../auth/access-review';
import type { Identity } from '../auth/identity';
import { readableEndpoint } from '../fleet/readable-endpoint';
import { modelOption } from './model-option';

/**
 * GET .../rollout: what the rollout form starts from, from the shared cache once the caller's right to get
 * Endpoints in the namespace is confirmed (the same 403 whether or not the endpoint exists, as for the detail):
 * the endpoint with its generation and resourceVersion, the config it runs (and the one just rolled back from),
 * the namespace's models, whether a rollout may start, whether the caller may roll out (a hint), and the
 * rollout history.
 */
export async function rolloutFormContext(identity: Identity, namespace: string, name: string): Promise<RolloutFormContext> {
  const { store, endpoint } = await readableEndpoint(identity, namespace, name);
  const configs = store.configsIn(namespace);
  const models = store.modelsIn(namespace);
  const byName = (configName: string | undefined) => configs.find((config) => configName !== undefined && config.spec.endpointConfigName === configName);
  const liveConfig = byName(liveConfigNameOf(endpoint));
  const context = rolloutContextFrom(endpoint, liveConfig, models);
  const ask = (verb: string, resource: string) => isAllowed(identity, { verb, resource, group: sagemakerGroup, namespace });
  const [patchEndpoints, createConfigs] = await Promise.all([ask('patch', 'endpoints'), ask('create', 'endpointconfigs')]);
  return {
    summary: summarizeEndpoint(endpoint, configs),
    endpoint,
    liveConfig: liveConfig ?? null,
    failedConfig: byName(context.failedConfigName) ?? null,
    models: models.map(modelOption).sort((a, b) => a.modelName.localeCompare(b.modelName)),
    context,
    gate: gateRollout(context),
    canRollOut: patchEndpoints && createConfigs,
    history: rolloutHistory(
      endpoint,
      configs.filter((config) => config.metadata.labels?.[endpointLabel] === name),
    ),
  };
}
