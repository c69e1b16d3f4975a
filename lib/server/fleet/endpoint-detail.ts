import 'server-only';
import { summarizeEndpoint } from '@/lib/endpoints/summarize-endpoint';
import type { Identity } from '../auth/identity';
import type { KubeObject } from '../k8s/kube-object';
import { readableEndpoint } from './readable-endpoint';

const MAX_EVENTS = 50;

interface EventObject extends KubeObject {
  involvedObject?: { kind?: string; name?: string };
  lastTimestamp?: string;
  eventTime?: string;
  metadata: KubeObject['metadata'] & { creationTimestamp?: string };
}
const eventTime = (event: EventObject) => event.lastTimestamp ?? event.eventTime ?? event.metadata.creationTimestamp ?? '';

/**
 * One endpoint with its config, models, conditions and the Kubernetes Events about them, from the shared
 * cache (access checked as readableEndpoint says). managedFields and the last-applied annotation were
 * dropped at ingest.
 */
export async function endpointDetail(identity: Identity, namespace: string, name: string) {
  const { store, endpoint } = await readableEndpoint(identity, namespace, name);
  const configs = store.configsIn(namespace);
  const config = configs.find((candidate) => candidate.spec.endpointConfigName === endpoint.spec.endpointConfigName);
  const pendingConfig = configs.find((candidate) => candidate.spec.endpointConfigName === endpoint.status?.pendingDeploymentSummary?.endpointConfigName);
  const modelNames = new Set([config, pendingConfig].flatMap((each) => each?.spec.productionVariants.map((variant) => variant.modelName) ?? []));
  const models = store.modelsIn(namespace).filter((model) => modelNames.has(model.spec.modelName));
  const related = new Set([`Endpoint/${name}`, ...(config ? [`EndpointConfig/${config.metadata.name}`] : []), ...models.map((model) => `Model/${model.metadata.name}`)]);
  const events = (store.events.list(namespace) as EventObject[])
    .filter((event) => related.has(`${event.involvedObject?.kind}/${event.involvedObject?.name}`))
    .sort((a, b) => (eventTime(a) < eventTime(b) ? 1 : -1))
    .slice(0, MAX_EVENTS);
  return {
    summary: summarizeEndpoint(endpoint, configs, models),
    endpoint,
    config: config ?? null,
    pendingConfig: pendingConfig ?? null,
    models,
    configsUsed: configs.filter((candidate) => candidate.metadata.labels?.['fleetdeck.io/endpoint'] === name).map((candidate) => candidate.metadata.name),
    events,
  };
}
