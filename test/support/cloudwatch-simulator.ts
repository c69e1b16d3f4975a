// Starts the simulated CloudWatch as its own process, the way `npm run sim:cloudwatch` does, on a port of its own,
// for integration and end-to-end tests. Point the AWS SDK at `url` (a client's `endpoint` option or
// AWS_ENDPOINT_URL_CLOUDWATCH, and AWS_ENDPOINT_URL_STS for the roles it lets callers assume) with one of
// `credentials` and `region`.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CallCountsSnapshot } from '@/simulator/cloudwatch/call-counts';
import { defaultCredentials, type SimulatorCredential } from '@/simulator/cloudwatch/settings';
import { repoRoot } from './repo-root';

/** The identities the simulator knows unless told otherwise: `allowed` may call everything, `denied` may not read. */
export const cloudWatchTestCredentials = defaultCredentials;
export const cloudWatchTestRegion = 'us-west-2';

export interface CloudWatchSimulatorOptions {
  /** Replaces the default identities. */
  credentials?: SimulatorCredential[];
  region?: string;
  /** The roles STS lets callers assume: role ARN → the access keys trusted to (SIM_STS_ROLES). */
  roles?: Record<string, string[]>;
  extraEnv?: Record<string, string>;
}

export interface RunningCloudWatchSimulator {
  url: string;
  region: string;
  credentials: { allowed: SdkCredentials; denied: SdkCredentials };
  /** The environment that points an AWS SDK process at the simulator with the allowed identity. */
  env: Record<string, string>;
  /** A CloudWatch client of the real SDK pointed at the simulator, with the allowed identity unless given one. */
  client: (credentials?: SdkCredentials) => CloudWatchClient;
  /** Requests answered since the start or the last reset, per operation and per caller (access key). */
  calls: () => Promise<CallCountsSnapshot>;
  resetCounts: () => Promise<void>;
  /** Evaluates every alarm now, without waiting for its period to end on the clock. */
  evaluateAlarms: () => Promise<void>;
  output: () => string;
  stop: () => Promise<void>;
}

export interface SdkCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const sdkCredentials = ({ accessKeyId, secretAccessKey, sessionToken }: SimulatorCredential): SdkCredentials => ({
  accessKeyId,
  secretAccessKey,
  ...(sessionToken ? { sessionToken } : {}),
});

export async function startCloudWatchSimulator(
  options: CloudWatchSimulatorOptions = {},
): Promise<RunningCloudWatchSimulator> {
  const repo = repoRoot();
  const region = options.region ?? cloudWatchTestRegion;
  const credentials = options.credentials ?? [cloudWatchTestCredentials.allowed, cloudWatchTestCredentials.denied];
  let output = '';
  const child: ChildProcess = spawn(
    join(repo, 'node_modules', '.bin', 'tsx'),
    [join(repo, 'simulator', 'cloudwatch', 'main.ts')],
    {
      env: {
        ...process.env,
        SIM_CLOUDWATCH_PORT: '0',
        SIM_CLOUDWATCH_HOST: '127.0.0.1',
        SIM_CLOUDWATCH_REGION: region,
        SIM_CLOUDWATCH_CREDENTIALS: JSON.stringify(credentials),
        SIM_STS_ROLES: JSON.stringify(options.roles ?? {}),
        ...options.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /\[cloudwatch-simulator\] listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening?.[1]) resolve(listening[1]);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => reject(new Error(`the CloudWatch simulator exited with ${code}: ${output}`)));
  });

  const simulatorRoute = async (method: 'GET' | 'POST', path: string) => {
    const response = await fetch(`${url}${path}`, { method });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const allowed = credentials.find((credential) => credential.deny.length === 0) ?? credentials[0];
  const denied = credentials.find((credential) => credential.deny.length > 0) ?? credentials[0];
  if (!allowed || !denied) throw new Error('the CloudWatch simulator needs at least one credential');

  const allowedPair = sdkCredentials(allowed);
  return {
    url,
    region,
    credentials: { allowed: allowedPair, denied: sdkCredentials(denied) },
    env: {
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_ENDPOINT_URL_STS: url,
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: allowedPair.accessKeyId,
      AWS_SECRET_ACCESS_KEY: allowedPair.secretAccessKey,
      ...(allowedPair.sessionToken ? { AWS_SESSION_TOKEN: allowedPair.sessionToken } : {}),
    },
    client: (clientCredentials = allowedPair) =>
      new CloudWatchClient({ endpoint: url, region, credentials: clientCredentials }),
    calls: async () => (await simulatorRoute('GET', '/_simulator/calls')) as CallCountsSnapshot,
    resetCounts: async () => void (await simulatorRoute('POST', '/_simulator/reset-counts')),
    evaluateAlarms: async () => void (await simulatorRoute('POST', '/_simulator/evaluate-alarms')),
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
