import type { AckCondition } from '../../lib/schemas/ack';
import { endpointSchema, type Endpoint } from '../../lib/schemas/endpoint';
import { endpointKind } from '../../lib/schemas/resource-kinds';
import type { EndpointDescription } from '../sagemaker/describe-endpoint';
import { isNotFound, SageMakerError, terminalCodes } from '../sagemaker/errors';
import type { AwsLocation } from '../sagemaker/names';
import { canonicalJson } from './canonical-json';
import { conditionTypes, recoverableUnobserved, stamped, terminalUnsynced, withReady } from './conditions';
import {
  deferredConditions,
  deletingConditions,
  modifyingStatuses,
  observedConditions,
  refusedConditions,
  updateErrorConditions,
  cannotModify,
} from './endpoint-conditions';
import { withFinalizer, withoutFinalizer, alreadyExistsConditions } from './finalizers';
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

export const endpointFinalizer = 'finalizers.sagemaker.services.k8s.aws/Endpoint';
export const lastConfigForUpdateAnnotation = 'sagemaker.services.k8s.aws/last-endpoint-config-for-update';

// Internal service errors stay retryable: the pre-check ignores failure reasons with this prefix (hooks.go:44).
const SERVICE_ERROR_PREFIX = 'Request to service failed';

/** The status ACK writes from a DescribeEndpoint: every field copied, absent ones removed with null. */
function statusFrom(description: EndpointDescription, location: AwsLocation, conditions: AckCondition[]) {
  return {
    ackResourceMetadata: resourceMetadata(location, description.endpointArn),
    endpointStatus: description.endpointStatus,
    failureReason: description.failureReason ?? null,
    creationTime: description.creationTime,
    lastModifiedTime: description.lastModifiedTime,
    productionVariants: description.productionVariants ?? null,
    pendingDeploymentSummary: description.pendingDeploymentSummary ?? null,
    conditions,
  };
}

/** Only endpointConfigName and deploymentConfig reach AWS; tags are never compared (docs/ack-behaviour.md §2.1). */
function specDiffers(endpoint: Endpoint, described: EndpointDescription): { configName: boolean; any: boolean } {
  const configName = endpoint.spec.endpointConfigName !== described.endpointConfigName;
  const deploymentConfig =
    canonicalJson(endpoint.spec.deploymentConfig ?? null) !== canonicalJson(described.lastDeploymentConfig ?? null);
  return { configName, any: configName || deploymentConfig };
}

/** One reconcile of an Endpoint, as the ACK runtime and the sagemaker-controller hooks do it. */
export async function reconcileEndpoint(
  context: ReconcileContext,
  namespace: string,
  name: string,
): Promise<ReconcileResult> {
  const ref: ObjectRef = { kind: endpointKind, namespace, name };
  const read = await readForReconcile(context, ref, endpointSchema);
  if ('result' in read) return read.result;
  const { resource: endpoint, location } = read;
  if (endpoint.metadata.deletionTimestamp) return deleteEndpoint(context, ref, endpoint, location);
  return syncEndpoint(context, ref, endpoint, location);
}

async function syncEndpoint(
  context: ReconcileContext,
  ref: ObjectRef,
  endpoint: Endpoint,
  location: AwsLocation,
): Promise<ReconcileResult> {
  const now = rfc3339(context.now());
  const { sagemaker, kube } = context;
  let described: EndpointDescription;
  try {
    described = sagemaker.describeEndpoint(location, endpoint.spec.endpointName);
  } catch (error) {
    if (isNotFound(error)) return createEndpoint(context, ref, endpoint, location);
    if (!(error instanceof SageMakerError)) throw error;
    // C11: only the conditions change; every other status field keeps what the last Describe wrote.
    const chain = sdkErrorChain('DescribeEndpoint', error.code, error.message);
    await kube.patchStatus(ref, {
      ackResourceMetadata: resourceMetadata(location),
      conditions: recoverableUnobserved(error.apiErrorText, chain, now),
    });
    return backoff;
  }

  if (!endpoint.metadata.finalizers?.includes(endpointFinalizer)) {
    // An endpoint of this name exists in AWS but this CR never created it (C13).
    await kube.patchStatus(ref, {
      ackResourceMetadata: resourceMetadata(location),
      conditions: alreadyExistsConditions(now),
    });
    return done;
  }

  const delta = specDiffers(endpoint, described);
  const status = described.endpointStatus;
  if (!delta.any) {
    await kube.patchStatus(ref, statusFrom(described, location, withReady(observedConditions(status, now), now)));
    return requeueAfter(context.endpointResyncMs);
  }
  if (modifyingStatuses.has(status)) {
    await kube.patchStatus(ref, statusFrom(described, location, deferredConditions(status, now)));
    return requeueAfter(context.endpointResyncMs);
  }
  const lastSubmitted = endpoint.metadata.annotations?.[lastConfigForUpdateAnnotation];
  const sameConfigFailed =
    described.failureReason !== undefined &&
    lastSubmitted !== undefined &&
    !described.failureReason.startsWith(SERVICE_ERROR_PREFIX) &&
    delta.configName &&
    endpoint.spec.endpointConfigName === lastSubmitted;
  if (status === 'Failed' || sameConfigFailed) {
    await kube.patchStatus(
      ref,
      statusFrom(described, location, refusedConditions(status, described.endpointConfigName, now)),
    );
    return done;
  }

  try {
    sagemaker.updateEndpoint(location, {
      endpointName: endpoint.spec.endpointName,
      endpointConfigName: endpoint.spec.endpointConfigName,
      deploymentConfig: endpoint.spec.deploymentConfig,
    });
  } catch (error) {
    if (!(error instanceof SageMakerError)) throw error;
    const terminal = terminalCodes.has(error.code);
    await kube.patchStatus(
      ref,
      statusFrom(described, location, updateErrorConditions(status, error.apiErrorText, terminal, now)),
    );
    return terminal ? done : backoff;
  }
  await kube.patchObject(ref, {
    metadata: { annotations: { [lastConfigForUpdateAnnotation]: endpoint.spec.endpointConfigName } },
  });
  // The rest of the status stays as it was until the next Describe (docs/ack-behaviour.md §6.1 step 4).
  const synced = stamped(conditionTypes.synced, 'False', 'Endpoint is in Updating status.', now);
  await kube.patchStatus(ref, {
    ackResourceMetadata: resourceMetadata(location, described.endpointArn),
    endpointStatus: 'Updating',
    conditions: withReady([synced], now),
  });
  return requeueAfter(context.endpointResyncMs);
}

async function createEndpoint(
  context: ReconcileContext,
  ref: ObjectRef,
  endpoint: Endpoint,
  location: AwsLocation,
): Promise<ReconcileResult> {
  const now = rfc3339(context.now());
  const { kube, sagemaker } = context;
  // The finalizer goes on in its own patch before the Create call (docs/ack-behaviour.md §5.4).
  const finalizers = withFinalizer(endpoint.metadata.finalizers, endpointFinalizer);
  // No Create without the finalizer in place: an AWS endpoint nobody tracks would be orphaned.
  if (finalizers && !(await kube.patchObject(ref, { metadata: { finalizers } }))) return done;
  try {
    sagemaker.createEndpoint(location, {
      endpointName: endpoint.spec.endpointName,
      endpointConfigName: endpoint.spec.endpointConfigName,
      deploymentConfig: endpoint.spec.deploymentConfig,
    });
  } catch (error) {
    if (!(error instanceof SageMakerError)) throw error;
    if (terminalCodes.has(error.code)) {
      await kube.patchStatus(ref, {
        ackResourceMetadata: resourceMetadata(location),
        conditions: terminalUnsynced(error.apiErrorText, now),
      });
      return done;
    }
    // A recoverable AWS error on create takes the finalizer off again (C9).
    await kube.patchObject(ref, {
      metadata: { finalizers: withoutFinalizer(endpoint.metadata.finalizers, endpointFinalizer) },
    });
    const chain = sdkErrorChain('CreateEndpoint', error.code, error.message);
    await kube.patchStatus(ref, {
      ackResourceMetadata: resourceMetadata(location),
      conditions: recoverableUnobserved(error.apiErrorText, chain, now),
    });
    return backoff;
  }
  const described = sagemaker.describeEndpoint(location, endpoint.spec.endpointName);
  await kube.patchStatus(
    ref,
    statusFrom(described, location, withReady(observedConditions(described.endpointStatus, now), now)),
  );
  return requeueAfter(context.endpointResyncMs);
}

async function deleteEndpoint(
  context: ReconcileContext,
  ref: ObjectRef,
  endpoint: Endpoint,
  location: AwsLocation,
): Promise<ReconcileResult> {
  const { kube, sagemaker } = context;
  const now = rfc3339(context.now());
  if (!endpoint.metadata.finalizers?.includes(endpointFinalizer)) return done;
  const removeFinalizer = () =>
    kube.patchObject(ref, {
      metadata: { finalizers: withoutFinalizer(endpoint.metadata.finalizers, endpointFinalizer) },
    });
  if (retainOnDelete(endpoint.metadata, context.namespaces.of(ref.namespace))) {
    await removeFinalizer();
    return done;
  }
  let described: EndpointDescription;
  try {
    described = sagemaker.describeEndpoint(location, endpoint.spec.endpointName);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await removeFinalizer();
    return done;
  }
  const previous = endpoint.status?.conditions ?? [];
  if (modifyingStatuses.has(described.endpointStatus)) {
    const conditions = deletingConditions(
      previous,
      described.endpointStatus,
      cannotModify(described.endpointStatus),
      now,
    );
    await kube.patchStatus(ref, statusFrom(described, location, conditions));
    return requeueAfter(context.endpointResyncMs);
  }
  sagemaker.deleteEndpoint(location, endpoint.spec.endpointName);
  const deleting = sagemaker.describeEndpoint(location, endpoint.spec.endpointName);
  await kube.patchStatus(
    ref,
    statusFrom(deleting, location, deletingConditions(previous, 'Deleting', 'Endpoint is Deleting.', now)),
  );
  return requeueAfter(context.endpointResyncMs);
}
