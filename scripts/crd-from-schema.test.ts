import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceKinds } from '../lib/schemas/resource-kinds';
import { crdFieldTable, upstreamCrd } from '../test/support/ack-fixtures';
import { crdFileName, crdFor } from './crd-from-schema';
import { renderCrdYaml } from './render-crd-yaml';

type Schema = Record<string, any>;

const version = (crd: Schema) => crd.spec.versions[0];

describe.each(resourceKinds.map((kind) => [kind.plural, kind] as const))('CRD for %s', (plural, kind) => {
  const ours = crdFor(kind) as Schema;
  const upstream = upstreamCrd(plural);

  it('is committed exactly as the generator prints it', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'deploy', 'crds', crdFileName(kind)), 'utf8');
    expect(committed).toBe(renderCrdYaml(ours));
  });

  it('has the upstream group, names, scope, status subresource and printer columns', () => {
    expect(ours.metadata.name).toBe(upstream.name);
    expect(ours.spec.group).toBe(upstream.group);
    expect(ours.spec.names).toEqual(upstream.names);
    expect(ours.spec.scope).toBe(upstream.scope);
    expect(version(ours).name).toBe(upstream.version);
    expect(version(ours).subresources).toEqual(upstream.subresources);
    expect(version(ours).additionalPrinterColumns ?? []).toEqual(upstream.printerColumns);
  });

  it('declares every field, type and required flag of the upstream schema, and nothing more', () => {
    const ourFields = crdFieldTable(version(ours).schema.openAPIV3Schema);
    const upstreamFields = upstream.fields;
    // Field by field first, so a failure names the path.
    for (const [path, type] of Object.entries(ourFields)) expect(upstreamFields[path], path).toBe(type);
    expect(ourFields).toEqual(upstreamFields);
  });
});
