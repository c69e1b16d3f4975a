// Two replicas behind a real load balancer (nginx: round robin, no affinity, passive health): a session from
// one is good on the other, a change made through one reaches a stream on the other, a replica that dies
// hands its browsers to the other within the backoff's first delay with nothing lost, and a rolling restart
// is invisible to the person watching.
import { CustomObjectsApi } from '@kubernetes/client-node';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { reconnectBackoff } from '../lib/backoff';
import { coordinates, endpointBody } from '../test/support/sagemaker-objects';
import type { SimWorld } from '../test/support/sim-world';
import { createNamespace, kubeConfigAs } from './support/cluster';
import { connectionLog, liveAgainAt, recordConnection } from './support/connection-log';
import { grantDeployer } from './support/grant';
import { replicaSet, type ReplicaSet } from './support/replica-set';
import { simWorld } from './support/sim';
import { signInAs } from './support/sign-in';

// The name browsers use for the load balancer; only the replicas' FLEETDECK_ALLOWED_HOSTS lets it in.
const HOST = 'fleetdeck.localhost';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

// A stream lost to a dead replica is retried within the backoff's first delay; opening it on the other
// replica (its access reviews for this user, the first events) takes a little more on a busy machine.
const FIRST_RETRY_MS = reconnectBackoff.baseMs;
const OPEN_ALLOWANCE_MS = 3_000;

let world: SimWorld;
let quiet: string;
let set: ReplicaSet;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  world = await simWorld('e2e-replicas');
  await grantDeployer(world.namespace, 'ml-eng');
  // No controller here: nothing but the spec changes these endpoints, so only a re-read can show a change.
  quiet = await createNamespace(kubeConfigAs('admin'), 'e2e-replicas-quiet');
  set = await replicaSet({
    names: ['a', 'b'],
    kubeconfigDir: process.env.FLEETDECK_HARNESS_KUBECONFIGS!,
    host: HOST,
  });
});
test.afterAll(async () => {
  await set?.stop();
  await world?.stop();
});

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(set.base)).map((c) => `${c.name}=${c.value}`).join('; ');
}

// Rows without their clocks: relative times may tick between two reads.
const rowsOf = (page: Page) =>
  page.getByTestId('endpoint-row').evaluateAll((rows) =>
    rows.map((row) => {
      const copy = row.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('time').forEach((time) => time.remove());
      return copy.textContent;
    }),
  );

test('a session from one replica is good on the other: requests alternate, none sticks', async ({ page, context }) => {
  await signInAs(page, 'oncall', { baseURL: set.base, next: '/endpoints' });
  const response = await page.goto(`${set.base}/endpoints?namespace=${world.namespace}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Signed in as oncall')).toBeVisible();
  // The page's own reads (the fleet, its rows' metrics, the stream) take turns in the rotation too, so page loads
  // need not alternate; with the page gone, the session's requests do, round robin.
  await page.goto('about:blank');
  const cookie = await cookieHeader(context);
  const served = new Set<string | undefined>();
  for (let i = 0; i < 6; i++) {
    const me = await set.getThrough('/api/me', cookie);
    expect(me.status).toBe(200);
    served.add(me.replica);
  }
  expect([...served].sort()).toEqual(['a', 'b']);
  // And on each replica directly, past the load balancer: the cookie one sealed, the other opens.
  for (const replica of set.replicas) {
    const me = await fetch(`${replica.url}/api/me`, { headers: { cookie } });
    expect(me.status, replica.name).toBe(200);
    expect(JSON.stringify(await me.json())).toContain('oncall');
  }
});

test('a rollout applied through one replica appears live on a page whose stream is on the other', async ({
  page,
  context,
}) => {
  await world.inServiceEndpoint('pricing', [{ name: 'primary', count: 2 }]);
  await world.createModel('pricing-model-v2');
  await recordConnection(context);
  await signInAs(page, 'ml-eng', {
    baseURL: set.base,
    next: `/endpoints/${world.namespace}/pricing`,
  });
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
  await expect(page.getByTestId('endpoint-status')).toContainText('In service');
  const holder = set.byName(await set.streamHolder());
  const through = set.other(holder);

  // The apply goes to the replica without the stream, directly, with the browser's session.
  const cookie = await cookieHeader(context);
  const me = (await (await fetch(`${through.url}/api/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const endpoint = await world.endpoint('pricing');
  const applied = await fetch(`${through.url}/api/endpoints/${world.namespace}/pricing/rollout`, {
    method: 'POST',
    headers: {
      cookie,
      origin: through.url,
      'x-fleetdeck-csrf': me.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      mode: 'apply',
      baseGeneration: endpoint.metadata.generation,
      baseResourceVersion: endpoint.metadata.resourceVersion,
      requestId: crypto.randomUUID(),
      draft: {
        baseConfigName: 'pricing-v1',
        variants: [
          {
            variantName: 'primary',
            modelName: 'pricing-model-v2',
            instanceType: 'ml.c5.large',
            initialInstanceCount: 2,
            initialVariantWeight: 1,
          },
        ],
        reason: 'applied through the other replica',
      },
    }),
  });
  expect(applied.status, await applied.clone().text()).toBeLessThan(300);
  const newConfig = (await world.endpoint('pricing')).spec.endpointConfigName;
  expect(newConfig).not.toBe('pricing-v1');

  // The page follows the deployment without a reload, on the stream it already had.
  await expect(page.getByTestId('deployment-stepper')).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId('endpoint-status')).toContainText('In service', { timeout: 90_000 });
  await expect(page.getByTestId('config-used').filter({ hasText: newConfig })).toBeVisible();
  const lost = (await connectionLog(page)).filter((change) => ['reconnecting', 'stale'].includes(change.connection));
  expect(lost).toEqual([]);
  expect(await set.streamHolder(holder)).toBe(holder.name);
});

test('killing the replica that holds the stream moves the page to the other within the first retry, nothing lost', async ({
  page,
  context,
}) => {
  const admin = kubeConfigAs('admin').makeApiClient(CustomObjectsApi);
  const at = (name: string) => ({ ...coordinates('Endpoint', quiet), name });
  await admin.createNamespacedCustomObject({
    ...coordinates('Endpoint', quiet),
    body: endpointBody('steady'),
  });
  await recordConnection(context);
  const view = `/endpoints?namespace=${quiet}`;
  await signInAs(page, 'oncall', { baseURL: set.base, next: view });
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
  await expect(page.getByTestId('endpoint-row')).toHaveCount(1);
  const holder = set.byName(await set.streamHolder());

  // A change made while the page has no stream: the browser's next stream waits until it is written, so only
  // the re-read on reconnecting can show it (no later event about it will come).
  let written!: () => void;
  const change = new Promise<void>((resolve) => (written = resolve));
  await page.route(
    (url) => url.pathname === '/api/stream',
    async (route) => {
      await change;
      await route.continue();
    },
  );
  const killedAt = Date.now();
  await holder.kill();
  await admin.createNamespacedCustomObject({
    ...coordinates('Endpoint', quiet),
    body: endpointBody('arrived'),
  });
  await admin.deleteNamespacedCustomObject(at('steady'));
  written();

  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live', {
    timeout: FIRST_RETRY_MS + OPEN_ALLOWANCE_MS,
  });
  const log = await connectionLog(page);
  const liveAt = liveAgainAt(log, killedAt);
  expect(liveAt, JSON.stringify(log)).toBeDefined();
  expect(liveAt! - killedAt).toBeLessThan(FIRST_RETRY_MS + OPEN_ALLOWANCE_MS);
  expect(log.filter((entry) => entry.staleBanner || entry.connection === 'stale')).toEqual([]);
  expect(await set.streamHolder(set.other(holder))).toBe(set.other(holder).name);

  // The page equals a fresh load: the endpoint created while it had no stream is there, the deleted one gone.
  const row = page.getByTestId('endpoint-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('arrived');
  const fresh = await context.newPage();
  await fresh.goto(`${set.base}${view}`);
  await expect(fresh.getByTestId('endpoint-row')).toHaveCount(1);
  // The rows' CloudWatch columns load after the rows: compare once the fresh page has read them too.
  await expect(fresh.locator('[data-testid^="row-"][data-state="loading"]')).toHaveCount(0);
  expect(await rowsOf(page)).toEqual(await rowsOf(fresh));
  await fresh.close();
  await holder.start();
  await set.inRotation(holder);
});

test('a rolling restart of both replicas shows no error and no stale banner', async ({ page, context }) => {
  test.setTimeout(300_000);
  await recordConnection(context);
  const view = `/endpoints?namespace=${world.namespace}`;
  await signInAs(page, 'oncall', { baseURL: set.base, next: view });
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.url()}`);
  });

  // Meanwhile someone keeps reloading the page and its data, through the load balancer.
  const cookie = await cookieHeader(context);
  let restarting = true;
  const reloads: { status: number | string; replica?: string }[] = [];
  const reloader = (async () => {
    while (restarting) {
      for (const path of [view, '/api/fleet?limit=100', '/api/me'])
        reloads.push(await set.getThrough(path, cookie).catch((error: Error) => ({ status: error.message })));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();

  // The replica with the stream first, so both restarts move it.
  const first = set.byName(await set.streamHolder());
  const startedAt = Date.now();
  try {
    for (const replica of [first, set.other(first)]) {
      expect(await set.streamHolder(replica)).toBe(replica.name);
      const stopping = replica.stop();
      // The stream moves on the drain's last event within a second or so, long before the replica stops
      // accepting (FLEETDECK_SHUTDOWN_DELAY_SECONDS, 5 s).
      expect(await set.streamHolder(set.other(replica), 3_000)).toBe(set.other(replica).name);
      await stopping;
      await replica.start();
      await set.inRotation(replica);
    }
  } finally {
    restarting = false;
    await reloader;
  }
  const restartMs = Date.now() - startedAt;

  expect(errors).toEqual([]);
  expect(reloads.filter((reload) => reload.status !== 200)).toEqual([]);
  // Both replicas served the reloads, before and after their restart.
  expect(new Set(reloads.map((reload) => reload.replica)).size).toBe(2);
  const log = await connectionLog(page);
  expect(
    log.filter((entry) => entry.staleBanner || entry.connection === 'stale'),
    `restart took ${restartMs} ms`,
  ).toEqual([]);
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
});
