// The Helm chart as Helm itself sees it: lint, the schema's refusals, and each auth mode's rendering against
// the committed expected output. FLEETDECK_UPDATE_CHART_FIXTURES=1 rewrites that output instead of comparing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartDir, chartValues, helm, renderChart, tryRenderChart } from '../support/helm';
import { parseManifests } from '../support/helm-manifests';
import { repoRoot } from '../support/repo-root';

const modes = ['token', 'proxy', 'oidc'] as const;
type Mode = (typeof modes)[number];
const fixture = (mode: string) => join(repoRoot(), 'test', 'fixtures', 'chart', `${mode}.yaml`);
const render = (mode: string, set?: Record<string, unknown>) =>
  renderChart({ release: 'fleetdeck', namespace: 'fleetdeck', valuesFiles: [chartValues(mode)], set });

describe('helm lint', () => {
  it.each(modes)('passes with the %s-mode example values, also with --strict', (mode) => {
    for (const strict of [[], ['--strict']]) {
      const result = helm(['lint', chartDir, '--values', chartValues(mode), ...strict]);
      expect(result.stdout + result.stderr).toContain('1 chart(s) linted, 0 chart(s) failed');
      expect(result.status).toBe(0);
    }
  });

  it('fails without the two settings that have no default, and names them', () => {
    const result = helm(['lint', chartDir]);
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('/sessionSecret');
    expect(output).toContain('/networkPolicy/apiServer/cidrs');
  });
});

describe('helm template', () => {
  it.each(modes)('renders %s mode exactly as the committed expected output', (mode) => {
    const rendered = render(mode);
    if (process.env.FLEETDECK_UPDATE_CHART_FIXTURES === '1') writeFileSync(fixture(mode), rendered);
    expect(existsSync(fixture(mode)), `${fixture(mode)} is missing; run with FLEETDECK_UPDATE_CHART_FIXTURES=1`).toBe(
      true,
    );
    expect(rendered).toBe(readFileSync(fixture(mode), 'utf8'));
  });
});

// Each wrong value, the mode whose example values it is set over, and the words of helm's refusal naming it.
const refusals: [string, Mode, Record<string, unknown>, string][] = [
  ['kubeconfig mode, which lends one identity to everyone', 'token', { authMode: 'kubeconfig' }, '/authMode'],
  ['a misspelt mode', 'token', { authMode: 'Token' }, '/authMode'],
  ['no session secret at all', 'token', { 'sessionSecret.existingSecret': '' }, '/sessionSecret'],
  ['a session secret under 32 characters', 'proxy', { 'sessionSecret.value': 'short' }, '/sessionSecret/value'],
  ['proxy mode without the proxy secret', 'proxy', { 'proxy.secret.value': '' }, '/proxy/secret'],
  ['a proxy secret under 16 characters', 'proxy', { 'proxy.secret.value': 'short' }, '/proxy/secret/value'],
  [
    'a non-system group as an allowed system group',
    'proxy',
    { 'proxy.allowedSystemGroups[0]': 'admins' },
    '/proxy/allowedSystemGroups/0',
  ],
  ['replicas as a word', 'token', { replicaCount: 'two' }, '/replicaCount'],
  ['no replicas', 'token', { replicaCount: 0 }, '/replicaCount'],
  ['an origin with a path', 'token', { origin: 'https://fleetdeck.example.com/app' }, '/origin'],
  ['an allowed host with a scheme', 'token', { 'allowedHosts[0]': 'https://fleetdeck.example.com' }, '/allowedHosts/0'],
  ['a negative stream limit', 'token', { 'streams.max': -1 }, '/streams/max'],
  ['a fractional stream buffer', 'token', { 'streams.bufferBytes': 1.5 }, '/streams/bufferBytes'],
  ['a negative rollout wait', 'token', { 'rollout.syncSeconds': -5 }, '/rollout/syncSeconds'],
  ['a setting the chart does not have', 'token', { sessionSecrets: 'x' }, 'sessionSecrets'],
  [
    'an API server address that is not a CIDR',
    'token',
    { 'networkPolicy.apiServer.cidrs[0]': 'kubernetes.default' },
    '/networkPolicy/apiServer/cidrs/0',
  ],
  [
    'a CloudWatch role under an account id that is not 12 digits',
    'token',
    { 'cloudwatch.roles': { '1234': 'arn:aws:iam::123456789012:role/reader' } },
    '/cloudwatch/roles',
  ],
  [
    'a CloudWatch role that is not a role ARN',
    'token',
    { 'cloudwatch.roles': { '210987654321': 'arn:aws:iam::210987654321:user/reader' } },
    '/cloudwatch/roles/210987654321',
  ],
  [
    'demo users without remote access allowed',
    'token',
    { 'demo.enabled': true, 'demo.kubeconfigsSecret': 'users' },
    '/demo',
  ],
  ['oidc mode without an issuer', 'oidc', { 'oidc.issuer': '' }, '/oidc/issuer'],
  ['oidc mode without a client id', 'oidc', { 'oidc.clientId': '' }, '/oidc/clientId'],
  ['oidc mode without the origin its redirect URIs are built from', 'oidc', { origin: '' }, '/origin'],
  [
    'an issuer over plain http',
    'oidc',
    { 'oidc.issuer': 'http://keycloak.example.com/realms/company' },
    '/oidc/issuer',
  ],
  ['an issuer with a query', 'oidc', { 'oidc.issuer': 'https://keycloak.example.com/?realm=company' }, '/oidc/issuer'],
  ['scopes without openid', 'oidc', { 'oidc.scopes': ['profile', 'groups'] }, '/oidc/scopes'],
  ['two scopes in one item', 'oidc', { 'oidc.scopes': ['openid groups'] }, '/oidc/scopes/0'],
  [
    'oidc mode behind a NetworkPolicy that names no identity provider',
    'oidc',
    { 'networkPolicy.identityProvider.cidrs': [] },
    '/networkPolicy/identityProvider/cidrs',
  ],
  ['an oidc setting the chart does not have', 'oidc', { 'oidc.issuerUrl': 'https://idp.example.com' }, 'issuerUrl'],
];

describe('values.schema.json', () => {
  it.each(refusals)('refuses %s', (_what, mode, set, names) => {
    const result = tryRenderChart({
      release: 'fleetdeck',
      namespace: 'fleetdeck',
      valuesFiles: [chartValues(mode)],
      set,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("values don't meet the specifications of the schema");
    expect(result.stderr).toContain(names);
  });

  it('accepts what the README allows at the edges', () => {
    const objects = parseManifests(
      render('proxy', {
        'proxy.allowedSystemGroups[0]': 'system:authenticated',
        'rollout.syncSeconds': 0,
        'streams.renewSeconds': 0.5,
        'allowedHosts[0]': '[::1]:3000',
        origin: 'http://localhost:3000',
      }),
    );
    expect(objects.some((object) => object.kind === 'Deployment')).toBe(true);
  });
});

/** The container env of the rendered Deployment, as name to value (or to the Secret it comes from). */
function deploymentEnv(text: string): Map<string, string> {
  const deployment = parseManifests(text).find((object) => object.kind === 'Deployment') as unknown as {
    spec: { template: { spec: { containers: { env: { name: string; value?: string; valueFrom?: unknown }[] }[] } } };
  };
  const env = deployment.spec.template.spec.containers[0]!.env;
  return new Map(env.map((entry) => [entry.name, entry.value ?? JSON.stringify(entry.valueFrom)]));
}

describe('settings', () => {
  // Fleetdeck's settings: every variable in the first column of a README table (the server's and the metrics').
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  const settings = [
    ...new Set(
      [...readme.matchAll(/^\| ([^|]+) \|/gm)].flatMap((row) =>
        [...row[1]!.matchAll(/`(FLEETDECK_[A-Z_]+|KUBECONFIG)`/g)].map((name) => name[1]!),
      ),
    ),
  ];
  // In a pod these are fixed by the chart or make no sense: in-cluster identity, the listener the start script
  // sets, and kubeconfig mode, which the schema refuses.
  const notSettable = [
    'KUBECONFIG',
    'FLEETDECK_LISTEN_HOST',
    'FLEETDECK_USER_KUBECONFIG',
    'FLEETDECK_KUBECONFIG_ALLOW_REMOTE',
  ];

  it('reads the settings tables', () => {
    expect(settings).toContain('FLEETDECK_AUTH_MODE');
    expect(settings).toContain('FLEETDECK_NAMESPACE');
    expect(settings.length).toBeGreaterThanOrEqual(20);
  });

  it('gives every README setting a value (or says in values.yaml why not)', () => {
    const values = readFileSync(join(chartDir, 'values.yaml'), 'utf8');
    const rendered = new Set([
      ...deploymentEnv(
        render('token', { 'demo.enabled': true, 'demo.allowRemote': true, 'demo.kubeconfigsSecret': 'users' }),
      ).keys(),
      ...deploymentEnv(render('proxy', { 'metrics.token.value': 'a-scrape-token-of-24-chars' })).keys(),
      ...deploymentEnv(render('oidc')).keys(),
    ]);
    for (const name of settings) {
      expect(values, `values.yaml does not mention ${name}`).toContain(name);
      if (!notSettable.includes(name)) expect([...rendered], `no value sets ${name}`).toContain(name);
    }
  });

  it('passes values through to the env the server reads', () => {
    const env = deploymentEnv(
      render('proxy', {
        'streams.max': 50,
        'streams.bufferBytes': 2097152,
        'session.idleSeconds': 3600,
        'rollout.syncSeconds': 0,
        'proxy.userHeader': 'x-remote-user',
      }),
    );
    expect(env.get('FLEETDECK_AUTH_MODE')).toBe('proxy');
    expect(env.get('FLEETDECK_NAMESPACE')).toBe('fleetdeck');
    expect(env.get('FLEETDECK_MAX_STREAMS')).toBe('50');
    expect(env.get('FLEETDECK_STREAM_BUFFER_BYTES')).toBe('2097152');
    expect(env.get('FLEETDECK_SESSION_IDLE_SECONDS')).toBe('3600');
    expect(env.get('FLEETDECK_ROLLOUT_SYNC_SECONDS')).toBe('0');
    expect(env.get('FLEETDECK_PROXY_USER_HEADER')).toBe('x-remote-user');
    expect(env.get('FLEETDECK_PROXY_ALLOWED_SYSTEM_GROUPS')).toBe('system:authenticated');
    // The Service's name is always answered to: the probes send it.
    expect(env.get('FLEETDECK_ALLOWED_HOSTS')).toBe('fleetdeck.internal.example.com,fleetdeck.fleetdeck.svc');
    expect(env.get('FLEETDECK_SESSION_SECRET')).toContain('"name":"fleetdeck"');
  });

  it('passes the CloudWatch roles as the JSON object the server reads, none by default', () => {
    expect(deploymentEnv(render('token')).get('FLEETDECK_CLOUDWATCH_ROLES')).toBe('{}');
    const roles = {
      '210987654321': 'arn:aws:iam::210987654321:role/fleetdeck-cloudwatch',
      '012345678901': 'arn:aws-cn:iam::012345678901:role/platform/fleetdeck',
    };
    const env = deploymentEnv(render('token', { 'cloudwatch.roles': roles }));
    expect(JSON.parse(env.get('FLEETDECK_CLOUDWATCH_ROLES')!)).toEqual(roles);
  });

  it('passes the provider, the client and the claim mappings to the env the server reads in oidc mode', () => {
    const env = deploymentEnv(render('oidc'));
    expect(env.get('FLEETDECK_AUTH_MODE')).toBe('oidc');
    expect(env.get('FLEETDECK_ORIGIN')).toBe('https://fleetdeck.example.com');
    expect(env.get('FLEETDECK_OIDC_ISSUER')).toBe('https://keycloak.example.com/realms/company');
    expect(env.get('FLEETDECK_OIDC_CLIENT_ID')).toBe('fleetdeck');
    expect(env.get('FLEETDECK_OIDC_SCOPES')).toBe('openid profile email groups offline_access');
    expect(env.get('FLEETDECK_OIDC_USERNAME_CLAIM')).toBe('email');
    expect(env.get('FLEETDECK_OIDC_USERNAME_PREFIX')).toBe('oidc:');
    expect(env.get('FLEETDECK_OIDC_GROUPS_CLAIM')).toBe('groups');
    expect(env.get('FLEETDECK_OIDC_GROUPS_PREFIX')).toBe('oidc:');
    expect(env.get('FLEETDECK_OIDC_PROVIDER_NAME')).toBe('Keycloak');
    // The scopes list reaches the server as the one space-separated setting it splits.
    const scopes = deploymentEnv(render('oidc', { 'oidc.scopes': ['openid', 'email', 'groups'] }));
    expect(scopes.get('FLEETDECK_OIDC_SCOPES')).toBe('openid email groups');
    // An empty prefix is passed as empty, not left to a default the API server may not share.
    expect(deploymentEnv(render('oidc', { 'oidc.usernamePrefix': '' })).get('FLEETDECK_OIDC_USERNAME_PREFIX')).toBe('');
  });

  it("reads the oidc client secret from a Secret: an existing one, the chart's own, or none for a public client", () => {
    const existing = deploymentEnv(render('oidc')).get('FLEETDECK_OIDC_CLIENT_SECRET');
    expect(JSON.parse(existing!)).toEqual({ secretKeyRef: { name: 'fleetdeck-oidc', key: 'client-secret' } });

    const text = render('oidc', {
      'oidc.clientSecret.existingSecret': '',
      'oidc.clientSecret.value': 'kc-client-secret',
    });
    expect(JSON.parse(deploymentEnv(text).get('FLEETDECK_OIDC_CLIENT_SECRET')!)).toEqual({
      secretKeyRef: { name: 'fleetdeck', key: 'oidc-client-secret' },
    });
    const own = parseManifests(text).find((object) => object.kind === 'Secret') as unknown as {
      data: Record<string, string>;
    };
    expect(Buffer.from(own.data['oidc-client-secret']!, 'base64').toString()).toBe('kc-client-secret');
    // The value is a secret: it is in the Secret and nowhere in the Deployment.
    const deployment = parseManifests(text).find((object) => object.kind === 'Deployment');
    expect(JSON.stringify(deployment)).not.toContain('kc-client-secret');

    const publicClient = deploymentEnv(render('oidc', { 'oidc.clientSecret.existingSecret': '' }));
    expect(publicClient.has('FLEETDECK_OIDC_CLIENT_SECRET')).toBe(false);
    expect(publicClient.get('FLEETDECK_OIDC_CLIENT_ID')).toBe('fleetdeck');
  });

  it('keeps oidc settings, and the oidc client secret, out of token and proxy modes', () => {
    const oidcValues = {
      'oidc.issuer': 'https://keycloak.example.com/realms/company',
      'oidc.clientId': 'fleetdeck',
      'oidc.clientSecret.value': 'kc-client-secret',
      'oidc.caBundle.configMapName': 'company-ca',
    };
    for (const mode of ['token', 'proxy'] as const) {
      const text = render(mode, oidcValues);
      expect([...deploymentEnv(text).keys()].filter((name) => name.startsWith('FLEETDECK_OIDC'))).toEqual([]);
      expect(text).not.toContain(Buffer.from('kc-client-secret').toString('base64'));
      expect(text).not.toContain('oidc-ca');
    }
  });

  it('keeps proxy settings out of token mode', () => {
    const env = deploymentEnv(render('token'));
    expect([...env.keys()].filter((name) => name.startsWith('FLEETDECK_PROXY'))).toEqual([]);
    expect(env.get('FLEETDECK_SESSION_SECRET')).toContain('"name":"fleetdeck-session"');
    expect(env.get('FLEETDECK_ALLOWED_HOSTS')).toBe('fleetdeck.example.com,fleetdeck.fleetdeck.svc');
  });
});

/** Rules as sorted `verb group/resource[/name]` lines, so two spellings of one right compare equal. */
type Rule = { apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; verbs: string[] };
const ruleLines = (rules: Rule[]) =>
  rules
    .flatMap((rule) =>
      rule.verbs.flatMap((verb) =>
        (rule.apiGroups ?? []).flatMap((group) =>
          (rule.resources ?? []).flatMap((resource) =>
            (rule.resourceNames?.length ? rule.resourceNames : ['']).map(
              (name) => `${verb} ${group}/${resource}${name ? `/${name}` : ''}`,
            ),
          ),
        ),
      ),
    )
    .sort();

/** The rules of the one ClusterRole or Role of a deploy/rbac/ file. */
const rbacFileRules = (file: string) =>
  (
    parseManifests(readFileSync(join(repoRoot(), 'deploy', 'rbac', file), 'utf8')).find((object) =>
      object.kind.endsWith('Role'),
    ) as unknown as { rules: Rule[] }
  ).rules;

/** The rendered role of release `fleetdeck` named `fleetdeck<suffix>`. */
const renderedRole = (text: string, kind: string, suffix: string) =>
  parseManifests(text).find((object) => object.kind === kind && object.metadata.name === `fleetdeck${suffix}`) as
    (ReturnType<typeof parseManifests>[number] & { rules: Rule[] }) | undefined;

describe('RBAC', () => {
  it('grants in token mode exactly the rules of deploy/rbac/: the server role and the sessions role', () => {
    const text = render('token');
    expect(ruleLines(renderedRole(text, 'ClusterRole', '-server')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server.yaml')),
    );
    expect(ruleLines(renderedRole(text, 'Role', '-sessions')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server-sessions.yaml')),
    );
    expect(renderedRole(text, 'ClusterRole', '-impersonate')).toBeUndefined();
    expect(renderedRole(text, 'Role', '-oidc-sessions')).toBeUndefined();
    expect(text).not.toContain('impersonate');
    expect(text).not.toMatch(/resources: \[secrets\]/);
  });

  it('grants in oidc mode the server role, the sessions role and the role on Secrets, no impersonation', () => {
    const text = render('oidc');
    expect(ruleLines(renderedRole(text, 'ClusterRole', '-server')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server.yaml')),
    );
    expect(ruleLines(renderedRole(text, 'Role', '-sessions')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server-sessions.yaml')),
    );
    expect(ruleLines(renderedRole(text, 'Role', '-oidc-sessions')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server-oidc-sessions.yaml')),
    );
    expect(renderedRole(text, 'ClusterRole', '-impersonate')).toBeUndefined();
    expect(text).not.toContain('impersonate');
    // Sign-out revokes through the same shared list as token mode: the chart creates it.
    const lists = parseManifests(text).filter((object) => object.kind === 'ConfigMap');
    expect(lists.map((object) => [object.metadata.name, object.metadata.namespace])).toEqual([
      ['fleetdeck-revoked-sessions', 'fleetdeck'],
    ]);
  });

  it('adds impersonation in proxy mode only, and no sessions role', () => {
    const text = render('proxy');
    expect(ruleLines(renderedRole(text, 'ClusterRole', '-server')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server.yaml')),
    );
    expect(ruleLines(renderedRole(text, 'ClusterRole', '-impersonate')!.rules)).toEqual(
      ruleLines(rbacFileRules('fleetdeck-server-impersonate.yaml')),
    );
    expect(renderedRole(text, 'Role', '-sessions')).toBeUndefined();
  });

  it.each([
    ['token', ['ClusterRole/fleetdeck-server', 'Role/fleetdeck-sessions']],
    ['proxy', ['ClusterRole/fleetdeck-impersonate', 'ClusterRole/fleetdeck-server']],
    ['oidc', ['ClusterRole/fleetdeck-server', 'Role/fleetdeck-oidc-sessions', 'Role/fleetdeck-sessions']],
  ] as const)("binds each role in %s mode to the chart's ServiceAccount and nothing else", (mode, roles) => {
    const objects = parseManifests(render(mode));
    const bindings = objects.filter((object) => object.kind.endsWith('Binding')) as unknown as {
      roleRef: { kind: string; name: string };
      subjects: { kind: string; name: string; namespace: string }[];
    }[];
    expect(bindings.map((binding) => `${binding.roleRef.kind}/${binding.roleRef.name}`).sort()).toEqual(roles);
    for (const binding of bindings)
      expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'fleetdeck', namespace: 'fleetdeck' }]);
  });
});

interface PodSpecShape {
  replicas: number;
  template: {
    spec: {
      securityContext: Record<string, unknown>;
      terminationGracePeriodSeconds: number;
      topologySpreadConstraints: { topologyKey: string; labelSelector: unknown }[];
      volumes: { name: string; emptyDir?: unknown }[];
      containers: {
        command: string[];
        workingDir: string;
        ports: { name: string; containerPort: number }[];
        env: { name: string; value?: string }[];
        securityContext: Record<string, unknown>;
        resources: { requests?: Record<string, string>; limits?: Record<string, string> };
        volumeMounts: { name: string; mountPath: string }[];
        livenessProbe: { httpGet: { path: string; port: string; httpHeaders: { name: string; value: string }[] } };
        readinessProbe: { httpGet: { path: string; port: string; httpHeaders: { name: string; value: string }[] } };
      }[];
    };
  };
}

describe('Deployment', () => {
  let spec: PodSpecShape;
  let pod: PodSpecShape['template']['spec'];
  let container: PodSpecShape['template']['spec']['containers'][number];
  beforeAll(() => {
    const deployment = parseManifests(render('token')).find((object) => object.kind === 'Deployment');
    spec = (deployment as unknown as { spec: PodSpecShape }).spec;
    pod = spec.template.spec;
    container = pod.containers[0]!;
  });

  it('runs two replicas of the standalone server on port 3000', () => {
    expect(spec.replicas).toBe(2);
    expect(container.command).toEqual(['node', 'start-server.mjs']);
    expect(container.workingDir).toBe('/app');
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect(container.env.filter((entry) => ['HOST', 'PORT'].includes(entry.name))).toEqual([
      { name: 'HOST', value: '0.0.0.0' },
      { name: 'PORT', value: '3000' },
    ]);
  });

  it('runs as a fixed non-root user with nothing writable but /tmp', () => {
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.securityContext).toMatchObject({
      runAsNonRoot: true,
      runAsUser: 10001,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
  });

  it('probes liveness and readiness with a Host the server answers to', () => {
    const allowed = container.env.find((entry) => entry.name === 'FLEETDECK_ALLOWED_HOSTS')!.value!.split(',');
    for (const [probe, path] of [
      [container.livenessProbe, '/api/healthz'],
      [container.readinessProbe, '/api/readyz'],
    ] as const) {
      expect(probe.httpGet.path).toBe(path);
      expect(probe.httpGet.port).toBe('http');
      expect(allowed).toContain(probe.httpGet.httpHeaders.find((header) => header.name === 'Host')!.value);
    }
  });

  it('sets resources, a grace period and spread over nodes and zones', () => {
    expect(container.resources.requests).toEqual({ cpu: '100m', memory: '256Mi' });
    expect(container.resources.limits).toEqual({ memory: '1Gi' });
    expect(pod.terminationGracePeriodSeconds).toBe(45);
    expect(pod.topologySpreadConstraints.map((constraint) => constraint.topologyKey)).toEqual([
      'kubernetes.io/hostname',
      'topology.kubernetes.io/zone',
    ]);
    for (const constraint of pod.topologySpreadConstraints)
      expect(constraint.labelSelector).toEqual({
        matchLabels: { 'app.kubernetes.io/name': 'fleetdeck', 'app.kubernetes.io/instance': 'fleetdeck' },
      });
  });
});

describe('the OpenID provider CA in oidc mode', () => {
  type CaPod = {
    volumes: { name: string; configMap?: { name: string; items: { key: string; path: string }[] } }[];
    containers: { volumeMounts: { name: string; mountPath: string; readOnly?: boolean }[] }[];
  };
  const podOf = (text: string) =>
    (
      parseManifests(text).find((object) => object.kind === 'Deployment') as unknown as {
        spec: { template: { spec: CaPod } };
      }
    ).spec.template.spec;

  it('mounts the ConfigMap key read-only and points FLEETDECK_OIDC_CA_FILE at it', () => {
    const text = render('oidc', { 'oidc.caBundle.key': 'bundle.pem' });
    const pod = podOf(text);
    const volume = pod.volumes.find((entry) => entry.configMap)!;
    expect(volume.configMap).toEqual({ name: 'company-ca', items: [{ key: 'bundle.pem', path: 'ca.crt' }] });
    const mount = pod.containers[0]!.volumeMounts.find((entry) => entry.name === volume.name)!;
    expect(mount.readOnly).toBe(true);
    expect(deploymentEnv(text).get('FLEETDECK_OIDC_CA_FILE')).toBe(`${mount.mountPath}/ca.crt`);
  });

  it('trusts only the system CAs when no ConfigMap is named', () => {
    const text = render('oidc', { 'oidc.caBundle.configMapName': '' });
    expect(deploymentEnv(text).has('FLEETDECK_OIDC_CA_FILE')).toBe(false);
    expect(podOf(text).volumes.map((volume) => volume.name)).toEqual(['tmp']);
    expect(podOf(text).containers[0]!.volumeMounts.map((mount) => mount.name)).toEqual(['tmp']);
  });
});

describe('NetworkPolicy', () => {
  type Peer = { ipBlock?: { cidr: string } };
  type EgressRule = { to?: Peer[]; ports?: { port: number }[] };
  const egress = (text: string) =>
    (
      parseManifests(text).find((object) => object.kind === 'NetworkPolicy') as unknown as {
        spec: { egress: EgressRule[] };
      }
    ).spec.egress;
  const toPort443 = (rules: EgressRule[], cidr: string) =>
    rules.some(
      (rule) => rule.to?.some((peer) => peer.ipBlock?.cidr === cidr) && rule.ports?.some((port) => port.port === 443),
    );

  it('lets the pods reach AWS on 443 for CloudWatch, only where the values say and only while it is read', () => {
    expect(toPort443(egress(render('token')), '0.0.0.0/0')).toBe(true);
    const narrowed = egress(render('token', { 'networkPolicy.aws.cidrs': ['10.0.12.0/24'] }));
    expect(toPort443(narrowed, '10.0.12.0/24')).toBe(true);
    expect(toPort443(narrowed, '0.0.0.0/0')).toBe(false);
    const off = egress(render('token', { 'cloudwatch.enabled': false }));
    expect(toPort443(off, '0.0.0.0/0')).toBe(false);
  });

  it('lets the pods reach the identity provider in oidc mode, and renders no policy when turned off', () => {
    expect(toPort443(egress(render('oidc', { 'cloudwatch.enabled': false })), '203.0.113.20/32')).toBe(true);
    const off = parseManifests(
      render('oidc', { 'networkPolicy.enabled': false, 'networkPolicy.identityProvider.cidrs': [] }),
    );
    expect(off.some((object) => object.kind === 'NetworkPolicy')).toBe(false);
    expect(off.some((object) => object.kind === 'Deployment')).toBe(true);
  });
});
