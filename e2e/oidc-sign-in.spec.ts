// Signing in with the company's identity provider (the harness's real OpenID provider, over TLS) in Chromium:
// the provider's own login page, back on the page first asked for, only what the groups allow; a wallboard
// that stays live across several ID-token refreshes; "sign in again" when the provider revokes the grant; and
// a sign-out that ends both sessions.
import type { ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { expect, test, type Page } from '@playwright/test';
import { kubernetesOidcPrefix } from '../harness/oidc-provider/users';
import { oidcHarnessFromExports } from '../test/support/oidc-harness';
import { revokeGrantsAtProvider } from '../test/support/oidc-provider';
import { shareFileWithImageUser } from '../test/support/image-like-server';
import { coordinates, endpointBody } from '../test/support/sagemaker-objects';
import { seriousViolations } from './support/axe';
import { chromiumLaunchOptions } from './support/chromium';
import { kubeConfigAs, uniqueName } from './support/cluster';
import { freePort, spawnImageServer, waitUntilServing } from './support/serving';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

// `npm run e2e` exports the running harness's provider (scripts/e2e.sh).
const harness = oidcHarnessFromExports(process.env)!;
const PROVIDER = 'the harness provider';
// Fleetdeck's namespace for its own objects (the harness makes it, with the revoked-sessions list).
const OWN_NAMESPACE = 'fleetdeck';

// Chromium trusts the provider's certificate (signed by the harness CA) by its public key, and nothing else.
test.use({
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [...(chromiumLaunchOptions.args ?? []), `--ignore-certificate-errors-spki-list=${harness.spki}`],
  },
});

let server: ChildProcess | undefined;
let base: string;
const names = { mine: uniqueName('oidc-a'), theirs: uniqueName('oidc-b') };

/** Binds the oidc sessions Role to Fleetdeck's identity, as an oidc-mode install does (deploy/rbac/oidc-mode/). */
async function bindOidcSessionsRole() {
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace: OWN_NAMESPACE,
      body: {
        metadata: { name: 'fleetdeck-server-oidc-sessions' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'fleetdeck-server-oidc-sessions' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'fleetdeck-server' }],
      },
    })
    .catch((error: { code?: number }) => {
      if (error.code !== 409) throw error;
    });
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await bindOidcSessionsRole();
  const admin = kubeConfigAs('admin').makeApiClient(CustomObjectsApi);
  await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', 'team-a'), body: endpointBody(names.mine) });
  await admin.createNamespacedCustomObject({ ...coordinates('Endpoint', 'team-b'), body: endpointBody(names.theirs) });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const logFile = join(mkdtempSync(join(tmpdir(), 'fleetdeck-oidc-')), 'server.log');
  const log = openSync(logFile, 'a');
  server = spawnImageServer(
    port,
    process.env.FLEETDECK_HARNESS_KUBECONFIGS!,
    {
      FLEETDECK_AUTH_MODE: 'oidc',
      FLEETDECK_OIDC_ISSUER: harness.issuer,
      // ID tokens of 15 s: a minute sees several refreshes.
      FLEETDECK_OIDC_CLIENT_ID: 'fleetdeck-short',
      FLEETDECK_OIDC_CLIENT_SECRET: harness.clientSecret,
      // The harness's files are out of the image user's reach (under root's home in CI): a readable copy.
      FLEETDECK_OIDC_CA_FILE: shareFileWithImageUser(harness.caFile),
      FLEETDECK_OIDC_USERNAME_CLAIM: 'email',
      FLEETDECK_OIDC_USERNAME_PREFIX: kubernetesOidcPrefix,
      FLEETDECK_OIDC_GROUPS_PREFIX: kubernetesOidcPrefix,
      FLEETDECK_OIDC_PROVIDER_NAME: PROVIDER,
      FLEETDECK_ORIGIN: base,
      FLEETDECK_SESSION_SECRET: 'e2e-oidc-session-secret-0123456789abcdef',
      FLEETDECK_NAMESPACE: OWN_NAMESPACE,
      FLEETDECK_STREAM_RENEW_SECONDS: '5',
    },
    ['ignore', log, log],
  );
  closeSync(log);
  await waitUntilServing(`${base}/api/readyz`, server, 120_000).catch((error: Error) => {
    throw new Error(`${error.message}; the server said:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
  });
});
test.afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
});

/** From a page of Fleetdeck to the provider's login form and back, as a person does it. */
async function signInAtProviderPage(page: Page, user: 'alice' | 'bob' | 'carol', password: string) {
  await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
  await expect(page).toHaveURL((url) => url.origin === harness.issuer);
  await page.getByLabel('Username').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The oidc sessions' Secrets in Fleetdeck's namespace. */
const sessionSecrets = async () =>
  (
    await kubeConfigAs('admin')
      .makeApiClient(CoreV1Api)
      .listNamespacedSecret({ namespace: OWN_NAMESPACE, labelSelector: 'fleetdeck.io/oidc-session' })
  ).items;

test('a person signs in on the provider page, lands where they started, and sees what their groups allow', async ({
  page,
}) => {
  const start = `/endpoints?q=${names.mine.slice(0, 8)}`;
  await page.goto(`${base}${start}`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signInAtProviderPage(page, 'alice', 'alice-password');
  await page.waitForURL((url) => url.origin === base && `${url.pathname}${url.search}` === start);
  await expect(page.getByText('Signed in as oidc:alice@example.com')).toBeVisible();
  // alice's group may work in team-a only.
  await page.goto(`${base}/endpoints`);
  await expect(page.getByTestId('endpoint-row').filter({ hasText: names.mine })).toBeVisible();
  await expect(page.getByTestId('endpoint-row').filter({ hasText: names.theirs })).toHaveCount(0);
});

test('a wallboard stays live across three token refreshes, with no reload and no 401', async ({ page }) => {
  const refused: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 401) refused.push(response.url());
  });
  let loads = 0;
  page.on('load', () => loads++);
  // Only this session's Secret, so its refreshes can be counted.
  await kubeConfigAs('admin')
    .makeApiClient(CoreV1Api)
    .deleteCollectionNamespacedSecret({ namespace: OWN_NAMESPACE, labelSelector: 'fleetdeck.io/oidc-session' });
  await page.goto(`${base}/sign-in?next=${encodeURIComponent('/endpoints?namespace=team-b')}`);
  await signInAtProviderPage(page, 'bob', 'bob-password');
  await page.waitForURL((url) => url.pathname === '/endpoints');
  await page.getByLabel('Wallboard').check();
  const badge = page.getByTestId('live-badge');
  await expect(badge).toHaveAttribute('data-connection', 'live');
  const loadsBefore = loads;

  const issued = new Set<string>();
  const issuedAt = async () => {
    for (const secret of await sessionSecrets())
      issued.add(secret.metadata!.annotations!['fleetdeck.io/token-issued-at']!);
  };
  const admin = kubeConfigAs('admin').makeApiClient(CustomObjectsApi);
  const where = { ...coordinates('Endpoint', 'team-b'), name: names.theirs };
  const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
  // Each refresh stores a new ID token in the session's Secret: the first and three more.
  for (let change = 1; issued.size < 4; change++) {
    await issuedAt();
    // Something changes on the cluster; the page shows it without a reload.
    const status = change % 2 ? 'Updating' : 'InService';
    await admin.patchNamespacedCustomObjectStatus(
      { ...where, body: { status: { endpointStatus: status } } },
      mergePatch,
    );
    await expect(page.getByTestId('endpoint-row').filter({ hasText: names.theirs })).toContainText(
      status === 'Updating' ? 'Updating' : 'In service',
      { timeout: 10_000 },
    );
    await page.waitForTimeout(4_000);
    expect(change).toBeLessThan(30);
  }
  await expect(badge).toHaveAttribute('data-connection', 'live');
  await expect(page.getByTestId('signed-out-banner')).toHaveCount(0);
  expect(refused).toEqual([]);
  expect(loads).toBe(loadsBefore);
});

test('the provider revoking the grant leads to "sign in again", back to the same view', async ({ page }) => {
  const view = '/endpoints?namespace=team-a';
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(view)}`);
  await signInAtProviderPage(page, 'alice', 'alice-password');
  await page.waitForURL((url) => `${url.pathname}${url.search}` === view);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');

  await revokeGrantsAtProvider('alice');
  // The next refresh (within 15 s) is refused: the session ends and the page says so, keeping the route.
  const banner = page.getByTestId('signed-out-banner');
  await expect(banner).toBeVisible({ timeout: 30_000 });
  const again = banner.getByRole('link', { name: 'Sign in again' });
  await expect(again).toHaveAttribute('href', `/sign-in?next=${encodeURIComponent(view)}`);
});

test('signing out ends the Fleetdeck session and the provider session', async ({ page }) => {
  await page.goto(`${base}/sign-in?next=%2Fendpoints`);
  await signInAtProviderPage(page, 'bob', 'bob-password');
  await page.waitForURL((url) => url.pathname === '/endpoints');
  const cookies = await page.context().cookies(base);

  await page.getByRole('button', { name: 'Sign out' }).click();
  // The provider's own sign-out page may ask to confirm.
  await page.waitForURL((url) => url.origin === harness.issuer || url.pathname === '/sign-in');
  if (new URL(page.url()).origin === harness.issuer) await page.getByRole('button', { name: /sign me out/i }).click();
  await page.waitForURL((url) => url.origin === base && url.pathname === '/sign-in');

  // The old cookie no longer opens anything here…
  const replay = await fetch(`${base}/api/me`, {
    headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
  });
  expect(replay.status).toBe(401);
  // …and signing in again asks for the password: the provider's session ended too.
  await page.getByRole('link', { name: `Sign in with ${PROVIDER}` }).click();
  await expect(page.getByLabel('Password')).toBeVisible();
});

test('carol, whose ID token carries no groups, is signed in and told so; a refused sign-in says why', async ({
  page,
}) => {
  await page.goto(`${base}/sign-in?next=${encodeURIComponent('/endpoints')}`);
  await signInAtProviderPage(page, 'carol', 'carol-password');
  await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('notice') === 'no-groups');
  const note = page.getByTestId('no-groups');
  await expect(note).toContainText(
    'Signed in as oidc:carol@example.com, but no groups were received: check the groups scope and claim.',
  );
  expect(await seriousViolations(page)).toEqual([]);
  await note.getByRole('link', { name: 'Continue to Fleetdeck' }).click();
  await page.waitForURL((url) => url.pathname === '/endpoints');
  await expect(page.getByText('Signed in as oidc:carol@example.com')).toBeVisible();

  // An answer this browser did not ask for (a forged or stale callback) lands on the sign-in page, saying so.
  await page.goto(`${base}/api/auth/oidc/callback?code=forged&state=not-started-here`);
  await expect(page.getByTestId('sign-in-problem')).toContainText('state mismatch');
  expect(await seriousViolations(page)).toEqual([]);
});
