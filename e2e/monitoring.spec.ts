// The monitoring pages against the control plane, the simulated controller and a production build.
import { expect, test } from '@playwright/test';
import type { SimWorld } from '../test/support/sim-world';
import { simWorld } from './support/sim';
import { signInAs } from './support/sign-in';

// Deployments run at the simulator's e2e time scale: a minute or two each, more on a busy machine.
test.describe.configure({ timeout: 180_000 });

let world: SimWorld;
test.beforeAll(async () => {
  // A slow instance launch (20 s here) leaves time to see a deployment's first stage in the browser.
  world = await simWorld('e2e-mon', { SIM_INSTANCE_LAUNCH_SECONDS: '1000' });
});
test.afterAll(async () => world?.stop());

test('an endpoint appears and goes Creating -> In service without a reload', async ({ page }) => {
  await signInAs(page, 'oncall', { next: `/endpoints?namespace=${world.namespace}` });
  await world.createModel('appear-model');
  await world.createConfig('appear-v1', [{ name: 'primary', model: 'appear-model', count: 2 }]);
  await world.createEndpoint('appear', 'appear-v1');
  const row = page.getByTestId('endpoint-row').filter({ hasText: 'appear' });
  await expect(row).toContainText('Creating', { timeout: 15_000 });
  await expect(row).toContainText('In service', { timeout: 30_000 });

  await row.getByRole('link', { name: 'appear' }).click();
  await expect(page.getByTestId('endpoint-status')).toContainText('In service');
  await expect(page.getByTestId('variants-table')).toContainText('primary');
});

test('a canary deployment moves its stepper and chart live; the new fleet is shown beside the old', async ({
  page,
}) => {
  await world.inServiceEndpoint('canary', [{ name: 'primary', count: 4 }]);
  await world.createModel('canary-model-v2');
  await world.createConfig('canary-v2', [
    { name: 'primary', model: 'canary-model-v2', count: 4, instanceType: 'ml.g5.xlarge' },
  ]);
  await signInAs(page, 'oncall', { next: `/endpoints/${world.namespace}/canary` });
  await expect(page.getByTestId('endpoint-status')).toContainText('In service');
  // The breadcrumb's namespace opens the list filtered to it.
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs.getByRole('link', { name: world.namespace })).toHaveAttribute(
    'href',
    `/endpoints?namespace=${world.namespace}`,
  );

  await world.patch('Endpoint', 'canary', {
    spec: {
      endpointConfigName: 'canary-v2',
      deploymentConfig: {
        // With an alarm to watch (in OK), SageMaker bakes after each traffic step (docs/ack-behaviour.md §13.4).
        autoRollbackConfiguration: { alarms: [{ alarmName: 'canary-p99' }] },
        blueGreenUpdatePolicy: {
          maximumExecutionTimeoutInSeconds: 3600,
          terminationWaitInSeconds: 0,
          trafficRoutingConfiguration: {
            type_: 'CANARY',
            canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
            waitIntervalInSeconds: 600,
          },
        },
      },
    },
  });
  const stepper = page.getByTestId('deployment-stepper');
  await expect(stepper).toBeVisible({ timeout: 20_000 });
  // A plain patch, not a Fleetdeck rollout: the server names the old fleet's config from what its watch saw.
  const oldFleet = page.getByTestId('old-fleet');
  const newFleet = page.getByTestId('new-fleet');
  await expect(oldFleet.getByTestId('fleet-config')).toHaveText('canary-v1');
  await expect(newFleet.getByTestId('fleet-config')).toHaveText('canary-v2');
  await expect(oldFleet).toContainText('ml.c5.large');
  await expect(newFleet).toContainText('ml.g5.xlarge');
  // The stepper moves on from launching the new fleet to shifting traffic and baking, without a reload.
  const current = stepper.locator('[aria-current="step"]');
  await expect(current).toHaveAttribute('data-step', 'Creating');
  await expect(current).toHaveAttribute('data-step', 'Baking', { timeout: 30_000 });
  // Baking the canary: a quarter of the endpoint's traffic on the new fleet, which SageMaker does not report.
  await expect(newFleet.getByTestId('fleet-traffic')).toHaveText("25% of the endpoint's traffic (derived)");
  await expect(oldFleet.getByTestId('fleet-traffic')).toHaveText("75% of the endpoint's traffic (derived)");
  const chart = page.getByTestId('traffic-chart');
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('traffic-derived')).toHaveText('derived');
  // The chart's data as a table, for anyone who cannot use the drawing: the new fleet's line is a column, and
  // each row of the update says its split is derived.
  await expect(chart.locator('table')).toHaveCount(0);
  await chart.getByText('Show the data as a table').click();
  await expect(chart.getByRole('columnheader', { name: 'primary, new fleet (derived)' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(chart.getByRole('columnheader', { name: 'How it is known' })).toBeVisible();
  await expect(chart.locator('tbody tr', { hasText: '25%' }).first()).toContainText('derived');
  await expect(chart.locator('tbody tr').last()).toContainText('(now)');
  await expect(page.getByTestId('endpoint-status')).toContainText('In service', { timeout: 60_000 });
  await expect(stepper).toBeHidden();
});

test('an update rolled back by an alarm shows its banner and sits in the attention queue', async ({ page }) => {
  await world.inServiceEndpoint('pricing', [{ name: 'primary', count: 2 }]);
  await world.createModel('pricing-model-v2');
  await world.createConfig('pricing-v2', [{ name: 'primary', model: 'pricing-model-v2', count: 2 }]);
  await world.setFaults({ alarms: { 'pricing-p99': 'ALARM' } });
  await world.patch('Endpoint', 'pricing', {
    spec: {
      endpointConfigName: 'pricing-v2',
      deploymentConfig: {
        autoRollbackConfiguration: { alarms: [{ alarmName: 'pricing-p99' }] },
        blueGreenUpdatePolicy: {
          maximumExecutionTimeoutInSeconds: 3600,
          trafficRoutingConfiguration: {
            type_: 'CANARY',
            canarySize: { type_: 'CAPACITY_PERCENT', value: 50 },
            waitIntervalInSeconds: 300,
          },
        },
      },
    },
  });
  await world.waitForEndpoint(
    'pricing',
    (e) => e.status?.endpointStatus === 'InService' && Boolean(e.status.failureReason),
    'rolled back',
    60_000,
  );

  await signInAs(page, 'oncall', { next: `/endpoints/${world.namespace}/pricing` });
  const banner = page.getByTestId('rolled-back-banner');
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('SageMaker rolled this back');
  await expect(banner).toContainText(/roll out a new config to try again/i);

  await page.getByRole('link', { name: 'Overview' }).click();
  const item = page.getByTestId('attention-item').filter({ hasText: `${world.namespace}/pricing` });
  await expect(item).toBeVisible();
  await expect(item).toContainText(/rolled back/i);
});

test('search, filters and sort survive a reload through the URL', async ({ page }) => {
  for (const name of ['search-alpha', 'search-beta']) await world.createEndpoint(name, `${name}-v1`);
  await signInAs(page, 'oncall', { next: `/endpoints?namespace=${world.namespace}` });
  await expect(page.getByTestId('endpoint-row').filter({ hasText: 'search-beta' })).toBeVisible();
  const search = page.getByTestId('endpoint-search');
  await search.fill('alpha');
  await expect(page).toHaveURL(/q=alpha/);
  await page.getByRole('button', { name: /^Last change/ }).click();
  await expect(page).toHaveURL(/sort=lastChange/);
  const sorted = page.locator('th[aria-sort]:not([aria-sort="none"])');
  await expect(sorted).toContainText('Last change');
  const direction = await sorted.getAttribute('aria-sort');
  await page.reload();
  await expect(search).toHaveValue('alpha');
  await expect(page).toHaveURL(new RegExp(`namespace=${world.namespace}`));
  await expect(sorted).toContainText('Last change');
  await expect(sorted).toHaveAttribute('aria-sort', direction!);
  await expect(page.getByTestId('endpoint-row')).toHaveCount(1);
  await expect(page.getByTestId('endpoint-row').first()).toContainText('search-alpha');
});
