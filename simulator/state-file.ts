import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SimState } from './sagemaker/types';

const empty = (): SimState => ({ models: {}, endpointConfigs: {}, endpoints: {} });

/** The simulated AWS state saved by an earlier run, or an empty account. */
export function loadState(file: string): SimState {
  try {
    return { ...empty(), ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<SimState>) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
    throw new Error(`cannot read the simulator state file ${file}: ${(error as Error).message}`);
  }
}

/**
 * Saves the state at most every `delayMs`, writing a temporary file and renaming it, so a crash never leaves a
 * half-written file and a restart does not look like AWS losing every endpoint.
 */
export function stateSaver(file: string, state: SimState, delayMs: number): { changed: () => void; flush: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(state));
    renameSync(`${file}.tmp`, file);
  };
  return {
    changed: () => {
      timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}
