// The repository's root, found from the working directory: vitest loads support files as ES modules and
// Playwright as CommonJS, so neither import.meta nor __dirname works in both.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'harness', 'harness')) && existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`run tests from inside the repository (cwd ${process.cwd()})`);
  }
}
