// Starts test/support/route-server.ts as its own process: a second replica with its own memory, sharing only
// what replicas share (the cluster and the settings it is given).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { repoRoot } from './repo-root';

export interface RouteServer {
  baseURL: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function startRouteServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RouteServer> {
  const repo = repoRoot();
  const child = spawn(
    join(repo, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', join(repo, 'test', 'support', 'route-server.ts')],
    {
      cwd: repo,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => void stop().then(() => reject(new Error(`the route server did not start in ${timeoutMs} ms:\n${output}`))),
      timeoutMs,
    );
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolve({ baseURL: `http://127.0.0.1:${port}`, output: () => output, stop });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the route server exited with ${code}:\n${output}`));
    });
  });
}

/**
 * Another replica for the enclosing describe block, as Fleetdeck's own identity on the test control plane with
 * `env` added (the session secret it shares with this one): started before the block's tests, stopped after
 * them. Call the returned function inside a test for the running server.
 */
export function otherReplica(env: Record<string, string>): () => RouteServer {
  let server: RouteServer | undefined;
  beforeAll(async () => {
    server = await startRouteServer({
      KUBECONFIG: join(inject('controlPlane').kubeconfigDir, 'fleetdeck-server.kubeconfig'),
      ...env,
    });
  }, 90_000);
  afterAll(() => server?.stop());
  return () => server!;
}
