// Starts the simulated controller as its own process, the way `npm run sim` does, scoped to one namespace so
// test files do not share it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './repo-root';

const repo = repoRoot();

/** Fast enough that every simulated step takes well under a second; 1 would be real AWS timings. */
export const TEST_TIME_SCALE = 0.004;

export interface SimulatorOptions {
  kubeconfigDir: string;
  namespace: string;
  faultsConfigMap: string;
  timeScale?: number;
  extraEnv?: Record<string, string>;
}

export interface RunningSimulator {
  stateFile: string;
  stop: () => Promise<void>;
  restart: () => Promise<void>;
  output: () => string;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'sim-state-')), 'state.json');
  let child: ChildProcess | undefined;
  let output = '';
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'simulator', 'main.ts')], {
        env: {
          ...process.env,
          SIM_KUBECONFIG: join(options.kubeconfigDir, 'sagemaker-simulator.kubeconfig'),
          SIM_TIME_SCALE: String(options.timeScale ?? TEST_TIME_SCALE),
          SIM_STATE_FILE: stateFile,
          SIM_WATCH_NAMESPACE: options.namespace,
          SIM_FAULTS_CONFIGMAP: options.faultsConfigMap,
          ...options.extraEnv,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('running with time scale')) resolve();
      };
      started.stdout.on('data', collect);
      started.stderr.on('data', collect);
      started.on('exit', (code) => reject(new Error(`the simulator exited with ${code}: ${output}`)));
    });
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await launch();
  return { stateFile, stop, restart: async () => (await stop(), await launch()), output: () => output };
}
