// The upstream ACK sagemaker-controller facts that tests compare with, as committed in
// test/fixtures/ack-sagemaker (derived by scripts/derive-ack-fixtures.ts; sources in SOURCES.md there).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ackFixturesDir = join(import.meta.dirname, '..', 'fixtures', 'ack-sagemaker');

export interface ReferenceObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  [key: string]: unknown;
}

/** What a project CRD must share with the upstream CRD of the same plural. */
export interface UpstreamCrd {
  name: string;
  group: string;
  names: Record<string, unknown>;
  scope: string;
  version: string;
  subresources: Record<string, unknown>;
  /** `additionalPrinterColumns` without their descriptions. */
  printerColumns: Record<string, unknown>[];
  /** {@link crdFieldTable} of the openAPIV3Schema. */
  fields: Record<string, string>;
  /** The values a field's description lists as `* Value: ...` bullets, by field path. */
  documentedValues: Record<string, string[]>;
}

type Schema = Record<string, any>;

/** Each field path of a CRD schema with its type, format and whether it is required: `integer/int64 required`. */
export function crdFieldTable(schema: Schema, prefix = '', required = false): Record<string, string> {
  const own = prefix
    ? { [prefix]: `${schema.type}${schema.format ? `/${schema.format}` : ''}${required ? ' required' : ''}` }
    : {};
  if (schema.type === 'array') return { ...own, ...crdFieldTable(schema.items, `${prefix}[]`) };
  if (schema.additionalProperties) return { ...own, ...crdFieldTable(schema.additionalProperties, `${prefix}{}`) };
  const children = Object.entries<Schema>(schema.properties ?? {}).map(([key, child]) =>
    crdFieldTable(child, `${prefix}.${key}`, (schema.required ?? []).includes(key)),
  );
  return Object.assign(own, ...children);
}

// Read on every call, so no test sees another's changes to an object.
const fixtureFile = <T>(name: string): T => JSON.parse(readFileSync(join(ackFixturesDir, name), 'utf8')) as T;

function entry<T>(file: string, key: string): T {
  const found = fixtureFile<Record<string, T>>(file)[key];
  if (found === undefined) throw new Error(`no ${key} in ${file}`);
  return found;
}

/** The facts of the upstream CRD of a plural. */
export function upstreamCrd(plural: string): UpstreamCrd {
  return entry('crds.json', plural);
}

/** An upstream e2e example by its file name, placeholders substituted as the e2e suite does. */
export function upstreamExample(file: string): ReferenceObject {
  return entry('examples.json', file);
}

/** A CR as one of the controller's unit tests expects it, by `<resource>/<operation>/observed/<case>.yaml`. */
export function controllerCase(path: string): ReferenceObject {
  return entry('controller-cases.json', path);
}

/** Every upstream example and controller unit-test case, named by fixture file and key. */
export function referenceObjects(): { source: string; object: ReferenceObject }[] {
  return ['examples.json', 'controller-cases.json'].flatMap((file) =>
    Object.entries(fixtureFile<Record<string, ReferenceObject>>(file)).map(([key, object]) => ({
      source: `${file}: ${key}`,
      object,
    })),
  );
}
