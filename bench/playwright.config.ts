import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

// Browser benchmarks (bench/*.spec.ts), run by their scripts in bench/, never by `npm test`: each starts what
// it measures itself, so there is no common web server.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  retries: 0,
  workers: 1,
  timeout: 1_800_000,
  reporter: 'list',
  outputDir: '../test-results/bench',
  use: {
    launchOptions: chromiumLaunchOptions,
  },
});
