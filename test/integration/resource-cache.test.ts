// The shared watch cache against a real API server: a list, first or again, is stored before any listener is
// told, so a listener that reads the cache inside its callback reads what was listed. The API server of this
// file's own control plane is restarted to force the re-list, so this file does not share the common one.
import {
  CustomObjectsApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import { afterAll, describe, expect, it } from 'vitest';
import { ResourceCache, type CacheChange } from '@/lib/server/k8s/resource-cache';
import { sagemakerApiVersion, sagemakerGroup } from '@/lib/schemas/resource-kinds';
import { ownControlPlane } from '../support/own-control-plane';
import { coordinates, endpointBody } from '../support/sagemaker-objects';
import { createNamespace, loadUserKubeConfig } from '../support/test-users';

const plane = ownControlPlane();
const adminConfig = loadUserKubeConfig(plane.kubeconfigDir, 'admin');
const admin = adminConfig.makeApiClient(CustomObjectsApi);
const rbac = adminConfig.makeApiClient(RbacAuthorizationV1Api);
const caches: ResourceCache[] = [];
afterAll(() => {
  for (const cache of caches) cache.stop();
  plane.destroy();
});

const endpointsPath = (namespace: string) => `/apis/${sagemakerApiVersion}/namespaces/${namespace}/endpoints`;

function startCache(
  kubeConfig: KubeConfig,
  namespace: string,
  onChange: (change: CacheChange, cache: ResourceCache) => void,
) {
  const cache = new ResourceCache({
    kubeConfig,
    path: endpointsPath(namespace),
    // Short watches, so a revoked right stops the cache within seconds; short waits between attempts.
    renewSeconds: 2,
    idleMs: 60_000,
    backoff: { baseMs: 200, capMs: 1000, healthyMs: 30_000 },
    log: () => undefined,
  });
  caches.push(cache);
  cache.onChange((change) => onChange(change, cache));
  cache.start();
  return cache;
}

/** What a listener saw of the cache when it was told of one change. */
interface Seen {
  type: string;
  name: string;
  /** The resourceVersion the cache held for the changed object, or null when it held none. */
  cached: string | null;
  /** Every name in the cache then. */
  names: string[];
}
const record = (seen: Seen[]) => (change: CacheChange, cache: ResourceCache) => {
  const name = change.object.metadata.name;
  seen.push({
    type: change.type,
    name,
    cached: cache.get(change.object.metadata.namespace ?? '', name)?.metadata.resourceVersion ?? null,
    names: cache
      .list()
      .map((object) => object.metadata.name)
      .sort(),
  });
};

async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The Endpoints of a namespace as the API server lists them now: name to resourceVersion. */
async function listed(namespace: string): Promise<Record<string, string>> {
  const list = (await admin.listNamespacedCustomObject(coordinates('Endpoint', namespace))) as {
    items: { metadata: { name: string; resourceVersion: string } }[];
  };
  return Object.fromEntries(list.items.map((item) => [item.metadata.name, item.metadata.resourceVersion]));
}

const create = (namespace: string, name: string) =>
  admin.createNamespacedCustomObject({ ...coordinates('Endpoint', namespace), body: endpointBody(name) });

describe('ResourceCache against the API server', () => {
  it('stores the first list before telling listeners, so each one reads every listed object', async () => {
    const namespace = await createNamespace(adminConfig, 'cache-first');
    for (const name of ['a', 'b', 'c']) await create(namespace, name);
    const expected = await listed(namespace);

    const seen: Seen[] = [];
    const cache = startCache(adminConfig, namespace, record(seen));
    await until(() => cache.hasSynced, 15_000, 'the first list');

    expect(seen.map(({ type, name }) => `${type} ${name}`).sort()).toEqual(['ADDED a', 'ADDED b', 'ADDED c']);
    for (const each of seen) {
      expect(each.names, `cache contents while told of ${each.name}`).toEqual(Object.keys(expected).sort());
      expect(each.cached).toBe(expected[each.name]);
    }
  });

  it('stores a re-list (after 410 Gone) before telling listeners, deletions and changes included', async () => {
    const namespace = await createNamespace(adminConfig, 'cache-relist');
    for (const name of ['kept', 'changed', 'gone']) await create(namespace, name);
    // The cache reads as a user whose right can be taken away, so its watch stops while the API server runs.
    await rbac.createNamespacedRole({
      namespace,
      body: {
        metadata: { name: 'endpoint-reader' },
        rules: [{ apiGroups: [sagemakerGroup], resources: ['endpoints'], verbs: ['list', 'watch'] }],
      },
    });
    const binding = {
      metadata: { name: 'outsider-endpoint-reader' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'endpoint-reader' },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'outsider' }],
    };
    await rbac.createNamespacedRoleBinding({ namespace, body: binding });

    const seen: Seen[] = [];
    let resyncs = 0;
    const cache = startCache(loadUserKubeConfig(plane.kubeconfigDir, 'outsider'), namespace, record(seen));
    cache.onResync(() => (resyncs += 1));
    await until(() => cache.hasSynced && cache.connected, 15_000, 'the first list');

    // The right goes: within one short watch the cache is refused and keeps retrying.
    await rbac.deleteNamespacedRoleBinding({ namespace, name: binding.metadata.name });
    await until(() => !cache.connected, 15_000, 'the cache to lose its watch');
    await admin.deleteNamespacedCustomObject({ ...coordinates('Endpoint', namespace), name: 'gone' });
    await admin.patchNamespacedCustomObject(
      { ...coordinates('Endpoint', namespace), name: 'changed', body: { metadata: { labels: { touched: 'yes' } } } },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
    await create(namespace, 'new');
    // A restarted API server's watch cache starts after those writes, so the cache's resourceVersion is too old
    // to resume from: 410 Gone, and the cache lists again.
    plane.stopApiServer();
    plane.startApiServer();
    // Until its watch cache is filled again, the restarted API server answers lists with 429.
    let expected: Record<string, string> | undefined;
    while (!expected)
      expected = await listed(namespace).catch(() => new Promise<undefined>((resolve) => setTimeout(resolve, 500)));
    seen.length = 0;
    await rbac.createNamespacedRoleBinding({ namespace, body: binding });
    await until(() => resyncs > 0, 30_000, 'the re-list');

    expect(seen.map(({ type, name }) => `${type} ${name}`).sort()).toEqual([
      'ADDED new',
      'DELETED gone',
      'MODIFIED changed',
    ]);
    for (const each of seen) {
      expect(each.names, `cache contents while told of ${each.type} ${each.name}`).toEqual(
        Object.keys(expected).sort(),
      );
      expect(each.cached).toBe(expected[each.name] ?? null);
    }
  }, 120_000);
});
