import { expect, type Page } from '@playwright/test';

/**
 * Signs in through the sign-in page as one of the demo users, then lands on `next` (the home page by
 * default). `baseURL` is for specs that run a dashboard of their own.
 */
export async function signInAs(
  page: Page,
  user: 'admin' | 'ml-eng' | 'oncall',
  options: { baseURL?: string; next?: string } = {},
) {
  const base = options.baseURL ?? '';
  const next = options.next ?? '/';
  await page.goto(`${base}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === next);
  await expect(page.getByText(`Signed in as ${user}`)).toBeVisible();
}
