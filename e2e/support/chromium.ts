// How every browser Fleetdeck's tests and benchmarks drive is launched: Debian's Chromium, since Playwright's own
// browser download cannot be fetched here. The end-to-end suite (playwright.config.ts), the browser benchmarks
// (bench/playwright.config.ts) and bench/browser-heap.ts share it, so that all of them drive the same browser.
import type { LaunchOptions } from '@playwright/test';

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
