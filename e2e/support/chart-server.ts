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

// The simulated CloudWatch scripts/e2e.sh started: its address as the SDK's standard endpoint setting, and the
// run's identity as a Secret the Deployment reads, the way static keys would reach a pod outside EKS.
const aws = {
  AWS_ENDPOINT_URL_CLOUDWATCH: process.env.AWS_ENDPOINT_URL_CLOUDWATCH,
  AWS_REGION: process.env.AWS_REGION,
  AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID,
  AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY,
};
const missing = Object.entries(aws).filter(([, value]) => !value);
if (missing.length > 0) throw new Error(`run the end-to-end tests with \`npm run e2e\` (${missing[0]![0]} is not set)`);
const awsSecret = {
  metadata: { name: 'fleetdeck-e2e-aws' },
  data: {
    'access-key-id': Buffer.from(aws.AWS_ACCESS_KEY_ID!).toString('base64'),
    'secret-access-key': Buffer.from(aws.AWS_SECRET_ACCESS_KEY!).toString('base64'),
  },
};
const fromSecret = (name: string, key: string) => ({
  name,
  valueFrom: { secretKeyRef: { name: awsSecret.metadata.name, key } },
});

async function main() {
  const server = await preparePodLikeServer({
    admin: loadUserKubeConfig(kubeconfigs, 'admin'),
    // Names of its own: release `fleetdeck` would render the ClusterRoleBinding `fleetdeck-server`, the
    // harness's binding for the server user that other specs' replicas run as, and take it over.
    namespace: 'fleetdeck-e2e',
    release: 'fleetdeck-e2e',
    port,
    secrets: [{ metadata: { name: 'fleetdeck-demo-users' }, data: demoUsers }, awsSecret],
    values: {
      sessionSecret: { value: 'e2e-chart-session-secret-0123456789abcdef' },
      allowedHosts: ['127.0.0.1', 'localhost'],
      demo: { enabled: true, allowRemote: true, kubeconfigsSecret: 'fleetdeck-demo-users' },
      networkPolicy: { apiServer: { cidrs: ['127.0.0.1/32'] } },
      // The specs that judge a canary have the simulated SageMaker publish every second, and a verdict sample is
      // one of those seconds (high-resolution metrics).
      cloudwatch: { verdictPeriodSeconds: 1 },
      extraEnv: [
        { name: 'AWS_ENDPOINT_URL_CLOUDWATCH', value: aws.AWS_ENDPOINT_URL_CLOUDWATCH },
        { name: 'AWS_REGION', value: aws.AWS_REGION },
        fromSecret('AWS_ACCESS_KEY_ID', 'access-key-id'),
        fromSecret('AWS_SECRET_ACCESS_KEY', 'secret-access-key'),
      ],
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
