import 'server-only';
import { isAllowed } from '../auth/access-review';
import { csrfTokenFor } from '../auth/csrf';
import type { Identity } from '../auth/identity';
import { serverConfig } from '../config';
import { fleetStore } from '../k8s/fleet-store';

const group = 'sagemaker.services.k8s.aws';

/** What one namespace lets the caller do; hints for the UI only, the API server decides. */
async function rightsIn(identity: Identity, namespace: string) {
  const ask = (verb: string, resource: string) => isAllowed(identity, { verb, resource, group, namespace });
  const [list, patchEndpoints, createConfigs, createModels] = await Promise.all([
    ask('list', 'endpoints'),
    ask('patch', 'endpoints'),
    ask('create', 'endpointconfigs'),
    ask('create', 'models'),
  ]);
  return { namespace, list, rollOut: patchEndpoints && createConfigs, createModels };
}

/** Who the caller is, the CSRF token for their session, and what they may do where. */
export async function callerProfile(identity: Identity) {
  const namespaces = [...fleetStore().endpoints.namespaces()].sort();
  const [everywhere, ...each] = await Promise.all([
    rightsIn(identity, ''),
    ...namespaces.map((namespace) => rightsIn(identity, namespace)),
  ]);
  const config = serverConfig();
  return {
    user: identity.user,
    groups: identity.groups,
    mode: identity.mode,
    csrfToken: csrfTokenFor(identity),
    // With a shared kubeconfig reachable from other hosts, every page must say whose identity everyone uses.
    sharedIdentity: identity.mode === 'kubeconfig' && config.FLEETDECK_KUBECONFIG_ALLOW_REMOTE ? identity.user : null,
    allNamespaces: { list: everywhere!.list, rollOut: everywhere!.rollOut },
    // Only namespaces where the caller has some right: the others' existence is none of their business.
    namespaces: each.filter((rights) => rights.list || rights.rollOut || rights.createModels),
  };
}
