import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { expect, test } from '@playwright/test';
import { coordinates, endpointBody } from '../test/support/sagemaker-objects';
import { createNamespace, customObjectsAs, kubeConfigAs } from './support/cluster';
import { signInAs } from './support/sign-in';

test('an anonymous visitor is sent to the sign-in page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=(%2F|\/)$/);
  await expect(page.getByRole('heading', { name: 'Sign in to Fleetdeck' })).toBeVisible();
});

test('the endpoint list shows the Endpoints the signed-in user may see', async ({ page }) => {
  const namespace = await createNamespace(kubeConfigAs('admin'), 'e2e-home');
  const admin = customObjectsAs('admin');
  const where = { ...coordinates('Endpoint', namespace), name: 'churn-model' };
  await admin.createNamespacedCustomObject({ ...where, body: endpointBody('churn-model', 'churn-model-v1') });

  await signInAs(page, 'admin');
  await page.goto(`/endpoints?namespace=${namespace}`);
  const row = page.getByTestId('endpoint-row').filter({ hasText: namespace });
  await expect(row).toContainText('churn-model');
  await expect(row).toContainText('churn-model-v1');
  await expect(row).toContainText('Pending');

  await admin.patchNamespacedCustomObjectStatus(
    {
      ...where,
      body: {
        status: {
          endpointStatus: 'InService',
          ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
        },
      },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );
  await page.reload();
  await expect(row).toContainText('In service');
});

test('text from a custom resource that holds markup is shown as text, with no CSP violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const namespace = await createNamespace(kubeConfigAs('admin'), 'e2e-markup');
  const admin = customObjectsAs('admin');
  const where = { ...coordinates('Endpoint', namespace), name: 'markup' };
  const markup = '<img src=x onerror="document.title=\'owned\'"><b>bold</b>';
  await admin.createNamespacedCustomObject({ ...where, body: endpointBody('markup') });
  await admin.patchNamespacedCustomObjectStatus(
    {
      ...where,
      body: {
        status: {
          endpointStatus: 'Failed',
          failureReason: markup,
          ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
        },
      },
    },
    setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
  );

  await signInAs(page, 'oncall');
  await page.goto(`/endpoints?namespace=${namespace}`);
  const row = page.getByTestId('endpoint-row').filter({ hasText: namespace });
  await expect(row).toContainText(markup);
  await expect(row.locator('img, b')).toHaveCount(0);
  expect(await page.title()).toBe('Fleetdeck');
  expect(violations).toEqual([]);
});

test('API routes answer 405 with Allow for methods they do not implement', async ({ request }) => {
  const response = await request.fetch('/api/fleet', { method: 'PUT', data: {} });
  expect(response.status()).toBe(405);
  expect(response.headers()['allow']).toContain('GET');
});

test('pages carry the security headers, with a fresh CSP nonce each time', async ({ request }) => {
  const first = await request.get('/sign-in');
  const second = await request.get('/sign-in');
  const headers = first.headers();
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  const csp = headers['content-security-policy']!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  const nonce = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce(csp)).toBeTruthy();
  expect(nonce(second.headers()['content-security-policy']!)).not.toBe(nonce(csp));
});
