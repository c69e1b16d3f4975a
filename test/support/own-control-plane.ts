// A control plane of a test file's own, for tests that take the API server away from everyone using it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

const harness = join(repoRoot(), 'harness', 'harness');

export function ownControlPlane() {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdeck-own-'));
  const run = (command: string) =>
    execFileSync('bash', [harness, command], {
      env: { ...process.env, FLEETDECK_HARNESS_DIR: dir },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  const exports = Object.fromEntries([...run('up').matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
  return {
    kubeconfigDir: exports.FLEETDECK_HARNESS_KUBECONFIGS!,
    stopApiServer: () => run('apiserver-stop'),
    startApiServer: () => run('apiserver-start'),
    destroy: () => {
      run('down');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
