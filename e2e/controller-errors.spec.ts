// The three condition cases only a failing AWS call produces (docs/ack-behaviour.md §8.4): CreateEndpoint answering
// a terminal code (C10), UpdateEndpoint answering one (C8), and DescribeEndpoint failing (C11). The simulated
// controller writes them to the real API server from its fault controls; these specs check what a person reads on
// the endpoint's page and in the overview's attention queue, in words, in the right tone, and with the
// controller's message as text (it is SageMaker's, so markup in it must never render).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { toneClasses } from '@/components/ui/tone';
import type { Tone } from '@/lib/format/tone';
import type { SimWorld } from '../test/support/sim-world';
import { simWorld } from './support/sim';
import { signInAs } from './support/sign-in';

test.describe.configure({ timeout: 120_000 });

let world: SimWorld;
test.beforeAll(async () => {
  world = await simWorld('e2e-errors');
});
test.afterAll(async () => world?.stop());

// One ConfigMap holds every endpoint's faults in the namespace, so each test adds to what the others set.
const endpointFaults: Record<string, object> = {};
const setEndpointFaults = (name: string, faults: object) =>
  world.setFaults({ endpoints: Object.assign(endpointFaults, { [name]: faults }) });
const hasTrueCondition = (type: string) => (e: { status?: { conditions?: { type: string; status: string }[] } }) =>
  e.status?.conditions?.some((c) => c.type === type && c.status === 'True') === true;

/** A badge carries its tone as colour classes; the label beside it is checked separately. */
const expectTone = (badge: Locator, tone: Tone) =>
  expect(badge).toHaveClass(new RegExp(`(^|\\s)${toneClasses[tone].split(' ')[0]}(\\s|$)`));

/** The health section of the detail page: its level, its badge and each reason as a list item. */
async function expectHealth(page: Page, level: 'critical' | 'warning', reasons: string[]) {
  const health = page.getByTestId('endpoint-health');
  await expect(health).toHaveAttribute('data-level', level, { timeout: 20_000 });
  const badge = page.getByTestId('endpoint-health-badge').locator('span[title]');
  await expect(badge).toHaveText(level === 'critical' ? 'Critical' : 'Warning');
  await expectTone(badge, level === 'critical' ? 'error' : 'warning');
  await expect(health.getByRole('list', { name: 'Why' }).getByRole('listitem')).toHaveText(reasons);
}

/** The endpoint's one item in the overview's attention queue. */
async function attentionItem(page: Page, name: string) {
  await page.getByRole('link', { name: 'Overview' }).click();
  const item = page.getByTestId('attention-item').filter({ hasText: `${world.namespace}/${name}` });
  await expect(item).toHaveCount(1, { timeout: 20_000 });
  return item;
}

test('CreateEndpoint refused with a terminal code (C10): critical, "SageMaker refused to create", message as text', async ({
  page,
}) => {
  // Markup in SageMaker's message must reach the page as characters, never as elements.
  const message = "Invalid value 'ml.<b>bogus</b>.large' for InstanceType.";
  const text = `api error InvalidParameterValue: ${message}`;
  await setEndpointFaults('refused-create', { createError: { code: 'InvalidParameterValue', message } });
  await world.createModel('refused-create-model');
  await world.createConfig('refused-create-v1', [{ name: 'primary', model: 'refused-create-model' }]);
  await world.configReady('refused-create-v1');
  await world.createEndpoint('refused-create', 'refused-create-v1');
  await world.waitForEndpoint('refused-create', hasTrueCondition('ACK.Terminal'), 'C10');

  await signInAs(page, 'oncall', { next: `/endpoints/${world.namespace}/refused-create` });
  // No status yet: SageMaker never created it.
  await expect(page.getByTestId('endpoint-status')).toContainText('Pending');
  await expectHealth(page, 'critical', [
    `SageMaker refused to create the endpoint, and the controller will not try again until the spec changes: ${text}`,
  ]);
  await expect(page.getByTestId('endpoint-health').locator('b')).toHaveCount(0);
  const terminal = page.locator('[data-testid="condition-row"][data-type="ACK.Terminal"]');
  await expect(terminal).toHaveAttribute('data-status', 'True');
  await expect(terminal).toContainText(`Message: ${text}`);
  await expect(terminal.locator('b')).toHaveCount(0);
  await expect(page.locator('[data-testid="condition-row"][data-type="ACK.ResourceSynced"]')).toHaveAttribute(
    'data-status',
    'False',
  );
  await expect(page.getByTestId('controller-waiting')).toContainText(
    `The controller stopped on an error and will not try again until the spec changes: ${text}`,
  );

  const item = await attentionItem(page, 'refused-create');
  await expect(item).toHaveAttribute('data-kind', 'ACK.Terminal');
  await expect(item).toHaveAttribute('data-severity', 'critical');
  await expect(item).toContainText('Controller stopped');
  const severity = item.getByText('Critical', { exact: true });
  await expectTone(severity, 'error');
  await expect(item.getByTestId('attention-reason')).toHaveText(
    `SageMaker refused to create the endpoint, and the controller will not try again until the spec changes: ${text}`,
  );
  await expect(item.locator('b')).toHaveCount(0);
});

test('UpdateEndpoint refused with a terminal code (C8): critical, still In service, the config it will not apply', async ({
  page,
}) => {
  await world.inServiceEndpoint('refused-update', [{ name: 'primary', count: 2 }]);
  await world.createModel('refused-update-model-v2');
  await world.createConfig('refused-update-v2', [{ name: 'primary', model: 'refused-update-model-v2', count: 2 }]);
  await world.configReady('refused-update-v2');
  const message = 'The ProductionVariant primary cannot use both ServerlessConfig and InstanceType.';
  const text = `api error InvalidParameterCombination: ${message}`;
  await setEndpointFaults('refused-update', { updateError: { code: 'InvalidParameterCombination', message } });
  await world.patch('Endpoint', 'refused-update', { spec: { endpointConfigName: 'refused-update-v2' } });
  await world.waitForEndpoint('refused-update', hasTrueCondition('ACK.Terminal'), 'C8');

  await signInAs(page, 'oncall', { next: `/endpoints/${world.namespace}/refused-update` });
  // SageMaker still serves the old fleet.
  await expect(page.getByTestId('endpoint-status')).toContainText('In service');
  await expectHealth(page, 'critical', [
    `SageMaker refused the update to refused-update-v2, and the controller will not try again until the spec changes: ${text}`,
  ]);
  const terminal = page.locator('[data-testid="condition-row"][data-type="ACK.Terminal"]');
  await expect(terminal).toContainText(`Message: ${text}`);
  // Synced stays True beside the refusal, and the page says that does not mean the spec runs.
  const synced = page.locator('[data-testid="condition-row"][data-type="ACK.ResourceSynced"]');
  await expect(synced).toHaveAttribute('data-status', 'True');
  await expect(synced).toContainText('it does not run what the spec asks for');

  const item = await attentionItem(page, 'refused-update');
  await expect(item).toHaveAttribute('data-kind', 'ACK.Terminal');
  await expect(item).toHaveAttribute('data-severity', 'critical');
  await expect(item).toContainText('Controller stopped');
  await expectTone(item.getByText('Critical', { exact: true }), 'error');
  await expect(item.getByTestId('attention-reason')).toHaveText(
    `The controller stopped on an error and will not apply refused-update-v2 until the spec changes again: ${text}`,
  );
});

test('DescribeEndpoint failing (C11): a warning that the controller retries and the status shown is stale', async ({
  page,
}) => {
  await world.inServiceEndpoint('unread', [{ name: 'primary', count: 2 }]);
  const text = 'api error ThrottlingException: Rate exceeded';
  await setEndpointFaults('unread', { describeError: { code: 'ThrottlingException', message: 'Rate exceeded' } });
  await world.waitForEndpoint('unread', hasTrueCondition('ACK.Recoverable'), 'C11');

  await signInAs(page, 'oncall', { next: `/endpoints/${world.namespace}/unread` });
  await expect(page.getByTestId('endpoint-status')).toContainText('In service');
  await expectHealth(page, 'warning', [
    `The controller is retrying: ${text}`,
    'The controller could not read the endpoint from SageMaker; the status shown is from its last successful read.',
  ]);
  const retrying = page.locator('[data-testid="condition-row"][data-type="ACK.Recoverable"]');
  await expect(retrying).toContainText(`Message: ${text}`);
  const synced = page.locator('[data-testid="condition-row"][data-type="ACK.ResourceSynced"]');
  await expect(synced).toHaveAttribute('data-status', 'Unknown');
  await expect(synced).toContainText('could not read the endpoint from SageMaker');
  // The SDK's error chain stays readable as the reason, request ID and all.
  await expect(synced).toContainText(/Reason: operation error SageMaker: DescribeEndpoint, .*RequestID: [0-9a-f-]{36}/);

  const item = await attentionItem(page, 'unread');
  await expect(item).toHaveAttribute('data-kind', 'ACK.Recoverable');
  await expect(item).toHaveAttribute('data-severity', 'warning');
  await expect(item).toContainText('Controller retrying');
  await expectTone(item.getByText('Warning', { exact: true }), 'warning');
  await expect(item.getByTestId('attention-reason')).toHaveText(`The controller is retrying: ${text}`);
});
