import 'server-only';
import type { RolloutResult } from '@/lib/api/rollout-views';
import { buildEndpointConfigSpec, newConfigName } from '@/lib/rollout/build-config';
import { liveConfigNameOf, rolloutContextFrom } from '@/lib/rollout/context';
import { rolloutAnnotations } from '@/lib/rollout/history';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { RolloutRequest } from '@/lib/schemas/rollout-request';
import type { Identity } from '../auth/identity';
import { serverConfig } from '../config';
import { AppError } from '../http/app-error';
import { errorText, log } from '../log/logger';
import { listConfigsAsCaller, listModelsAsCaller, readConfigAsCaller, readEndpointAsCaller } from './caller-reads';
import { assertDraftAcceptable } from './check-draft';
import { rolloutConfigObject } from './config-object';
import { RolloutError, unsyncedConfigError } from './rollout-error';
import { waitForConfigSync } from './wait-for-config-sync';
import { createConfigAsCaller, patchEndpointAsCaller } from './write-as-caller';

const liveConfigIn = (configs: EndpointConfig[], endpoint: Endpoint) =>
  configs.find((config) => config.spec.endpointConfigName === liveConfigNameOf(endpoint)) ?? null;

/** 409 because the spec moved on since the draft's base, with the endpoint and the config it runs now. */
async function staleError(identity: Identity, request: RolloutRequest, current: Endpoint): Promise<RolloutError> {
  const configs = await listConfigsAsCaller(identity, current.metadata.namespace ?? '');
  return new RolloutError(
    'conflict',
    `The endpoint changed since this draft was made (generation ${request.baseGeneration}, now ${current.metadata.generation}). Review the draft against the current version and submit it again.`,
    undefined,
    { current: { endpoint: current, liveConfig: liveConfigIn(configs, current) } },
  );
}

/** The config this requestId created before, if any; a config of that name made by another request is a 409. */
async function configOfThisRequest(
  identity: Identity,
  namespace: string,
  configName: string,
  requestId: string,
): Promise<EndpointConfig | undefined> {
  const existing = await readConfigAsCaller(identity, namespace, configName);
  if (existing && existing.metadata.annotations?.[rolloutAnnotations.requestId] !== requestId) {
    throw new AppError(
      'conflict',
      `An EndpointConfig named ${configName} already exists and was not created by this request. Submit the draft as a new request.`,
    );
  }
  return existing;
}

/**
 * POST .../rollout: checks the draft against the Endpoint as it is now and either dry-runs or applies it, every
 * call as the caller. Apply creates the new EndpointConfig, then points the Endpoint at it. The requestId
 * names the config, so a retry or a second click finds what the first one did and applies once.
 */
export async function submitRollout(
  identity: Identity,
  namespace: string,
  name: string,
  request: RolloutRequest,
): Promise<RolloutResult> {
  const dryRun = request.mode === 'dry-run';
  const endpoint = await readEndpointAsCaller(identity, namespace, name);
  const configName = newConfigName(endpoint.spec.endpointName, request.requestId);
  const earlier = await configOfThisRequest(identity, namespace, configName, request.requestId);

  // Applied already (a retry or a double click): nothing to do, whatever the generation is now.
  if (earlier && endpoint.spec.endpointConfigName === configName)
    return { outcome: 'already-applied', configName, config: earlier, endpoint };
  if (endpoint.metadata.generation !== request.baseGeneration) throw await staleError(identity, request, endpoint);

  const [configs, models] = await Promise.all([
    listConfigsAsCaller(identity, namespace),
    listModelsAsCaller(identity, namespace),
  ]);
  const context = rolloutContextFrom(endpoint, liveConfigIn(configs, endpoint) ?? undefined, models);
  assertDraftAcceptable(request.draft, { endpoint, context, models, configs, configName });

  const baseConfig = configs.find((config) => config.spec.endpointConfigName === request.draft.baseConfigName);
  const spec = buildEndpointConfigSpec(request.draft, baseConfig, configName);
  const object = rolloutConfigObject({
    endpoint,
    spec,
    draft: request.draft,
    requestId: request.requestId,
    user: identity.user,
    now: new Date(),
  });
  const patchRequest = {
    configName,
    deploymentConfig: request.draft.deploymentConfig,
    baseGeneration: request.baseGeneration,
    dryRun,
    staleError: (current: Endpoint) => staleError(identity, request, current),
  };

  if (dryRun) {
    const config = earlier ?? (await createConfigAsCaller(identity, object, true));
    const patched = await patchEndpointAsCaller(identity, endpoint, patchRequest);
    return {
      outcome: 'dry-run',
      configName,
      config,
      configExists: earlier !== undefined,
      endpointPatch: patched.patch,
      endpoint: patched.endpoint,
    };
  }

  const created = earlier ?? (await createOrAdopt(identity, object, request.requestId));
  let config = created;
  try {
    // The API server's own dry run of the patch first: a caller who may not patch the Endpoint (or whose base
    // is stale) hears so now, not after waiting for the config to sync.
    const precheck = await patchEndpointAsCaller(identity, endpoint, { ...patchRequest, dryRun: true });
    // A concurrent apply of the same request got there first.
    if (precheck.alreadyPointed)
      return { outcome: 'already-applied', configName, config: created, endpoint: precheck.endpoint };
    config = await awaitConfigSync(identity, created);
    const patched = await patchEndpointAsCaller(identity, endpoint, patchRequest);
    if (patched.alreadyPointed) return { outcome: 'already-applied', configName, config, endpoint: patched.endpoint };
    return {
      outcome: 'applied',
      configName,
      config,
      configReused: earlier !== undefined,
      endpointPatch: patched.patch,
      endpoint: patched.endpoint,
    };
  } catch (error) {
    if (error instanceof RolloutError && error.details?.createdConfigName) throw error;
    // The config exists now; say so, so it is not silently left behind (the history shows it as not applied).
    const failure =
      error instanceof AppError ? error : new AppError('internal', 'Something went wrong on the Fleetdeck server.');
    if (!(error instanceof AppError)) log.error(`rollout patch of ${namespace}/${name} failed: ${errorText(error)}`);
    throw new RolloutError(
      failure.code,
      `Created EndpointConfig ${configName}, but pointing the endpoint at it failed: ${failure.message}`,
      failure.fields,
      { createdConfigName: configName, ...(failure instanceof RolloutError ? failure.details : {}) },
    );
  }
}

/**
 * Waits, as the caller and for at most FLEETDECK_ROLLOUT_SYNC_SECONDS (0: not at all), until SageMaker has the
 * config, so the Endpoint never names a config the controller cannot find (docs/ack-behaviour.md §8.4 C9). A
 * config that is refused, disappears or does not sync in time is reported, and the Endpoint is left alone.
 */
async function awaitConfigSync(identity: Identity, config: EndpointConfig): Promise<EndpointConfig> {
  const seconds = serverConfig().FLEETDECK_ROLLOUT_SYNC_SECONDS;
  if (seconds === 0) return config;
  const configName = config.metadata.name;
  const waited = await waitForConfigSync(identity, config.metadata.namespace ?? '', configName, seconds * 1000);
  if (waited.outcome === 'synced') return waited.config;
  throw unsyncedConfigError(configName, waited.outcome === 'refused' ? waited : { outcome: waited.outcome, seconds });
}

/** Creates the config; if a concurrent request with the same requestId created it first, uses that one. */
async function createOrAdopt(
  identity: Identity,
  object: ReturnType<typeof rolloutConfigObject>,
  requestId: string,
): Promise<EndpointConfig> {
  try {
    return await createConfigAsCaller(identity, object, false);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'conflict')) throw error;
    const existing = await configOfThisRequest(
      identity,
      object.metadata.namespace ?? '',
      object.metadata.name,
      requestId,
    );
    if (!existing) throw error;
    return existing;
  }
}
