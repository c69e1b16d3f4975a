import { expect, type Page } from '@playwright/test';

/** Signs in through the sign-in page as one of the demo users, then lands on the home page. */
export async function signInAs(page: Page, user: 'admin' | 'ml-eng' | 'oncall') {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await page.waitForURL('/');
  await expect(page.getByText(`Signed in as ${user}`)).toBeVisible();
}
