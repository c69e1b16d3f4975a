// Vitest global setup: starts the local control plane once for every integration test file (or reuses one
// already running in the same state directory) and tells the tests where it is.
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { ControlPlane } from './control-plane';
import { oidcHarnessFromExports } from './oidc-harness';

const repo = join(import.meta.dirname, '..', '..');
const harness = join(repo, 'harness', 'harness');

function harnessEnv(): NodeJS.ProcessEnv {
  const cache =
    process.env.FLEETDECK_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'fleetdeck');
  // Separate from the demo's control plane, so `npm test` never touches a running demo.
  return { ...process.env, FLEETDECK_HARNESS_DIR: process.env.FLEETDECK_HARNESS_DIR ?? join(cache, 'harness-test') };
}

function readExports(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

function missing(what: string): never {
  throw new Error(`harness up printed no ${what}; is harness/harness older than this checkout?`);
}

export default function setup(project: TestProject) {
  const env = harnessEnv();
  const exports = readExports(
    execFileSync('bash', [harness, 'up'], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const controlPlane: ControlPlane = {
    url: exports.FLEETDECK_APISERVER_URL!,
    kubeconfigDir: exports.FLEETDECK_HARNESS_KUBECONFIGS!,
    oidc: oidcHarnessFromExports(exports) ?? missing('FLEETDECK_HARNESS_OIDC_*'),
  };
  project.provide('controlPlane', controlPlane);
  return () => {
    if (process.env.FLEETDECK_KEEP_HARNESS !== '1') execFileSync('bash', [harness, 'down'], { env, stdio: 'inherit' });
  };
}
