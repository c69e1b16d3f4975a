// Processes the end-to-end specs start for themselves: a free port to give them, and waiting until they serve.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

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
