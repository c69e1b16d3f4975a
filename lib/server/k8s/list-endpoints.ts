import 'server-only';
import { CustomObjectsApi } from '@kubernetes/client-node';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { endpointKind, sagemakerGroup, sagemakerVersion } from '@/lib/schemas/resource-kinds';
import { serverKubeConfig } from './server-kube-config';

/** Every Endpoint in the cluster, read as Fleetdeck's own identity. Objects that fail to parse are skipped. */
export async function listEndpoints(): Promise<Endpoint[]> {
  const api = serverKubeConfig().makeApiClient(CustomObjectsApi);
  const list = (await api.listClusterCustomObject({
    group: sagemakerGroup,
    version: sagemakerVersion,
    plural: endpointKind.plural,
  })) as { items?: unknown[] };
  return (list.items ?? []).flatMap((item) => {
    const parsed = endpointSchema.safeParse(item);
    if (parsed.success) return [parsed.data];
    console.warn('skipping an Endpoint that does not parse', parsed.error.issues.slice(0, 3));
    return [];
  });
}
