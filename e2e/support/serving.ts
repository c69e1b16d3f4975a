// Processes the end-to-end specs start for themselves: a free port to give them, the dashboard as the image runs
// it, and waiting until they serve.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';
import { imageServerCommand, shareWithImageUser } from '../../test/support/image-like-server';

export { freePort } from '../../test/support/free-port';

/** Resolves once `url` answers 2xx; fails early when `child` exits, and after `timeoutMs`. */
export async function waitUntilServing(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${url}: the process exited with ${child.exitCode ?? child.signalCode}`);
    const ok = await fetch(url, { redirect: 'manual' }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    // Often enough that a benchmark of the start (bench/replica-scale.ts) is not measuring this interval.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing served ${url} within ${timeoutMs / 1000} s`);
}

/**
 * The dashboard as the image runs it, on 127.0.0.1:`port`: a demo server of the control plane whose kubeconfigs
 * are in `kubeconfigDir`, with `env` added. In its own process group, so that stopping it takes any worker of
 * Next.js with it.
 */
export function spawnImageServer(
  port: number,
  kubeconfigDir: string,
  env: Record<string, string>,
  stdio: StdioOptions,
): ChildProcess {
  const server = imageServerCommand(['-H', '127.0.0.1', '-p', String(port)]);
  const shared = shareWithImageUser(kubeconfigDir);
  return spawn(server.command, server.args, {
    cwd: server.cwd,
    env: {
      ...process.env,
      KUBECONFIG: join(shared, 'fleetdeck-server.kubeconfig'),
      FLEETDECK_DEMO: '1',
      FLEETDECK_DEMO_KUBECONFIGS: shared,
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio,
    detached: true,
  });
}
