// Rollouts through the form, against the control plane, the simulated controller and a production build.
import { expect, test, type Page } from '@playwright/test';
import type { SimWorld } from '../test/support/sim-world';
import { coordinates } from '../test/support/sagemaker-objects';
import { customObjectsAs } from './support/cluster';
import { grantDeployer } from './support/grant';
import { simWorld } from './support/sim';
import { signInAs } from './support/sign-in';

// Deployments run at the simulator's e2e time scale: a minute or two each, more on a busy machine.
test.describe.configure({ timeout: 180_000 });

let world: SimWorld;
test.beforeAll(async () => {
  world = await simWorld('e2e-rollout');
  await grantDeployer(world.namespace, 'ml-eng');
});
test.afterAll(async () => world?.stop());

const rolloutPath = (name: string) => `/endpoints/${world.namespace}/${name}/rollout`;

async function configNames(): Promise<string[]> {
  const list = (await customObjectsAs('admin').listNamespacedCustomObject(
    coordinates('EndpointConfig', world.namespace),
  )) as { items: { metadata: { name: string } }[] };
  return list.items.map((item) => item.metadata.name).sort();
}

async function openForm(page: Page, name: string) {
  await page.goto(rolloutPath(name));
  await expect(page.getByTestId('rollout-form')).toBeVisible();
  await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
}

test('a canary rollout through the form: preset, edit, plan, diff, dry run, apply, followed live to In service', async ({
  page,
}) => {
  await world.inServiceEndpoint('fraud', [{ name: 'primary', count: 4 }]);
  await world.createModel('fraud-model-v2');
  await world.configReady('fraud-v1');
  await signInAs(page, 'ml-eng');
  await openForm(page, 'fraud');

  await page.getByLabel('Start from').selectOption({ label: 'Preset: Blue/green canary' });
  await page.getByLabel('Model for primary').selectOption('fraud-model-v2');
  await page.getByLabel('Wait interval (seconds)').fill('300');
  await page.getByLabel('Reason').fill('TICKET-42 new fraud model');

  const plan = page.getByTestId('rollout-plan');
  await expect(plan).toContainText(/canary/i);
  await expect(page.getByTestId('plan-step').first()).toBeVisible();
  const diff = page.getByTestId('rollout-diff');
  await expect(diff).toContainText('fraud-model-v2');
  await expect(diff).toContainText('CANARY');

  const configsBefore = await configNames();
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByTestId('dry-run-result')).toBeVisible({ timeout: 20_000 });
  // The API server dry-ran both writes: nothing was created and the endpoint is as it was.
  expect(await configNames()).toEqual(configsBefore);
  expect((await world.endpoint('fraud')).spec.endpointConfigName).toBe('fraud-v1');

  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(new RegExp(`/endpoints/${world.namespace}/fraud$`), { timeout: 20_000 });
  const endpoint = await world.endpoint('fraud');
  expect(endpoint.spec.endpointConfigName).not.toBe('fraud-v1');
  expect(endpoint.spec.deploymentConfig?.blueGreenUpdatePolicy?.trafficRoutingConfiguration?.type_).toBe('CANARY');
  await expect(page.getByTestId('deployment-stepper')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('endpoint-status')).toContainText('In service', { timeout: 90_000 });
  await expect(page.getByTestId('deployment-stepper')).toBeHidden();

  await openForm(page, 'fraud');
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toContainText(endpoint.spec.endpointConfigName);
  await expect(entry).toContainText('ml-eng');
  await expect(entry).toContainText(/completed/i);
});

test('an alarm-triggered rollback ends in the banner and a rolled-back history entry', async ({ page }) => {
  await world.inServiceEndpoint('pricing-ui', [{ name: 'primary', count: 2 }]);
  await world.createModel('pricing-ui-model-v2');
  await world.setFaults({ alarms: { 'pricing-ui-p99': 'ALARM' } });
  await signInAs(page, 'ml-eng');
  await openForm(page, 'pricing-ui');

  await page.getByLabel('Start from').selectOption({ label: 'Preset: Blue/green canary' });
  await page.getByLabel('Model for primary').selectOption('pricing-ui-model-v2');
  await page.getByRole('button', { name: 'Add alarm' }).click();
  await page.getByLabel('Alarm name').fill('pricing-ui-p99');
  await page.getByLabel('Reason').fill('try the new pricing model');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(new RegExp(`/endpoints/${world.namespace}/pricing-ui$`), { timeout: 20_000 });

  const banner = page.getByTestId('rolled-back-banner');
  await expect(banner).toBeVisible({ timeout: 90_000 });
  await expect(banner).toContainText('SageMaker rolled this back');
  await expect(banner).toContainText('pricing-ui-p99');

  await openForm(page, 'pricing-ui');
  const entry = page.getByTestId('history-entry').first();
  await expect(entry).toContainText(/rolled back/i);
  await expect(entry).toContainText('pricing-ui-p99');
  // Trying the same model again is allowed, with a warning that it will likely fail the same way.
  await page.getByLabel('Model for primary').selectOption('pricing-ui-model-v2');
  await expect(page.locator('[data-code="same-as-failed"]')).toContainText('which SageMaker just rolled back');
});

test('a conflicting edit from a second session is kept, shown against the new version, and re-based in one step', async ({
  page,
  browser,
}) => {
  await world.inServiceEndpoint('ranker', [{ name: 'primary', count: 2 }]);
  await world.createModel('ranker-model-v2');
  await world.createModel('ranker-model-v3');
  await signInAs(page, 'ml-eng');
  await openForm(page, 'ranker');
  await page.getByLabel('Model for primary').selectOption('ranker-model-v2');
  await page.getByLabel('Reason').fill('my draft');

  // Someone else rolls out first, from their own session.
  const other = await browser.newPage();
  await signInAs(other, 'ml-eng');
  await openForm(other, 'ranker');
  await other.getByLabel('Model for primary').selectOption('ranker-model-v3');
  await other.getByLabel('Reason').fill('the other session');
  await other.getByRole('button', { name: 'Apply' }).click();
  await other.waitForURL(new RegExp(`/endpoints/${world.namespace}/ranker$`), { timeout: 20_000 });
  await other.close();
  await world.waitForEndpoint(
    'ranker',
    (e) => e.status?.endpointStatus === 'InService' && !e.status.pendingDeploymentSummary,
    'the other rollout done',
    90_000,
  );

  await page.getByRole('button', { name: 'Apply' }).click();
  const conflict = page.getByTestId('conflict-panel');
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel('Model for primary')).toHaveValue('ranker-model-v2');
  await expect(page.getByLabel('Reason')).toHaveValue('my draft');
  await conflict.getByRole('button', { name: 'Re-base my draft on the new version' }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByLabel('Model for primary')).toHaveValue('ranker-model-v2');
  await page.getByRole('button', { name: 'Apply' }).click();
  await page.waitForURL(new RegExp(`/endpoints/${world.namespace}/ranker$`), { timeout: 20_000 });
  const endpoint = await world.endpoint('ranker');
  const config = await world.get('EndpointConfig', endpoint.spec.endpointConfigName);
  expect(config?.spec.productionVariants[0].modelName).toBe('ranker-model-v2');
});

test('the read-only user finds the form disabled with the reason, and a direct call gets 403', async ({ page }) => {
  await world.inServiceEndpoint('readonly', [{ name: 'primary', count: 1 }]);
  await signInAs(page, 'oncall');
  await openForm(page, 'readonly');
  const reason = page.getByTestId('gate-reason');
  await expect(reason).toContainText(/read-only/i);
  for (const name of ['Dry run', 'Apply']) {
    const button = page.getByRole('button', { name });
    await expect(button).toBeDisabled();
    const describedBy = await button.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
  }

  const endpoint = await world.endpoint('readonly');
  const me = await (await page.request.get('/api/me')).json();
  const response = await page.request.post(`/api${rolloutPath('readonly')}`, {
    headers: {
      'x-fleetdeck-csrf': me.csrfToken,
      origin: new URL(page.url()).origin,
      'content-type': 'application/json',
    },
    data: {
      mode: 'apply',
      baseGeneration: endpoint.metadata.generation,
      baseResourceVersion: endpoint.metadata.resourceVersion,
      requestId: crypto.randomUUID(),
      draft: {
        baseConfigName: 'readonly-v1',
        variants: [
          {
            variantName: 'primary',
            modelName: 'readonly-model-v1',
            instanceType: 'ml.c5.large',
            initialInstanceCount: 1,
            initialVariantWeight: 1,
          },
        ],
        reason: 'should be refused',
      },
    },
  });
  expect(response.status()).toBe(403);
  expect((await world.endpoint('readonly')).metadata.generation).toBe(endpoint.metadata.generation);
});
