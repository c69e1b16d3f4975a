// Reports each app page's first-load JS (gzip) from a production build's manifests, and exits 1 when a page is
// over its budget. Usage: node bench/page-weight.mjs <.next dir>
//
// Next 16 (Turbopack) writes no app-build-manifest.json: a page's chunks are the entryJSFiles of its
// page_client-reference-manifest.js (its layouts' and its own), and every page also loads the build manifest's
// rootMainFiles (the runtime). Polyfills are left out: only browsers without module support load them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const KB = 1024;
/** The pages with a budget of their own; the detail page carried recharts on first load (~351 KB). */
const budgets = { '/endpoints/[namespace]/[name]': 250 * KB };

const nextDir = process.argv[2] ?? '.next';
const buildManifest = JSON.parse(readFileSync(join(nextDir, 'build-manifest.json'), 'utf8'));
const rootMainFiles = buildManifest.rootMainFiles ?? [];

function* manifests(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* manifests(path);
    else if (entry.name === 'page_client-reference-manifest.js') yield path;
  }
}

// The manifest is a script assigning globalThis.__RSC_MANIFEST[page]; run it against a scratch object.
function entryFiles(path) {
  const scope = { __RSC_MANIFEST: {} };
  new Function('globalThis', readFileSync(path, 'utf8'))(scope);
  return Object.values(scope.__RSC_MANIFEST).flatMap((manifest) => Object.values(manifest.entryJSFiles ?? {}).flat());
}

const gzipSizes = new Map();
const gzipSize = (file) => {
  if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(readFileSync(join(nextDir, file)), { level: 9 }).length);
  return gzipSizes.get(file);
};

// "(fleet)/endpoints/[namespace]/[name]/page_client-reference-manifest.js" is the route "/endpoints/[namespace]/[name]".
const routeOf = (path) => {
  const segments = relative(join(nextDir, 'server', 'app'), path)
    .split(sep)
    .slice(0, -1);
  return `/${segments.filter((segment) => !/^\(.*\)$/.test(segment)).join('/')}`;
};

const rows = [...manifests(join(nextDir, 'server', 'app'))]
  .map((path) => {
    const files = new Set([...rootMainFiles, ...entryFiles(path)]);
    const bytes = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
    return { route: routeOf(path), bytes };
  })
  .sort((a, b) => a.route.localeCompare(b.route));

let over = false;
for (const { route, bytes } of rows) {
  const budget = budgets[route];
  const verdict =
    budget === undefined ? '' : bytes > budget ? `  OVER ${budget / KB} KB` : `  (budget ${budget / KB} KB)`;
  if (budget !== undefined && bytes > budget) over = true;
  console.log(`${(bytes / KB).toFixed(1).padStart(7)} KB  ${route}${verdict}`);
}
if (!rows.some(({ route }) => route in budgets)) {
  console.error('The endpoint detail page is missing from the build.');
  process.exit(2);
}
process.exit(over ? 1 : 0);
