import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resourceKinds } from '../lib/schemas/resource-kinds';
import { upstreamCrd } from '../test/support/reference';
import { crdFileName, crdFor } from './crd-from-schema';
import { renderCrdYaml } from './render-crd-yaml';

type Schema = Record<string, any>;

/** Each field path of a CRD schema with its type, format and whether it is required. */
function fieldTable(schema: Schema, prefix = '', required = false): Record<string, string> {
  const own = prefix ? { [prefix]: `${schema.type}${schema.format ? `/${schema.format}` : ''}${required ? ' required' : ''}` } : {};
  if (schema.type === 'array') return { ...own, ...fieldTable(schema.items, `${prefix}[]`) };
  if (schema.additionalProperties) return { ...own, ...fieldTable(schema.additionalProperties, `${prefix}{}`) };
  const children = Object.entries<Schema>(schema.properties ?? {}).map(([key, child]) =>
    fieldTable(child, `${prefix}.${key}`, (schema.required ?? []).includes(key)),
  );
  return Object.assign(own, ...children);
}

const version = (crd: Schema) => crd.spec.versions[0];

describe.each(resourceKinds.map((kind) => [kind.plural, kind] as const))('CRD for %s', (plural, kind) => {
  const ours = crdFor(kind) as Schema;
  const upstream = upstreamCrd(plural);

  it('is committed exactly as the generator prints it', () => {
    const committed = readFileSync(join(import.meta.dirname, '..', 'deploy', 'crds', crdFileName(kind)), 'utf8');
    expect(committed).toBe(renderCrdYaml(ours));
  });

  it('has the upstream group, names, scope, status subresource and printer columns', () => {
    expect(ours.metadata.name).toBe(upstream.metadata.name);
    expect(ours.spec.group).toBe(upstream.spec.group);
    expect(ours.spec.names).toEqual(upstream.spec.names);
    expect(ours.spec.scope).toBe(upstream.spec.scope);
    expect(version(ours).name).toBe(version(upstream).name);
    expect(version(ours).subresources).toEqual(version(upstream).subresources);
    expect(version(ours).additionalPrinterColumns ?? []).toEqual(
      (version(upstream).additionalPrinterColumns ?? []).map(({ description, ...column }: Schema) => column),
    );
  });

  it('declares every field, type and required flag of the upstream schema, and nothing more', () => {
    const ourFields = fieldTable(version(ours).schema.openAPIV3Schema);
    const upstreamFields = fieldTable(version(upstream).schema.openAPIV3Schema);
    // Field by field first, so a failure names the path.
    for (const [path, type] of Object.entries(ourFields)) expect(upstreamFields[path], path).toBe(type);
    expect(ourFields).toEqual(upstreamFields);
  });
});
