// Helm, built by harness/build.sh like the control plane, run on deploy/chart/fleetdeck.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

export const chartDir = join(repoRoot(), 'deploy', 'chart', 'fleetdeck');

/** A values file of the chart's own examples (ci/<name>-values.yaml). */
export const chartValues = (name: string) => join(chartDir, 'ci', `${name}-values.yaml`);

let binary: string | undefined;
// Helm keeps repositories, plugins and a registry login under these; a test must never read or change yours.
const helmHome = mkdtempSync(join(tmpdir(), 'fleetdeck-helm-'));

/** The helm binary: a cache hit after `harness up` built it, or a build now on a machine where it did not. */
export function helmBinary(): string {
  binary ??= execFileSync('bash', [join(repoRoot(), 'harness', 'build.sh'), 'helm'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  return binary;
}

export interface HelmResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs helm with the given arguments; never throws on a non-zero exit, so tests can assert refusals. */
export function helm(args: string[]): HelmResult {
  const result = spawnSync(helmBinary(), args, {
    encoding: 'utf8',
    env: {
      ...process.env,
      HOME: helmHome,
      HELM_CACHE_HOME: join(helmHome, 'cache'),
      HELM_CONFIG_HOME: join(helmHome, 'config'),
      HELM_DATA_HOME: join(helmHome, 'data'),
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export interface RenderOptions {
  release: string;
  namespace: string;
  valuesFiles?: string[];
  /** Values by Helm path (`a.b[0]`), each sent as JSON so its type is exactly the one given here. */
  set?: Record<string, unknown>;
}

const renderArgs = ({ release, namespace, valuesFiles = [], set = {} }: RenderOptions) => [
  'template',
  release,
  chartDir,
  '--namespace',
  namespace,
  ...valuesFiles.flatMap((file) => ['--values', file]),
  ...Object.entries(set).flatMap(([key, value]) => ['--set-json', `${key}=${JSON.stringify(value)}`]),
];

/** `helm template` of the chart; whatever helm says on failure. */
export const tryRenderChart = (options: RenderOptions): HelmResult => helm(renderArgs(options));

/** `helm template` of the chart, as YAML; throws with helm's message when it refuses. */
export function renderChart(options: RenderOptions): string {
  const result = tryRenderChart(options);
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return result.stdout;
}
