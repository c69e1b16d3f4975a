import 'server-only';
import type { DeploymentConfigInput } from '@/lib/schemas/deployment-config';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { endpointConfigSchema, type EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';
import { sanitize, type KubeObject } from '../k8s/kube-object';
import { kubeRequest } from '../k8s/kube-request';
import { serverKubeConfig } from '../k8s/server-kube-config';
import { readEndpointAsCaller } from './caller-reads';
import { draftFieldErrors } from './draft-field-path';
import { endpointPatchFor, type EndpointPatch } from './endpoint-patch';
import { sagemakerPath } from './sagemaker-path';

// Status writes bump resourceVersion about every 30 s per Endpoint (docs/ack-behaviour.md §2.6); a few re-reads
// ride those out, anything busier than that is reported.
const MAX_PATCH_ATTEMPTS = 5;

/** Server-side dry run (nothing is stored) or a real write; unknown fields are errors either way. */
const writeQuery = (dryRun: boolean) => ({ fieldValidation: 'Strict', ...(dryRun ? { dryRun: 'All' } : {}) });

/** The API server's 422 with its causes moved to the draft's paths where it has the field. */
function withDraftPaths(error: unknown, written: 'config' | 'endpoint'): unknown {
  if (!(error instanceof AppError) || error.code !== 'invalid') return error;
  return new AppError('invalid', error.message, draftFieldErrors(error.fields, written));
}

function parsed<T>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  object: KubeObject,
  what: string,
): T {
  const result = schema.safeParse(sanitize(object));
  if (!result.success) throw new AppError('internal', `The API server answered with a ${what} of an unexpected shape.`);
  return result.data;
}

/** Creates (or dry-runs creating) an EndpointConfig as the caller. */
export async function createConfigAsCaller(
  identity: Identity,
  object: KubeObject,
  dryRun: boolean,
): Promise<EndpointConfig> {
  try {
    const created = await kubeRequest<KubeObject>(serverKubeConfig(), identity.credentials, {
      method: 'POST',
      path: sagemakerPath(object.metadata.namespace ?? '', 'endpointconfigs'),
      query: writeQuery(dryRun),
      body: object,
    });
    return parsed(endpointConfigSchema, created, 'EndpointConfig');
  } catch (error) {
    throw withDraftPaths(error, 'config');
  }
}

export interface PatchRequest {
  configName: string;
  deploymentConfig: DeploymentConfigInput | undefined;
  baseGeneration: number;
  dryRun: boolean;
  /** The error to throw when the spec changed since the draft's base (a 409 with the endpoint as it is now). */
  staleError: (current: Endpoint) => Promise<Error>;
}

export interface PatchResult {
  endpoint: Endpoint;
  patch: EndpointPatch;
  /** A concurrent request with the same requestId pointed the endpoint at the config first; nothing was patched. */
  alreadyPointed: boolean;
}

/**
 * Points the Endpoint at the config as the caller, with JSON merge patch and the freshest resourceVersion as a
 * precondition. A 409 from the API server means the object changed since it was read: it is read again, and
 * if only its status changed (same generation, as ACK's status writes do) the patch is sent again on the new
 * resourceVersion; if the spec changed, the caller gets `staleError`.
 */
export async function patchEndpointAsCaller(
  identity: Identity,
  endpoint: Endpoint,
  request: PatchRequest,
): Promise<PatchResult> {
  const namespace = endpoint.metadata.namespace ?? '';
  let current = endpoint;
  for (let attempt = 1; ; attempt++) {
    const patch = endpointPatchFor(current, request.configName, request.deploymentConfig);
    try {
      const patched = await kubeRequest<KubeObject>(serverKubeConfig(), identity.credentials, {
        method: 'PATCH',
        path: sagemakerPath(namespace, 'endpoints', current.metadata.name),
        query: writeQuery(request.dryRun),
        body: patch,
        contentType: 'application/merge-patch+json',
      });
      return { endpoint: parsed(endpointSchema, patched, 'Endpoint'), patch, alreadyPointed: false };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict') || attempt >= MAX_PATCH_ATTEMPTS)
        throw withDraftPaths(error, 'endpoint');
    }
    current = await readEndpointAsCaller(identity, namespace, current.metadata.name);
    // Also for a dry run: an apply's own dry run may race a concurrent apply of the same request.
    if (current.spec.endpointConfigName === request.configName)
      return { endpoint: current, patch, alreadyPointed: true };
    if (current.metadata.generation !== request.baseGeneration) throw await request.staleError(current);
  }
}
