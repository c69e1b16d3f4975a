// Replicas of the dashboard behind nginx, and what specs and benchmarks ask of them: which one holds a
// browser's stream, whether the load balancer sends to one again, a request through it as a browser sends it.
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLoadBalancer } from './load-balancer';
import { Replica, startReplicas } from './replicas';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Replicas named `names` on the control plane of `kubeconfigDir`, behind nginx, reached by browsers as `host`
 * (a name under .localhost: Chromium resolves it to loopback and treats it as a secure context, so it sends
 * Sec-Fetch-Site, which a same-origin stream request needs; a plain-http name elsewhere would need https).
 */
export async function replicaSet(options: { names: string[]; kubeconfigDir: string; host: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdeck-replicas-'));
  const replicas = await startReplicas(options.names, {
    kubeconfigDir: options.kubeconfigDir,
    logDir: dir,
    allowedHosts: [options.host],
  });
  const balancer = await startLoadBalancer({
    upstreams: replicas.map((replica) => `127.0.0.1:${replica.port}`),
    dir: join(dir, 'nginx'),
  });
  const hostHeader = `${options.host}:${balancer.port}`;

  const byPort = (port: number) => replicas.find((replica) => replica.port === port);
  /** The replica a response of the load balancer came from (the last one tried, when it went on to another). */
  const answeredBy = (upstreamHeader: string | undefined) =>
    byPort(Number(upstreamHeader?.split(',').pop()?.split(':').pop()))?.name;

  /** A GET through the load balancer with the browser's Host and `cookie`, as a reload would send it. */
  const getThrough = (path: string, cookie: string): Promise<{ status: number; replica?: string }> =>
    new Promise((resolve, reject) => {
      httpRequest(
        { host: '127.0.0.1', port: balancer.port, path, headers: { host: hostHeader, cookie } },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              replica: answeredBy(response.headers['x-fleetdeck-upstream'] as string | undefined),
            }),
          );
        },
      )
        .on('error', reject)
        .end();
    });

  return {
    replicas,
    /** The URL browsers use. */
    base: `http://${hostHeader}`,
    answeredBy,
    getThrough,
    other: (replica: Replica) => replicas.find((r) => r !== replica)!,

    /**
     * The name of the replica that holds the one open stream (`on`, when given), asked of each replica
     * directly; otherwise a sentence saying what each held when time ran out, for the failure message.
     */
    async streamHolder(on?: Replica, timeoutMs = 10_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      let counts: (number | undefined)[] = [];
      while (Date.now() < deadline) {
        counts = await Promise.all(replicas.map((replica) => replica.streams()));
        const total = counts.reduce<number>((sum, n) => sum + (n ?? 0), 0);
        const holder = replicas[counts.findIndex((n) => n === 1)];
        if (total === 1 && (!on || holder === on)) return holder!.name;
        await sleep(50);
      }
      const held = replicas.map((replica, i) => `${replica.name}=${counts[i] ?? 'down'}`).join(', ');
      return `not ${on?.name ?? 'one replica'} within ${timeoutMs} ms: ${held}`;
    },

    /** The replica named `name`; throws the sentence streamHolder returns when none held the stream. */
    byName(name: string): Replica {
      const replica = replicas.find((r) => r.name === name);
      if (!replica) throw new Error(`no replica holds the stream: ${name}`);
      return replica;
    },

    /**
     * Waits until the load balancer sends requests to `replica` again: nginx leaves a replica out for its
     * fail_timeout after the last failure, and a rolling restart moves on only once the new one takes traffic.
     */
    async inRotation(replica: Replica): Promise<void> {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if ((await getThrough('/api/readyz', '')).replica === replica.name) return;
        await sleep(100);
      }
      throw new Error(`the load balancer sent nothing to replica ${replica.name}`);
    },

    async stop(): Promise<void> {
      await balancer.stop();
      for (const replica of replicas) await replica.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ReplicaSet = Awaited<ReturnType<typeof replicaSet>>;
