// A real Prometheus (Debian's `prometheus` package) on loopback, with a temporary config and data directory,
// scraping the targets a test gives it. Queried through its HTTP API, as an operator's dashboards would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface ScrapeJob {
  name: string;
  /** host:port */
  target: string;
  /** Sent as `Authorization: Bearer <token>` (from a file, as a Secret would be mounted). */
  bearerToken?: string;
}

export interface PromSample {
  metric: Record<string, string>;
  value: number;
}

export interface Prometheus {
  baseURL: string;
  /** An instant query; the samples of its vector result. */
  query: (expr: string) => Promise<PromSample[]>;
  /** Polls `query(expr)` until `accept` holds for its samples, or fails with the last answer after `timeoutMs`. */
  waitFor: (expr: string, accept: (samples: PromSample[]) => boolean, timeoutMs?: number) => Promise<PromSample[]>;
  /** The health and last error of each scrape target, by job. */
  targets: () => Promise<Record<string, { health: string; lastError: string }>>;
  output: () => string;
  stop: () => Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The scrape configuration: every job scraped each second, so a test waits seconds, not minutes. */
function config(dir: string, jobs: ScrapeJob[]): string {
  const lines = ['global:', '  scrape_interval: 1s', '  scrape_timeout: 1s', 'scrape_configs:'];
  for (const job of jobs) {
    lines.push(`  - job_name: ${JSON.stringify(job.name)}`, '    metrics_path: /metrics');
    if (job.bearerToken !== undefined) {
      const file = join(dir, `${job.name}.token`);
      writeFileSync(file, job.bearerToken, { mode: 0o600 });
      lines.push('    authorization:', '      type: Bearer', `      credentials_file: ${JSON.stringify(file)}`);
    }
    lines.push('    static_configs:', `      - targets: [${JSON.stringify(job.target)}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Starts Prometheus scraping `jobs` and waits until it is ready. */
export async function startPrometheus(jobs: ScrapeJob[], timeoutMs = 30_000): Promise<Prometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'fleetdeck-prometheus-'));
  writeFileSync(join(dir, 'prometheus.yml'), config(dir, jobs));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // A series that left the scrape is gone from instant queries at once, not 5 minutes later.
      '--query.lookback-delta=5s',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${baseURL}${path}`);
    const body = (await response.json()) as { status: string; data: T; error?: string };
    if (body.status !== 'success') throw new Error(`Prometheus ${path}: ${body.error ?? response.status}`);
    return body.data;
  };
  const query = async (expr: string) => {
    const data = await api<{ result: { metric: Record<string, string>; value: [number, string] }[] }>(
      `/api/v1/query?query=${encodeURIComponent(expr)}`,
    );
    return data.result.map((sample) => ({ metric: sample.metric, value: Number(sample.value[1]) }));
  };
  const waitFor = async (expr: string, accept: (samples: PromSample[]) => boolean, waitMs = 30_000) => {
    const deadline = Date.now() + waitMs;
    let last: PromSample[] = [];
    for (;;) {
      last = await query(expr);
      if (accept(last)) return last;
      if (Date.now() > deadline)
        throw new Error(
          `Prometheus: ${expr} did not reach the expected value in ${waitMs} ms; last ${JSON.stringify(last)}`,
        );
      await sleep(500);
    }
  };
  const targets = async () => {
    const data = await api<{ activeTargets: { labels: { job: string }; health: string; lastError: string }[] }>(
      '/api/v1/targets',
    );
    return Object.fromEntries(
      data.activeTargets.map((target) => [target.labels.job, { health: target.health, lastError: target.lastError }]),
    );
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`prometheus exited during start:\n${output}`);
    }
    if (
      await fetch(`${baseURL}/-/ready`).then(
        (response) => response.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`prometheus was not ready within ${timeoutMs / 1000} s:\n${output}`);
    }
    await sleep(200);
  }
  return { baseURL, query, waitFor, targets, output: () => output, stop };
}
