// Derives test/fixtures/ack-sagemaker/*.json from the upstream files in ../shared/reference/ack-sagemaker
// (see SOURCES.md there and in the fixtures folder). Tests read only the committed fixtures; run this
// (`npm run fixtures:ack`) when the reference moves to a new upstream commit. Without the reference folder it
// skips; with `--check` it writes nothing and fails while a committed fixture differs from what it derives.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { ackFixturesDir, crdFieldTable, type UpstreamCrd } from '../test/support/ack-fixtures';

const referenceDir = join(import.meta.dirname, '..', '..', 'shared', 'reference', 'ack-sagemaker');
const crdPrefix = 'sagemaker.services.k8s.aws_';

// The upstream e2e suite substitutes these before applying the examples (test/e2e/replacement_values.py).
const placeholderValues: Record<string, string> = {
  ENDPOINT_INSTANCE_TYPE: 'ml.c5.large',
  XGBOOST_V1_IMAGE_URI: '433757028032.dkr.ecr.us-west-2.amazonaws.com/xgboost:latest',
  SAGEMAKER_DATA_BUCKET: 'fleetdeck-reference-bucket',
  SAGEMAKER_EXECUTION_ROLE_ARN: 'arn:aws:iam::123456789012:role/fleetdeck-reference',
};

/** Replaces `$UPPER_CASE` placeholders with fixed values, names with DNS-1123 ones derived from the placeholder. */
function substitutePlaceholders(text: string): string {
  return text.replace(
    /\$([A-Z][A-Z0-9_]*)/g,
    (_, name: string) => placeholderValues[name] ?? name.toLowerCase().replaceAll('_', '-'),
  );
}

type Schema = Record<string, any>;

const readYaml = (path: string): any => parse(substitutePlaceholders(readFileSync(path, 'utf8')));

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** Field paths whose description lists values as `* Value: ...` bullets (the SageMaker enums), with those values. */
function documentedValues(schema: Schema, prefix = ''): Record<string, string[]> {
  const values = [...String(schema.description ?? '').matchAll(/^\s*\* (\w+):/gm)].map((match) => match[1]!);
  const children: [string, unknown][] = [
    [`${prefix}[]`, schema.items],
    [`${prefix}{}`, schema.additionalProperties],
    ...Object.entries(schema.properties ?? {}).map(([key, child]): [string, unknown] => [`${prefix}.${key}`, child]),
  ];
  const nested = children.map(([path, child]) =>
    child && typeof child === 'object' ? documentedValues(child, path) : {},
  );
  return Object.assign(values.length > 0 ? { [prefix]: values } : {}, ...nested);
}

function crdFacts(crd: Schema): UpstreamCrd {
  if (crd.spec.versions.length !== 1) throw new Error(`${crd.metadata.name}: expected one version`);
  const version = crd.spec.versions[0];
  return {
    name: crd.metadata.name,
    group: crd.spec.group,
    names: crd.spec.names,
    scope: crd.spec.scope,
    version: version.name,
    subresources: version.subresources,
    printerColumns: (version.additionalPrinterColumns ?? []).map(({ description, ...column }: Schema) => column),
    fields: crdFieldTable(version.schema.openAPIV3Schema),
    documentedValues: documentedValues(version.schema.openAPIV3Schema),
  };
}

function derive(): Record<string, unknown> {
  const crdFiles = readdirSync(referenceDir).filter((name) => name.startsWith(crdPrefix) && name.endsWith('.yaml'));
  const crds = Object.fromEntries(
    crdFiles.map((name) => [
      name.slice(crdPrefix.length, -'.yaml'.length),
      crdFacts(readYaml(join(referenceDir, name))),
    ]),
  );

  const examplesDir = join(referenceDir, 'examples');
  const examples = Object.fromEntries(
    readdirSync(examplesDir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => [name, readYaml(join(examplesDir, name))]),
  );

  const casesDir = join(examplesDir, 'unit-testdata');
  const cases = Object.fromEntries(yamlFilesUnder(casesDir).map((path) => [relative(casesDir, path), readYaml(path)]));

  return { 'crds.json': crds, 'examples.json': examples, 'controller-cases.json': cases };
}

/** Plain data with every object's keys sorted; arrays keep their order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, sortedKeys(inner)]),
  );
}

if (!existsSync(referenceDir)) {
  console.log(
    `skipped: no upstream reference at ${referenceDir}; the committed fixtures in ${ackFixturesDir} stay as they are`,
  );
  process.exit(0);
}

const check = process.argv.includes('--check');
let differs = false;
if (!check) mkdirSync(ackFixturesDir, { recursive: true });
for (const [name, data] of Object.entries(derive())) {
  const path = join(ackFixturesDir, name);
  const text = `${JSON.stringify(sortedKeys(data), null, 2)}\n`;
  if (check) {
    const same = existsSync(path) && readFileSync(path, 'utf8') === text;
    differs ||= !same;
    console.log(`${same ? 'same' : 'DIFFERS'} ${path}`);
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${path}`);
  }
}
if (differs) process.exit(1);
