import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

// Started by scripts/e2e.sh, which brings up the control plane and builds the dashboard first.
const port = Number(process.env.FLEETDECK_E2E_PORT ?? 3100);
const kubeconfigs = process.env.FLEETDECK_HARNESS_KUBECONFIGS;
if (!kubeconfigs) throw new Error('run the end-to-end tests with `npm run e2e`, which starts the control plane');

export default defineConfig({
  testDir: 'e2e',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 60_000,
  // The digest comes last: a log read from its end says why a test failed.
  reporter: [['list'], ['./e2e/support/failure-digest-reporter.ts']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  // Fleetdeck installed by its Helm chart and run as the chart's Deployment runs it, with its ServiceAccount:
  // e2e/support/chart-server.ts.
  webServer: {
    command: 'node_modules/.bin/tsx e2e/support/chart-server.ts',
    url: `http://127.0.0.1:${port}/api/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
