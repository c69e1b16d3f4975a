// Request coordinates of the SageMaker kinds, for tests that call the API server directly.
import { resourceKinds, sagemakerGroup, sagemakerVersion } from '@/lib/schemas/resource-kinds';

const pluralOf = Object.fromEntries(resourceKinds.map((kind) => [kind.kind, kind.plural]));

export function coordinates(kind: string, namespace: string) {
  const plural = pluralOf[kind];
  if (!plural) throw new Error(`not a SageMaker kind: ${kind}`);
  return { group: sagemakerGroup, version: sagemakerVersion, namespace, plural };
}

/** A minimal valid Endpoint. */
export function endpointBody(name: string, endpointConfigName = `${name}-config`) {
  return {
    apiVersion: `${sagemakerGroup}/${sagemakerVersion}`,
    kind: 'Endpoint',
    metadata: { name },
    spec: { endpointName: name, endpointConfigName },
  };
}
