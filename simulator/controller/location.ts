import type { ObjectMeta } from '../../lib/schemas/kube-metadata';
import type { AckResourceMetadata } from '../../lib/schemas/ack';
import type { AwsLocation } from '../sagemaker/names';

// ACK's annotations for where a resource lives and what deleting it does (docs/ack-behaviour.md §10.2, §10.3).
export const annotations = {
  region: 'services.k8s.aws/region',
  namespaceDefaultRegion: 'services.k8s.aws/default-region',
  namespaceOwnerAccount: 'services.k8s.aws/owner-account-id',
  deletionPolicy: 'services.k8s.aws/deletion-policy',
  namespaceDeletionPolicy: 'sagemaker.services.k8s.aws/deletion-policy',
} as const;

export interface ControllerDefaults {
  region: string;
  account: string;
  partition: string;
}

/** Namespace annotations, kept current by a watch so reconciles need not read the namespace. */
export class NamespaceAnnotations {
  private readonly byName = new Map<string, Record<string, string>>();
  set(name: string, values: Record<string, string> | undefined): void {
    this.byName.set(name, values ?? {});
  }
  delete(name: string): void {
    this.byName.delete(name);
  }
  of(name: string): Record<string, string> {
    return this.byName.get(name) ?? {};
  }
}

export type Located = { location: AwsLocation } | { drift: string };

/**
 * Where a resource lives in AWS. Once status names a region, it wins; an annotation that later disagrees is a
 * region drift, which ACK reports before Sync, so no status is written (community #2682).
 */
export function locate(
  metadata: ObjectMeta,
  recorded: AckResourceMetadata | undefined,
  namespace: Record<string, string>,
  defaults: ControllerDefaults,
): Located {
  const annotated = metadata.annotations?.[annotations.region];
  if (recorded?.region && annotated && annotated !== recorded.region) {
    return { drift: `region drift: status says ${recorded.region}, annotation says ${annotated}` };
  }
  return {
    location: {
      partition: recorded?.partition || defaults.partition,
      region: recorded?.region || annotated || namespace[annotations.namespaceDefaultRegion] || defaults.region,
      account: recorded?.ownerAccountID || namespace[annotations.namespaceOwnerAccount] || defaults.account,
    },
  };
}

/** True when deleting the CR must leave the AWS resource alone. */
export function retainOnDelete(metadata: ObjectMeta, namespace: Record<string, string>): boolean {
  const policy = metadata.annotations?.[annotations.deletionPolicy] ?? namespace[annotations.namespaceDeletionPolicy];
  return policy === 'retain';
}

/** `status.ackResourceMetadata` for a resource at this location. */
export const resourceMetadata = (location: AwsLocation, arn?: string): AckResourceMetadata => ({
  ...(arn ? { arn } : {}),
  ownerAccountID: location.account,
  region: location.region,
  partition: location.partition,
});
