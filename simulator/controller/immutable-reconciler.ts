import type { z } from 'zod';
import { endpointConfigSchema } from '../../lib/schemas/endpoint-config';
import { modelSchema } from '../../lib/schemas/model';
import { endpointConfigKind, modelKind, type ResourceKind } from '../../lib/schemas/resource-kinds';
import { isNotFound, SageMakerError, terminalCodes } from '../sagemaker/errors';
import type { AwsLocation } from '../sagemaker/names';
import type { SimulatedSageMaker } from '../sagemaker/service';
import { canonicalJson } from './canonical-json';
import { immutableSynced, messages, recoverableUnobserved, terminalUnsynced } from './conditions';
import { withFinalizer, withoutFinalizer } from './finalizers';
import { rfc3339 } from '../rfc3339';
import type { ObjectRef } from './kube-api';
import { resourceMetadata, retainOnDelete } from './location';
import { readForReconcile } from './read-for-reconcile';
import {
  backoff,
  done,
  requeueAfter,
  sdkErrorChain,
  type ReconcileContext,
  type ReconcileResult,
} from './reconcile-context';

type Spec = { tags?: unknown; enableNetworkIsolation?: boolean } & Record<string, unknown>;
type ImmutableResource = {
  metadata: z.infer<typeof modelSchema>['metadata'];
  spec: Spec;
  status?: z.infer<typeof modelSchema>['status'];
};

/** How one immutable kind (EndpointConfig or Model) maps onto simulated SageMaker. */
interface ImmutableKind {
  kind: ResourceKind;
  schema: z.ZodType<ImmutableResource>;
  finalizer: string;
  createOperation: string;
  awsName: (spec: Spec) => string;
  create: (sagemaker: SimulatedSageMaker, location: AwsLocation, spec: Spec) => { arn: string };
  describe: (sagemaker: SimulatedSageMaker, location: AwsLocation, name: string) => { arn: string; spec: Spec };
  remove: (sagemaker: SimulatedSageMaker, location: AwsLocation, name: string) => void;
}

export const endpointConfigHandling: ImmutableKind = {
  kind: endpointConfigKind,
  schema: endpointConfigSchema as unknown as z.ZodType<ImmutableResource>,
  finalizer: 'finalizers.sagemaker.services.k8s.aws/EndpointConfig',
  createOperation: 'CreateEndpointConfig',
  awsName: (spec) => String(spec.endpointConfigName),
  create: (sagemaker, location, spec) => sagemaker.createEndpointConfig(location, spec as never),
  describe: (sagemaker, location, name) => sagemaker.describeEndpointConfig(location, name) as never,
  remove: (sagemaker, location, name) => sagemaker.deleteEndpointConfig(location, name),
};

export const modelHandling: ImmutableKind = {
  kind: modelKind,
  schema: modelSchema as unknown as z.ZodType<ImmutableResource>,
  finalizer: 'finalizers.sagemaker.services.k8s.aws/Model',
  createOperation: 'CreateModel',
  awsName: (spec) => String(spec.modelName),
  create: (sagemaker, location, spec) => sagemaker.createModel(location, spec as never),
  describe: (sagemaker, location, name) => sagemaker.describeModel(location, name) as never,
  remove: (sagemaker, location, name) => sagemaker.deleteModel(location, name),
};

/** The spec as ACK's delta sees it: tags are never compared, and enableNetworkIsolation defaults to false. */
const comparable = (spec: Spec) =>
  canonicalJson({ ...spec, tags: undefined, enableNetworkIsolation: spec.enableNetworkIsolation ?? false });

/**
 * One reconcile of an EndpointConfig or Model (docs/ack-behaviour.md §11, §12): create with late initialisation,
 * "not implemented" for any spec change but tags, and deletion at once.
 */
export async function reconcileImmutable(
  handling: ImmutableKind,
  context: ReconcileContext,
  namespace: string,
  name: string,
): Promise<ReconcileResult> {
  const ref: ObjectRef = { kind: handling.kind, namespace, name };
  const { kube, sagemaker } = context;
  const read = await readForReconcile(context, ref, handling.schema);
  if ('result' in read) return read.result;
  const { resource, location } = read;
  const awsName = handling.awsName(resource.spec);
  const finalizers = resource.metadata.finalizers;
  const now = rfc3339(context.now());

  if (resource.metadata.deletionTimestamp) {
    if (!finalizers?.includes(handling.finalizer)) return done;
    if (!retainOnDelete(resource.metadata, context.namespaces.of(namespace))) {
      try {
        handling.remove(sagemaker, location, awsName);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    await kube.patchObject(ref, { metadata: { finalizers: withoutFinalizer(finalizers, handling.finalizer) } });
    return done;
  }

  let observed: { arn: string; spec: Spec };
  try {
    observed = handling.describe(sagemaker, location, awsName);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    const added = withFinalizer(finalizers, handling.finalizer);
    if (added && !(await kube.patchObject(ref, { metadata: { finalizers: added } }))) return done;
    try {
      observed = { ...handling.create(sagemaker, location, resource.spec), spec: resource.spec };
    } catch (createError) {
      if (!(createError instanceof SageMakerError)) throw createError;
      if (terminalCodes.has(createError.code)) {
        await kube.patchStatus(ref, {
          ackResourceMetadata: resourceMetadata(location),
          conditions: terminalUnsynced(createError.apiErrorText, now),
        });
        return done;
      }
      await kube.patchObject(ref, { metadata: { finalizers: withoutFinalizer(finalizers, handling.finalizer) } });
      const chain = sdkErrorChain(handling.createOperation, createError.code, createError.message);
      await kube.patchStatus(ref, {
        ackResourceMetadata: resourceMetadata(location),
        conditions: recoverableUnobserved(createError.apiErrorText, chain, now),
      });
      return backoff;
    }
  }

  if (comparable(resource.spec) !== comparable(observed.spec)) {
    // Configs and models cannot be updated in SageMaker; ACK's sdkUpdate answers "not implemented".
    await kube.patchStatus(ref, {
      ackResourceMetadata: resourceMetadata(location, observed.arn),
      conditions: terminalUnsynced(messages.notImplemented, now),
    });
    return done;
  }
  if (resource.spec.enableNetworkIsolation === undefined) {
    // Late initialisation writes the AWS default into the spec, which bumps generation and reconciles again.
    await kube.patchObject(ref, { spec: { enableNetworkIsolation: observed.spec.enableNetworkIsolation ?? false } });
  }
  await kube.patchStatus(ref, {
    ackResourceMetadata: resourceMetadata(location, observed.arn),
    conditions: immutableSynced(now),
  });
  return requeueAfter(context.immutableResyncMs);
}
