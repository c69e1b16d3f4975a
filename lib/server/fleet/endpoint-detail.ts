import 'server-only';
import type { Identity } from '../auth/identity';
import type { KubeObject } from '../k8s/kube-object';
import { kindAccess } from './kind-access';
import { readableEndpoint } from './readable-endpoint';
import { visibleParts, visibleSummary } from './visible-summary';

const MAX_EVENTS = 50;

interface EventObject extends KubeObject {
  involvedObject?: { kind?: string; name?: string };
  lastTimestamp?: string;
  eventTime?: string;
  metadata: KubeObject['metadata'] & { creationTimestamp?: string };
}
const eventTime = (event: EventObject) =>
  event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp ?? '';

/**
 * One endpoint with its config, models, conditions and the Kubernetes Events about them, from the shared
 * cache. The right to get the Endpoint is checked first (as readableEndpoint says); then the right to list
 * each other kind in the namespace, on its own: what the caller may not read is left out and named in
 * `omitted`. managedFields, the last-applied annotation and container environment values were dropped at
 * ingest.
 */
export async function endpointDetail(identity: Identity, namespace: string, name: string) {
  const { store, endpoint } = await readableEndpoint(identity, namespace, name);
  const access = await kindAccess(identity, 'list', namespace, ['EndpointConfig', 'Model', 'Event']);
  const parts = visibleParts(store, namespace, access);
  const { configs } = parts;
  const config = configs.find((candidate) => candidate.spec.endpointConfigName === endpoint.spec.endpointConfigName);
  const pendingConfig = configs.find(
    (candidate) => candidate.spec.endpointConfigName === endpoint.status?.pendingDeploymentSummary?.endpointConfigName,
  );
  const modelNames = new Set(
    [config, pendingConfig].flatMap((each) => each?.spec.productionVariants.map((variant) => variant.modelName) ?? []),
  );
  const models = parts.models.filter((model) => modelNames.has(model.spec.modelName));
  const related = new Set([
    `Endpoint/${name}`,
    ...(config ? [`EndpointConfig/${config.metadata.name}`] : []),
    ...models.map((model) => `Model/${model.metadata.name}`),
  ]);
  const events = access.readable.has('Event')
    ? (store.events.list(namespace) as EventObject[])
        .filter((event) => related.has(`${event.involvedObject?.kind}/${event.involvedObject?.name}`))
        .sort((a, b) => (eventTime(a) < eventTime(b) ? 1 : -1))
        .slice(0, MAX_EVENTS)
    : [];
  return {
    summary: visibleSummary(endpoint, parts),
    endpoint,
    config: config ?? null,
    pendingConfig: pendingConfig ?? null,
    models,
    configsUsed: configs
      .filter((candidate) => candidate.metadata.labels?.['fleetdeck.io/endpoint'] === name)
      .map((candidate) => candidate.metadata.name),
    events,
    ...(access.omitted.length > 0 ? { omitted: access.omitted } : {}),
  };
}
