// The server the end-to-end suite drives (Playwright's webServer): Fleetdeck installed by its Helm chart in
// token mode as release `fleetdeck-e2e`, run as the chart's Deployment would run it
// (test/support/pod-like-server.ts). So the suite passing proves the chart's RBAC and settings are enough.
// Demo users, on: the specs sign in with one click. Stays in the foreground until stopped.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadUserKubeConfig } from '../../test/support/test-users';
import { preparePodLikeServer } from '../../test/support/pod-like-server';

const kubeconfigs = process.env.FLEETDECK_HARNESS_KUBECONFIGS ?? '';
const port = Number(process.env.FLEETDECK_E2E_PORT);
if (!kubeconfigs || !port) throw new Error('run the end-to-end tests with `npm run e2e`');

// The demo users the sign-in page offers: the harness's test users' kubeconfigs, as a Secret the chart mounts.
const demoUsers = Object.fromEntries(
  ['admin', 'ml-eng', 'oncall'].map((user) => [
    `${user}.kubeconfig`,
    readFileSync(join(kubeconfigs, `${user}.kubeconfig`)).toString('base64'),
  ]),
);

async function main() {
  const server = await preparePodLikeServer({
    admin: loadUserKubeConfig(kubeconfigs, 'admin'),
    // Names of its own: release `fleetdeck` would render the ClusterRoleBinding `fleetdeck-server`, the
    // harness's binding for the server user that other specs' replicas run as, and take it over.
    namespace: 'fleetdeck-e2e',
    release: 'fleetdeck-e2e',
    port,
    secrets: [{ metadata: { name: 'fleetdeck-demo-users' }, data: demoUsers }],
    values: {
      sessionSecret: { value: 'e2e-chart-session-secret-0123456789abcdef' },
      allowedHosts: ['127.0.0.1', 'localhost'],
      demo: { enabled: true, allowRemote: true, kubeconfigsSecret: 'fleetdeck-demo-users' },
      networkPolicy: { apiServer: { cidrs: ['127.0.0.1/32'] } },
    },
  });
  const child = spawn(server.command, server.args, { env: server.env, stdio: 'inherit' });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
