// Every page passes an axe scan (no serious or critical violation) in light and dark; the read-only user
// finds no enabled control that would change anything; screenshots of each page are kept as artifacts.
import { expect, test } from '@playwright/test';
import type { SimWorld } from '../test/support/sim-world';
import { seriousViolations } from './support/axe';
import { grantDeployer } from './support/grant';
import { simWorld } from './support/sim';
import { signInAs } from './support/sign-in';

// Deployments run at the simulator's e2e time scale: a minute or two each, more on a busy machine.
test.describe.configure({ timeout: 180_000 });

let world: SimWorld;
test.beforeAll(async () => {
  world = await simWorld('e2e-a11y');
  // ml-eng deploys here, so every page shows its real content (and the rollout form its enabled controls).
  await grantDeployer(world.namespace, 'ml-eng');
  await world.inServiceEndpoint('recommender', [{ name: 'primary', count: 2 }]);
});
test.afterAll(async () => world?.stop());

const pages = () => [
  { name: 'overview', path: '/' },
  { name: 'endpoints', path: `/endpoints?namespace=${world.namespace}` },
  { name: 'models', path: '/models' },
  { name: 'detail', path: `/endpoints/${world.namespace}/recommender` },
  { name: 'rollout', path: `/endpoints/${world.namespace}/recommender/rollout` },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page passes axe in the ${colorScheme} theme; screenshots kept`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    await signInAs(page, 'ml-eng');
    for (const each of pages()) {
      await page.goto(each.path);
      await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
      await expect(page.locator('main h1').first()).toBeVisible();
      expect(await seriousViolations(page), `${each.name} (${colorScheme})`).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`${each.name}-${colorScheme}.png`), fullPage: true });
    }
    await page.goto('/sign-in');
    expect(await seriousViolations(page), `sign-in (${colorScheme})`).toEqual([]);
  });
}

const MUTATING = /roll ?out|apply|dry run|revert|roll back|rebase|delete|create|save/i;

test('the read-only user finds no enabled control that would change anything, and each disabled one says why', async ({
  page,
}) => {
  await signInAs(page, 'oncall');
  for (const each of pages()) {
    await page.goto(each.path);
    await expect(page.getByTestId('live-badge')).toHaveAttribute('data-connection', 'live');
    await expect(page.locator('main h1').first()).toBeVisible();
    const controls = page.locator('main').locator('button, a[role="button"], input[type="submit"]');
    for (const control of await controls.all()) {
      const name = (await control.getAttribute('aria-label')) ?? (await control.innerText());
      if (!MUTATING.test(name)) continue;
      expect(await control.isEnabled(), `${each.name}: "${name}" is enabled for a read-only user`).toBe(false);
      const describedBy = await control.getAttribute('aria-describedby');
      expect(describedBy, `${each.name}: "${name}" does not say why it is disabled`).toBeTruthy();
      await expect(page.locator(`[id="${describedBy}"]`)).not.toBeEmpty();
    }
  }
  await page.goto(`/endpoints/${world.namespace}/recommender`);
  await expect(page.getByTestId('rollout-action')).toBeVisible();
});
