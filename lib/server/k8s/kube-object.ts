import 'server-only';
import { redactEnvironment } from '@/lib/endpoints/sanitize-object';

/** The parts of any Kubernetes object the cache relies on; the rest is carried as it came. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    generation?: number;
    annotations?: Record<string, string>;
    managedFields?: unknown;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export const objectKey = (object: Pick<KubeObject, 'metadata'>) =>
  `${object.metadata.namespace ?? ''}/${object.metadata.name}`;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The object without managedFields and the last-applied annotation, and with container environment values
 * replaced by a marker (names kept), none of which ever leave the server: they are dropped before caching, so
 * no view can send them and they cost no memory either.
 */
export function sanitize<T extends KubeObject>(object: T): T {
  const { managedFields: _managed, ...metadata } = object.metadata;
  if (metadata.annotations && LAST_APPLIED in metadata.annotations) {
    const { [LAST_APPLIED]: _lastApplied, ...annotations } = metadata.annotations;
    metadata.annotations = annotations;
  }
  return redactEnvironment({ ...object, metadata });
}
