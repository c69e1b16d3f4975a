import { defineConfig } from '@playwright/test';

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
    launchOptions: {
      // Debian's Chromium, as in the end-to-end suite (playwright.config.ts).
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
