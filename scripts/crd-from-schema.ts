import { z } from 'zod';
import { sagemakerGroup, sagemakerVersion, type ResourceKind } from '../lib/schemas/resource-kinds';

type JsonSchema = { [key: string]: unknown };
type OpenApiSchema = {
  type?: string;
  format?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema;
};

const SAFE_INT = Number.MAX_SAFE_INTEGER;

/**
 * Turns the JSON Schema zod emits into a structural OpenAPI v3 schema the API server accepts in a CRD.
 * Loose objects lose their `additionalProperties: {}` so the API server prunes unknown fields exactly as the
 * upstream CRDs make it do; maps (`z.record`) keep theirs. Integers become int64, as controller-gen writes them.
 */
export function toStructural(schema: JsonSchema): OpenApiSchema {
  const out: OpenApiSchema = {};
  if (typeof schema.description === 'string') out.description = schema.description;
  const type = schema.type;
  if (type === 'integer') {
    out.type = 'integer';
    out.format = 'int64';
    const { minimum, maximum } = schema;
    if ((minimum !== undefined && minimum !== -SAFE_INT) || (maximum !== undefined && maximum !== SAFE_INT)) {
      throw new Error('integer bounds are not carried into CRDs; SageMaker validates ranges, not the API server');
    }
    return out;
  }
  if (type === 'string' || type === 'number' || type === 'boolean') {
    out.type = type;
    if (schema.format === 'date-time') out.format = 'date-time';
    return out;
  }
  if (type === 'array') {
    out.type = 'array';
    out.items = toStructural(schema.items as JsonSchema);
    return out;
  }
  if (type === 'object') {
    out.type = 'object';
    const properties = schema.properties as Record<string, JsonSchema> | undefined;
    if (properties) {
      out.properties = Object.fromEntries(
        Object.keys(properties)
          .sort()
          .map((key) => [key, toStructural(properties[key] as JsonSchema)]),
      );
      const required = schema.required as string[] | undefined;
      if (required?.length) out.required = [...required].sort();
    } else {
      const values = schema.additionalProperties as JsonSchema | undefined;
      if (!values || Object.keys(values).length === 0) throw new Error('an object needs properties or typed values');
      out.additionalProperties = toStructural(values);
    }
    return out;
  }
  throw new Error(`cannot express ${JSON.stringify(schema)} in a structural CRD schema`);
}

/** The CustomResourceDefinition of one SageMaker kind, generated from its zod schema. */
export function crdFor(kind: ResourceKind): Record<string, unknown> {
  const emitted = z.toJSONSchema(kind.schema, { io: 'input', target: 'openapi-3.0' }) as JsonSchema;
  const root = toStructural(emitted);
  const properties = root.properties ?? {};
  const schema: OpenApiSchema = {
    description: `${kind.kind} is the Schema for the ${kind.kind}s API`,
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      // The API server validates ObjectMeta itself; CRDs only declare it.
      metadata: { type: 'object' },
      ...(properties.spec ? { spec: properties.spec } : {}),
      ...(properties.status ? { status: properties.status } : {}),
    },
  };
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${kind.plural}.${sagemakerGroup}` },
    spec: {
      group: sagemakerGroup,
      names: { kind: kind.kind, listKind: kind.listKind, plural: kind.plural, singular: kind.singular },
      scope: 'Namespaced',
      versions: [
        {
          name: sagemakerVersion,
          served: true,
          storage: true,
          ...(kind.printerColumns.length ? { additionalPrinterColumns: kind.printerColumns } : {}),
          schema: { openAPIV3Schema: schema },
          subresources: { status: {} },
        },
      ],
    },
  };
}

/** The file name of a kind's CRD under deploy/crds/. */
export function crdFileName(kind: ResourceKind): string {
  return `${sagemakerGroup}_${kind.plural}.yaml`;
}
