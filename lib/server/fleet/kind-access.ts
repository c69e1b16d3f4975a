import 'server-only';
import type { OmittableKind, OmittedKind } from '@/lib/api/omitted-kinds';
import { sagemakerGroup } from '@/lib/schemas/resource-kinds';
import { isAllowed, type AccessQuestion } from '../auth/access-review';
import type { Identity } from '../auth/identity';

export type ReadVerb = 'get' | 'list' | 'watch';

// Events are the core group's: the shared cache watches /api/v1/events.
const resources: Record<OmittableKind, { group: string; resource: string; plural: string }> = {
  EndpointConfig: { group: sagemakerGroup, resource: 'endpointconfigs', plural: 'EndpointConfigs' },
  Model: { group: sagemakerGroup, resource: 'models', plural: 'Models' },
  Event: { group: '', resource: 'events', plural: 'Events' },
};

/** Which kinds the caller may read in one namespace, and the others with the reason they are left out. */
export interface KindAccess {
  readable: ReadonlySet<OmittableKind>;
  omitted: OmittedKind[];
}

const question = (kind: OmittableKind, verb: ReadVerb, namespace: string): AccessQuestion => ({
  verb,
  namespace,
  group: resources[kind].group,
  resource: resources[kind].resource,
});

function accessOf(
  verb: ReadVerb,
  namespace: string,
  kinds: readonly OmittableKind[],
  allowed: (kind: OmittableKind) => boolean,
): KindAccess {
  return {
    readable: new Set(kinds.filter(allowed)),
    omitted: kinds
      .filter((kind) => !allowed(kind))
      .map((kind) => ({ kind, reason: `You may not ${verb} ${resources[kind].plural} in namespace ${namespace}.` })),
  };
}

/**
 * Whether the caller may `verb` each of `kinds` in `namespace`, each asked of the API server as the caller
 * (SelfSubjectAccessReview, answers kept as isAllowed says). A right to read Endpoints says nothing here.
 */
export async function kindAccess(
  identity: Identity,
  verb: ReadVerb,
  namespace: string,
  kinds: readonly OmittableKind[],
  options: { fresh?: boolean } = {},
): Promise<KindAccess> {
  const answers = await Promise.all(kinds.map((kind) => isAllowed(identity, question(kind, verb, namespace), options)));
  return accessOf(verb, namespace, kinds, (kind) => answers[kinds.indexOf(kind)] === true);
}

/**
 * kindAccess for many namespaces at once: a kind the caller may read in every namespace is asked once, the
 * others once per namespace. A namespace not among `namespaces` reads as allowed only for those kinds.
 */
export async function kindAccessByNamespace(
  identity: Identity,
  verb: ReadVerb,
  namespaces: Iterable<string>,
  kinds: readonly OmittableKind[],
  options: { fresh?: boolean } = {},
): Promise<(namespace: string) => KindAccess> {
  const everywhere = await Promise.all(kinds.map((kind) => isAllowed(identity, question(kind, verb, ''), options)));
  const clusterWide = new Set(kinds.filter((_, index) => everywhere[index]));
  const rest = kinds.filter((kind) => !clusterWide.has(kind));
  const byNamespace = new Map<string, KindAccess>();
  await Promise.all(
    [...new Set(namespaces)].map(async (namespace) => {
      const some = await kindAccess(identity, verb, namespace, rest, options);
      byNamespace.set(
        namespace,
        accessOf(verb, namespace, kinds, (kind) => clusterWide.has(kind) || some.readable.has(kind)),
      );
    }),
  );
  return (namespace) => byNamespace.get(namespace) ?? accessOf(verb, namespace, kinds, (kind) => clusterWide.has(kind));
}
