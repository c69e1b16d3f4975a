// The chart's rendered manifests on the real API server, one namespace of their own per auth mode: a
// server-side dry run, then for real; then the chart's ServiceAccount, with a token from the TokenRequest
// API, holds exactly the rights deploy/rbac/ defines for that mode, and impersonates only in proxy mode.
// oidc mode needs no provider here: nobody signs in, the rights are what is checked.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import {
  AuthorizationV1Api,
  CoreV1Api,
  type KubeConfig,
  type KubernetesObject,
  type V1PodSpec,
  type V1SelfSubjectRulesReview,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshNamespace, kubeConfigAs, uniqueName } from '../support/control-plane';
import { chartValues, renderChart } from '../support/helm';
import {
  applyObjects,
  deleteClusterScoped,
  type Manifest,
  objectExists,
  parseManifests,
  serviceAccountIdentity,
} from '../support/helm-manifests';
import { repoRoot } from '../support/repo-root';

type Mode = 'token' | 'proxy' | 'oidc';

/** A rules review's answer as sorted `verb group/resource[/name]` and `verb url` lines. */
function rightsOf(review: V1SelfSubjectRulesReview): string[] {
  const status = review.status!;
  expect(status.incomplete).toBe(false);
  const lines = status.resourceRules.flatMap((rule) =>
    rule.verbs.flatMap((verb) =>
      (rule.apiGroups ?? []).flatMap((group) =>
        (rule.resources ?? []).flatMap((resource) =>
          (rule.resourceNames?.length ? rule.resourceNames : ['']).map(
            (name) => `${verb} ${group}/${resource}${name ? `/${name}` : ''}`,
          ),
        ),
      ),
    ),
  );
  const urls = status.nonResourceRules.flatMap((rule) =>
    rule.verbs.flatMap((verb) => (rule.nonResourceURLs ?? []).map((url) => `${verb} ${url}`)),
  );
  return [...new Set([...lines, ...urls])].sort();
}

/** The rights a deploy/rbac/ file's role grants, in the same lines. */
function rightsInFile(file: string): string[] {
  const role = parseManifests(readFileSync(join(repoRoot(), 'deploy', 'rbac', file), 'utf8')).find((object) =>
    object.kind.endsWith('Role'),
  ) as unknown as { rules: { apiGroups: string[]; resources: string[]; resourceNames?: string[]; verbs: string[] }[] };
  return rightsOf({
    spec: {},
    status: { incomplete: false, resourceRules: role.rules, nonResourceRules: [] },
  });
}

const rulesReview = (kubeConfig: KubeConfig, namespace: string) =>
  kubeConfig.makeApiClient(AuthorizationV1Api).createSelfSubjectRulesReview({ body: { spec: { namespace } } });

const mayImpersonate = async (kubeConfig: KubeConfig, resource: string) =>
  (
    await kubeConfig.makeApiClient(AuthorizationV1Api).createSelfSubjectAccessReview({
      body: { spec: { resourceAttributes: { verb: 'impersonate', resource, name: 'someone' } } },
    })
  ).status!.allowed;

/** A list of namespaces with a bearer token, acting as `as`: the status and the API server's message. */
function listNamespacesAs(kubeConfig: KubeConfig, token: string, as: string) {
  const cluster = kubeConfig.getCurrentCluster()!;
  return new Promise<{ status: number; message: string }>((resolve, reject) => {
    const req = request(
      `${cluster.server}/api/v1/namespaces`,
      {
        ca: Buffer.from(cluster.caData!, 'base64'),
        headers: { authorization: `Bearer ${token}`, 'impersonate-user': as },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          const message = (JSON.parse(body) as { message?: string }).message ?? '';
          resolve({ status: response.statusCode ?? 0, message });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe.each<Mode>(['token', 'proxy', 'oidc'])('the chart in %s mode', (mode) => {
  const admin = kubeConfigAs('admin');
  let namespace: string;
  let otherNamespace: string;
  let objects: Manifest[];
  let existedAfterDryRun: string[];
  let applied: KubernetesObject[];
  let serviceAccount: string;

  beforeAll(async () => {
    namespace = await freshNamespace(`chart-${mode}`);
    otherNamespace = await freshNamespace(`chart-${mode}-other`);
    const release = uniqueName('fd');
    objects = parseManifests(renderChart({ release, namespace, valuesFiles: [chartValues(mode)] }));
    serviceAccount = objects.find((object) => object.kind === 'ServiceAccount')!.metadata!.name!;

    await applyObjects(admin, objects, { dryRun: true });
    existedAfterDryRun = [];
    for (const object of objects)
      if (await objectExists(admin, object)) existedAfterDryRun.push(`${object.kind}/${object.metadata!.name}`);
    applied = await applyObjects(admin, objects, { dryRun: false });
  });

  afterAll(async () => {
    // Namespaced objects stay with the test's namespace; the cluster-scoped roles would outlive it.
    if (objects) await deleteClusterScoped(admin, objects);
  });

  it('renders what the mode needs, every object in its own namespace or cluster-scoped', () => {
    const kinds = objects.map((object) => object.kind).sort();
    const byMode: Record<Mode, string[]> = {
      token: ['ConfigMap', 'Ingress', 'Role', 'RoleBinding'],
      proxy: ['ClusterRole', 'ClusterRoleBinding', 'Secret'],
      // The revoked-sessions list and its Role, the Role on the sessions' Secrets, the session secret's Secret.
      oidc: ['ConfigMap', 'Role', 'RoleBinding', 'Role', 'RoleBinding', 'Secret'],
    };
    const expected = [
      'ClusterRole',
      'ClusterRoleBinding',
      'Deployment',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
      'ServiceAccount',
      ...byMode[mode],
    ].sort();
    expect(kinds).toEqual(expected);
    for (const object of objects)
      if (!object.kind.startsWith('Cluster')) expect(object.metadata!.namespace).toBe(namespace);
  });

  it('passes a server-side dry run that creates nothing', () => {
    expect(existedAfterDryRun).toEqual([]);
  });

  it('is applied for real: every object is there as the chart rendered it', async () => {
    expect(applied.map((object) => object.kind)).toEqual(objects.map((object) => object.kind));
    for (const object of objects) expect(await objectExists(admin, object)).toBe(true);
    const deployment = applied.find((object) => object.kind === 'Deployment') as unknown as {
      spec: { replicas: number; template: { spec: { containers: { securityContext: unknown }[] } } };
    };
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.containers[0]!.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it("gives its pods a spec the API server admits under the 'restricted' Pod Security Standard", async () => {
    const strict = uniqueName(`chart-${mode}-restricted`);
    const core = admin.makeApiClient(CoreV1Api);
    await core.createNamespace({
      body: { metadata: { name: strict, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } },
    });
    await core.createNamespacedServiceAccount({ namespace: strict, body: { metadata: { name: serviceAccount } } });
    const deployment = objects.find((object) => object.kind === 'Deployment') as unknown as {
      spec: { template: { spec: V1PodSpec } };
    };
    const pod = { metadata: { name: 'from-the-chart' }, spec: deployment.spec.template.spec };
    await expect(core.createNamespacedPod({ namespace: strict, body: pod, dryRun: 'All' })).resolves.toBeTruthy();
    // The same pod without the chart's securityContext is refused, so the admission above was a real check.
    const loose = { ...pod, spec: { ...pod.spec, securityContext: {}, containers: [{ name: 'x', image: 'x' }] } };
    await expect(core.createNamespacedPod({ namespace: strict, body: loose, dryRun: 'All' })).rejects.toMatchObject({
      code: 403,
    });
  });

  it("lets the ServiceAccount's token from the TokenRequest API act as that account", async () => {
    const identity = await serviceAccountIdentity(admin, namespace, serviceAccount);
    expect(identity.username).toBe(`system:serviceaccount:${namespace}:${serviceAccount}`);
  });

  it('gives the ServiceAccount exactly the rights deploy/rbac/ defines for the mode', async () => {
    const chart = await serviceAccountIdentity(admin, namespace, serviceAccount);
    // What any account has with no binding at all (discovery, self reviews): a bare account beside it.
    const bareName = uniqueName('bare');
    await admin
      .makeApiClient(CoreV1Api)
      .createNamespacedServiceAccount({ namespace, body: { metadata: { name: bareName } } });
    const bare = await serviceAccountIdentity(admin, namespace, bareName);

    const server = rightsInFile('fleetdeck-server.yaml');
    const modeWide = mode === 'proxy' ? rightsInFile('fleetdeck-server-impersonate.yaml') : [];
    // Sign-out goes through the revoked-sessions list in token and oidc modes; oidc mode keeps tokens in Secrets.
    const ownNamespaceRoles: Record<Mode, string[]> = {
      token: ['fleetdeck-server-sessions.yaml'],
      proxy: [],
      oidc: ['fleetdeck-server-sessions.yaml', 'fleetdeck-server-oidc-sessions.yaml'],
    };
    const ownNamespace = ownNamespaceRoles[mode].flatMap(rightsInFile);
    for (const [where, extra] of [
      [namespace, ownNamespace],
      [otherNamespace, []],
    ] as const) {
      const baseline = rightsOf(await rulesReview(bare.kubeConfig, where));
      const expected = [...new Set([...baseline, ...server, ...modeWide, ...extra])].sort();
      expect(rightsOf(await rulesReview(chart.kubeConfig, where)), `rights in ${where}`).toEqual(expected);
    }
  });

  if (mode !== 'proxy')
    it(`cannot impersonate anyone in ${mode} mode`, async () => {
      const { kubeConfig, token } = await serviceAccountIdentity(admin, namespace, serviceAccount);
      for (const resource of ['users', 'groups', 'serviceaccounts', 'uids'])
        expect(await mayImpersonate(kubeConfig, resource), resource).toBe(false);
      const answer = await listNamespacesAs(kubeConfig, token, 'admin');
      expect(answer.status).toBe(403);
      // Kubernetes 1.37 names the constrained-impersonation verb it tried first (impersonate-on:...).
      expect(answer.message).toMatch(/cannot impersonate/);
    });

  if (mode === 'proxy')
    it('impersonates users and groups in proxy mode, and no service account', async () => {
      const { kubeConfig, token } = await serviceAccountIdentity(admin, namespace, serviceAccount);
      expect(await mayImpersonate(kubeConfig, 'users')).toBe(true);
      expect(await mayImpersonate(kubeConfig, 'groups')).toBe(true);
      expect(await mayImpersonate(kubeConfig, 'serviceaccounts')).toBe(false);
      // Acting as `outsider` works; what is then refused is outsider's own lack of rights.
      const answer = await listNamespacesAs(kubeConfig, token, 'outsider');
      expect(answer.status).toBe(403);
      expect(answer.message).toContain('User "outsider" cannot list resource "namespaces"');
    });
});
