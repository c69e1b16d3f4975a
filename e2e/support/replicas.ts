// Replicas of the dashboard as a Deployment runs them: image-like standalone servers on one control plane,
// sharing the session secret, so any of them can serve any request behind a load balancer.
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, spawnImageServer, waitUntilServing } from './serving';

export interface ReplicaOptions {
  /** The control plane's kubeconfigs (the harness's FLEETDECK_HARNESS_KUBECONFIGS). */
  kubeconfigDir: string;
  /** Where each replica's output goes, one log file per start. */
  logDir: string;
  /** The Host names browsers use through the load balancer (FLEETDECK_ALLOWED_HOSTS). */
  allowedHosts: string[];
  env?: Record<string, string>;
}

// The same on every replica, as the chart's Secret gives it: a cookie sealed by one opens on the other.
const SESSION_SECRET = 'e2e-replicas-shared-session-secret-0123456789';

/** One replica: started, stopped gracefully (SIGTERM) or killed (SIGKILL), and started again on its port. */
export class Replica {
  private child?: ChildProcess;
  private starts = 0;

  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly options: ReplicaOptions,
  ) {}

  static async create(name: string, options: ReplicaOptions): Promise<Replica> {
    return new Replica(name, await freePort(), options);
  }

  /** The replica itself, bypassing the load balancer (127.0.0.1 is among its allowed hosts). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  /** Starts the replica and resolves once it is ready (/api/readyz 200), as a load balancer would wait. */
  async start(): Promise<void> {
    const log = openSync(join(this.options.logDir, `${this.name}-${++this.starts}.log`), 'a');
    this.child = spawnImageServer(
      this.port,
      this.options.kubeconfigDir,
      {
        FLEETDECK_SESSION_SECRET: SESSION_SECRET,
        FLEETDECK_ALLOWED_HOSTS: [...this.options.allowedHosts, '127.0.0.1'].join(','),
        ...this.options.env,
      },
      ['ignore', log, log],
    );
    closeSync(log);
    await waitUntilServing(`${this.url}/api/readyz`, this.child, 120_000);
  }

  /** Killed outright, like a crashed pod or a lost node: no drain, no last event. */
  kill(): Promise<void> {
    return this.signal('SIGKILL');
  }

  /** Stopped as Kubernetes stops a pod: SIGTERM, then it drains and exits on its own. */
  stop(): Promise<void> {
    return this.signal('SIGTERM');
  }

  /** Sends the signal; resolves when the replica has exited. */
  async signal(signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const running = this.child;
    if (!running?.pid || !this.running) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    process.kill(-running.pid, signal);
    await exited;
  }

  /** Live streams this replica holds now, from its own /api/healthz; undefined when it does not answer. */
  async streams(): Promise<number | undefined> {
    const response = await fetch(`${this.url}/api/healthz`).catch(() => undefined);
    if (!response?.ok) return undefined;
    return ((await response.json()) as { streams: number }).streams;
  }
}

/** Two (or more) replicas on the same control plane, each ready. */
export async function startReplicas(names: string[], options: ReplicaOptions): Promise<Replica[]> {
  const replicas = await Promise.all(names.map((name) => Replica.create(name, options)));
  // One at a time: two cold starts at once on a small machine only make both slow.
  for (const replica of replicas) await replica.start();
  return replicas;
}
