// The dashboard served by Next.js itself, for what happens before a route handler runs (routing, the proxy,
// configured headers), which calling handlers in-process cannot see. It runs `next dev` on a copy of the app
// in a temporary directory: Next.js allows one dev server per directory and writes into it, and people and
// other test files use the checkout at the same time. node_modules is hard-linked, which takes seconds.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { repoRoot } from './repo-root';

// What Next.js reads to build the app; harness/, simulator/ and tests are never imported by it.
const APP_FILES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'postcss.config.mjs',
];

export interface NextDevServer {
  baseURL: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** Sends `signal` to the server itself (not its workers); resolves with its exit code once it exits. */
  signal: (signal: NodeJS.Signals) => Promise<number | null>;
  stop: () => Promise<void>;
}

/**
 * Starts `next dev` on a copy of the app with `env` added, and waits until /api/healthz answers. With
 * `startScript`, the server is Fleetdeck's own start script (scripts/start-server.mjs, `npm start`) in its
 * development mode, with the transport's timeouts.
 */
export async function startNextDevServer(
  env: Record<string, string>,
  timeoutMs = 120_000,
  options: { startScript?: boolean } = {},
): Promise<NextDevServer> {
  const repo = repoRoot();
  const dir = mkdtempSync(join(tmpdir(), 'fleetdeck-next-'));
  const files = options.startScript ? [...APP_FILES, 'scripts/start-server.mjs'] : APP_FILES;
  for (const name of files)
    if (existsSync(join(repo, name))) cpSync(join(repo, name), join(dir, name), { recursive: true });
  try {
    execFileSync('cp', ['-al', join(repo, 'node_modules'), join(dir, 'node_modules')]);
  } catch {
    // Hard links cannot cross file systems; a full copy is slower but the same.
    execFileSync('cp', ['-a', join(repo, 'node_modules'), join(dir, 'node_modules')]);
  }
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let output = '';
  const [command, args] = options.startScript
    ? [process.execPath, [join(dir, 'scripts', 'start-server.mjs'), '--dev', '-H', '127.0.0.1', '-p', String(port)]]
    : [join(dir, 'node_modules', '.bin', 'next'), ['dev', '-H', '127.0.0.1', '-p', String(port)]];
  const child: ChildProcess = spawn(command, args, {
    cwd: dir,
    // `next dev -H 127.0.0.1` listens on loopback only, as the start script reports by itself.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      NEXT_TELEMETRY_DISABLED: '1',
      FLEETDECK_LISTEN_HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it takes Next.js's workers with it.
    detached: true,
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const signal = (name: NodeJS.Signals) => {
    child.kill(name);
    return exited;
  };

  const stop = async () => {
    if (child.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGKILL');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`next dev exited during start:\n${output}`);
    }
    if (
      await fetch(`${baseURL}/api/healthz`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next dev did not serve /api/healthz within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, output: () => output, signal, stop };
}
