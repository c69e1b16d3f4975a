// Writes deploy/crds/*.yaml from the zod schemas in lib/schemas. Run `npm run crds` after changing a schema;
// a unit test fails while the committed files differ from what this prints.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resourceKinds } from '../lib/schemas/resource-kinds';
import { crdFileName, crdFor } from './crd-from-schema';
import { renderCrdYaml } from './render-crd-yaml';

const outDir = join(import.meta.dirname, '..', 'deploy', 'crds');
for (const kind of resourceKinds) {
  const file = join(outDir, crdFileName(kind));
  writeFileSync(file, renderCrdYaml(crdFor(kind)));
  console.log(`wrote ${file}`);
}
