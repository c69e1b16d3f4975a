// Monitoring screens stay open for days: when the cluster or Fleetdeck itself goes away the page says its
// data is stale (within 15 s) and keeps it visible; when they return it recovers on its own (within 30 s),
// equal to a fresh load; after a 401 it stops and asks the user to sign in again, keeping the route.
import { CustomObjectsApi, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import { coordinates, endpointBody } from '../test/support/sagemaker-objects';
import { loadUserKubeConfig } from '../test/support/test-users';
import { ownDashboard } from './support/own-dashboard';
import { signInAs } from './support/sign-in';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dashboard: Awaited<ReturnType<typeof ownDashboard>>;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  dashboard = await ownDashboard();
});
test.afterAll(async () => dashboard?.destroy());

// When Fleetdeck itself was away, the browser's next attempt comes at most this long after the last refused one
// (lib/backoff.ts); opening the stream on a server that just started takes a little more.
const RETRY_CAP_MS = 30_000;
const OPEN_ALLOWANCE_MS = 15_000;

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const status = (endpointStatus: string) => ({
  status: { endpointStatus, ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' } },
});

test('the cluster going away shows the stale banner with the data dimmed, and its return recovers without a reload', async ({
  page,
  context,
}) => {
  const admin = loadUserKubeConfig(dashboard.kubeconfigDir, 'admin').makeApiClient(CustomObjectsApi);
  const where = { ...coordinates('Endpoint', 'team-a'), name: 'steady' };
  await admin.createNamespacedCustomObject({ ...where, body: endpointBody('steady') });
  await admin.patchNamespacedCustomObjectStatus({ ...where, body: status('Creating') }, mergePatch);

  const view = '/endpoints?namespace=team-a';
  await signInAs(page, 'oncall', { baseURL: dashboard.baseURL, next: view });
  const badge = page.getByTestId('live-badge');
  const row = page.getByTestId('endpoint-row').filter({ hasText: 'steady' });
  await expect(badge).toHaveAttribute('data-connection', 'live');
  await expect(row).toContainText('Creating');

  dashboard.stopApiServer();
  const stoppedAt = Date.now();
  await expect(page.getByTestId('stale-banner')).toBeVisible({ timeout: 15_000 });
  expect(Date.now() - stoppedAt).toBeLessThan(15_000);
  await expect(badge).toHaveAttribute('data-connection', 'stale');
  await expect(row).toContainText('Creating');
  await expect(page.locator('[data-stale="true"]')).toContainText('steady');

  dashboard.startApiServer();
  const backAt = Date.now();
  await admin.patchNamespacedCustomObjectStatus({ ...where, body: status('InService') }, mergePatch);
  await expect(row).toContainText('In service', { timeout: 30_000 });
  await expect(page.getByTestId('stale-banner')).toBeHidden({ timeout: 30_000 });
  await expect(badge).toHaveAttribute('data-connection', 'live');
  expect(Date.now() - backAt).toBeLessThan(30_000);
  await expect(page.locator('[data-stale="true"]')).toHaveCount(0);

  // What the recovered page shows equals a fresh load: same rows, no ghosts, no duplicates.
  const fresh = await context.newPage();
  await fresh.goto(`${dashboard.baseURL}${view}`);
  await expect(fresh.getByTestId('endpoint-row').first()).toBeVisible();
  // The rows' CloudWatch columns load after the rows: compare once the fresh page has read them too.
  await expect(fresh.locator('[data-testid^="row-"][data-state="loading"]')).toHaveCount(0);
  // Rows without their clocks: relative times may tick between the two reads.
  const rowsOf = (view: typeof page) =>
    view.getByTestId('endpoint-row').evaluateAll((rows) =>
      rows.map((row) => {
        const copy = row.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('time').forEach((time) => time.remove());
        return copy.textContent;
      }),
    );
  expect(await rowsOf(page)).toEqual(await rowsOf(fresh));
  await fresh.close();
});

test('Fleetdeck itself going away is stale too, and a 401 after its return asks to sign in again on the same route', async ({
  page,
  context,
}) => {
  const view = '/endpoints?namespace=team-a';
  await signInAs(page, 'oncall', { baseURL: dashboard.baseURL, next: view });
  const badge = page.getByTestId('live-badge');
  const row = page.getByTestId('endpoint-row').filter({ hasText: 'steady' });
  await expect(badge).toHaveAttribute('data-connection', 'live');
  await expect(row).toBeVisible();

  await dashboard.stopDashboard();
  const banner = page.getByTestId('stale-banner');
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(row).toBeVisible();
  // The stream waits out its backoff between attempts; the person may cut the wait short.
  await expect(banner.getByRole('button', { name: 'Reconnect now' })).toBeVisible();
  // The fleet's re-read after the return is lost on the way, every retry of it: the rows stay, and the page
  // says the refresh failed rather than trading the list for an error.
  const fleetRead = (url: URL) => url.pathname === '/api/fleet';
  await page.route(fleetRead, (route) => route.abort('connectionrefused'));
  await dashboard.startDashboard();
  // The attempt after the last refused one is at most 30 s away (the backoff's cap); allow for opening it.
  await expect(badge).toHaveAttribute('data-connection', 'live', { timeout: RETRY_CAP_MS + OPEN_ALLOWANCE_MS });
  // Three retries, 1 + 2 + 4 s apart.
  await expect(page.getByTestId('load-error')).toContainText(
    'Could not refresh the fleet; showing what was last read.',
    { timeout: 15_000 },
  );
  await expect(row).toBeVisible();
  await page.unroute(fleetRead);

  // The session ends (cookie gone) while Fleetdeck restarts: the stream's next attempt gets 401.
  await dashboard.stopDashboard();
  await context.clearCookies();
  await dashboard.startDashboard();
  const signedOut = page.getByTestId('signed-out-banner');
  await expect(signedOut).toBeVisible({ timeout: RETRY_CAP_MS + OPEN_ALLOWANCE_MS });
  await expect(badge).toHaveAttribute('data-connection', 'signed-out');
  const link = signedOut.getByRole('link', { name: 'Sign in again' });
  expect(await link.getAttribute('href')).toBe(`/sign-in?next=${encodeURIComponent(view)}`);
  await link.click();
  await page.getByRole('button', { name: 'Sign in as oncall' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === view);
});
