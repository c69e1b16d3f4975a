// Completes `next build`'s standalone output into the folder the production image copies as it is: Next.js
// leaves out the browser assets (.next/static), public/ and the start script, which serve from beside it.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(repo, '.next', 'standalone');
if (!existsSync(join(out, 'server.js'))) {
  console.error('[build] .next/standalone is missing: run `next build` with output "standalone" first');
  process.exit(1);
}
const parts = [
  ['.next/static', '.next/static'],
  ['public', 'public'],
  ['scripts/start-server.mjs', 'start-server.mjs'],
];
for (const [from, to] of parts) {
  rmSync(join(out, to), { recursive: true, force: true });
  cpSync(join(repo, from), join(out, to), { recursive: true });
}
// Next.js's own entry would start a server without Fleetdeck's timeouts and graceful stop; only one way in.
rmSync(join(out, 'server.js'));
console.log(`[build] standalone output ready: node ${join('.next', 'standalone', 'start-server.mjs')}`);
