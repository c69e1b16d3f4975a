import { defineConfig } from '@playwright/test';
import { imageServerCommand, shareWithImageUser } from './test/support/image-like-server';

// Started by scripts/e2e.sh, which brings up the control plane and builds the dashboard first.
const port = Number(process.env.FLEETDECK_E2E_PORT ?? 3100);
const kubeconfigs = process.env.FLEETDECK_HARNESS_KUBECONFIGS;
if (!kubeconfigs) throw new Error('run the end-to-end tests with `npm run e2e`, which starts the control plane');
// The suite drives the server as the production image runs it (test/support/image-like-server.ts).
const server = imageServerCommand(['-H', '127.0.0.1', '-p', String(port)]);
const serverKubeconfigs = shareWithImageUser(kubeconfigs);

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
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot be fetched here.
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
  webServer: {
    command: [server.command, ...server.args].join(' '),
    cwd: server.cwd,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      KUBECONFIG: `${serverKubeconfigs}/fleetdeck-server.kubeconfig`,
      FLEETDECK_DEMO: '1',
      FLEETDECK_DEMO_KUBECONFIGS: serverKubeconfigs,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
