// Reads the upstream reference files in ../shared/reference/ack-sagemaker, the ground truth tests compare with.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

export const referenceDir = join(import.meta.dirname, '..', '..', '..', 'shared', 'reference', 'ack-sagemaker');

// The upstream e2e suite substitutes these before applying the examples (test/e2e/replacement_values.py).
const placeholderValues: Record<string, string> = {
  ENDPOINT_INSTANCE_TYPE: 'ml.c5.large',
  XGBOOST_V1_IMAGE_URI: '433757028032.dkr.ecr.us-west-2.amazonaws.com/xgboost:latest',
  SAGEMAKER_DATA_BUCKET: 'fleetdeck-reference-bucket',
  SAGEMAKER_EXECUTION_ROLE_ARN: 'arn:aws:iam::123456789012:role/fleetdeck-reference',
};

/** Replaces `$UPPER_CASE` placeholders with fixed values, names with DNS-1123 ones derived from the placeholder. */
export function substitutePlaceholders(text: string): string {
  return text.replace(/\$([A-Z][A-Z0-9_]*)/g, (_, name: string) =>
    placeholderValues[name] ?? name.toLowerCase().replaceAll('_', '-'),
  );
}

export interface ReferenceObject {
  file: string;
  object: { apiVersion: string; kind: string; metadata: { name: string }; [key: string]: unknown };
}

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFilesUnder(path);
      return name.endsWith('.yaml') ? [path] : [];
    });
}

/** Every example manifest and unit-test fixture, with placeholders substituted. */
export function referenceObjects(): ReferenceObject[] {
  return yamlFilesUnder(join(referenceDir, 'examples')).flatMap((path) =>
    parseAllDocuments(substitutePlaceholders(readFileSync(path, 'utf8')))
      .map((doc) => doc.toJS() as ReferenceObject['object'] | null)
      .filter((object): object is ReferenceObject['object'] => object !== null)
      .map((object) => ({ file: relative(referenceDir, path), object })),
  );
}

/** The upstream CRD of a plural, parsed. */
export function upstreamCrd(plural: string): Record<string, any> {
  const text = readFileSync(join(referenceDir, `sagemaker.services.k8s.aws_${plural}.yaml`), 'utf8');
  return parseAllDocuments(text)[0]!.toJS() as Record<string, any>;
}
