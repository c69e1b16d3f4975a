import {
  ApiException,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import { sagemakerGroup, sagemakerVersion, type ResourceKind } from '../../lib/schemas/resource-kinds';

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const CONFLICT_RETRIES = 5;

export interface ObjectRef {
  kind: ResourceKind;
  namespace: string;
  name: string;
}

const where = (ref: ObjectRef) => ({
  group: sagemakerGroup,
  version: sagemakerVersion,
  plural: ref.kind.plural,
  namespace: ref.namespace,
  name: ref.name,
});

/**
 * The simulator's writes, the way the ACK runtime makes them (docs/ack-behaviour.md §5.6): JSON merge patches on the
 * object for metadata and spec, and on the /status subresource for status, retried on conflict.
 */
export class KubeApi {
  readonly customObjects: CustomObjectsApi;

  constructor(readonly kubeConfig: KubeConfig) {
    this.customObjects = kubeConfig.makeApiClient(CustomObjectsApi);
  }

  /** The object as the API server has it now, or undefined once it is gone. */
  async get(ref: ObjectRef): Promise<unknown> {
    try {
      return await this.customObjects.getNamespacedCustomObject(where(ref));
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw error;
    }
  }

  /** Finalizers, annotations and late-initialised spec fields. False when the object is gone. */
  async patchObject(ref: ObjectRef, patch: object): Promise<boolean> {
    return this.withConflictRetry(() =>
      this.customObjects.patchNamespacedCustomObject({ ...where(ref), body: patch }, mergePatch),
    );
  }

  /** The whole status the reconcile computed; `null` values remove fields SageMaker no longer reports. */
  async patchStatus(ref: ObjectRef, status: object): Promise<boolean> {
    return this.withConflictRetry(() =>
      this.customObjects.patchNamespacedCustomObjectStatus({ ...where(ref), body: { status } }, mergePatch),
    );
  }

  private async withConflictRetry(write: () => Promise<unknown>): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await write();
        return true;
      } catch (error) {
        const gone = error instanceof ApiException && error.code === 404;
        if (gone) return false; // Deleted meanwhile: nothing left to write to.
        const conflict = error instanceof ApiException && error.code === 409;
        if (!conflict || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }
}
