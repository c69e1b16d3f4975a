import type { Endpoint } from '@/lib/schemas/endpoint';

/** One line of a fleet table: what an operator scans first. */
export interface EndpointRow {
  key: string;
  namespace: string;
  name: string;
  status: string | undefined;
  endpointConfigName: string;
  failureReason: string | undefined;
  lastModified: string | undefined;
}

/** Reduces an Endpoint to its row. `key` is unique across namespaces. */
export function toEndpointRow(endpoint: Endpoint): EndpointRow {
  const namespace = endpoint.metadata.namespace ?? '';
  return {
    key: `${namespace}/${endpoint.metadata.name}`,
    namespace,
    name: endpoint.metadata.name,
    status: endpoint.status?.endpointStatus,
    endpointConfigName: endpoint.spec.endpointConfigName,
    failureReason: endpoint.status?.failureReason,
    lastModified: endpoint.status?.lastModifiedTime ?? endpoint.metadata.creationTimestamp ?? undefined,
  };
}

/** Rows sorted by namespace, then name, without touching the input. */
export function sortRows(rows: readonly EndpointRow[]): EndpointRow[] {
  return [...rows].sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
}
