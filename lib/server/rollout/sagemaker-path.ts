import 'server-only';
import { sagemakerApiVersion } from '@/lib/schemas/resource-kinds';

export type SagemakerPlural = 'endpoints' | 'endpointconfigs' | 'models';

/** The API path of a SageMaker collection or object, always by group (docs/ack-behaviour.md §2.9), segments encoded. */
export function sagemakerPath(namespace: string, plural: SagemakerPlural, name?: string): string {
  const collection = `/apis/${sagemakerApiVersion}/namespaces/${encodeURIComponent(namespace)}/${plural}`;
  return name === undefined ? collection : `${collection}/${encodeURIComponent(name)}`;
}
