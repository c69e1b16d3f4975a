import 'server-only';
import type { z } from 'zod';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import { endpointConfigSchema, type EndpointConfig } from '@/lib/schemas/endpoint-config';
import { modelSchema, type Model } from '@/lib/schemas/model';
import type { Identity } from '../auth/identity';
import { AppError } from '../http/app-error';
import { sanitize, type KubeObject } from '../k8s/kube-object';
import { kubeRequest } from '../k8s/kube-request';
import { serverKubeConfig } from '../k8s/server-kube-config';
import { sagemakerPath, type SagemakerPlural } from './sagemaker-path';

const PAGE = 500;

/**
 * The Endpoint as the API server holds it now, read as the caller (not from the shared cache: a rollout is
 * based on the freshest generation and resourceVersion). A refusal is the API server's 403; a missing
 * endpoint is 404.
 */
export async function readEndpointAsCaller(identity: Identity, namespace: string, name: string): Promise<Endpoint> {
  let object: KubeObject;
  try {
    object = await kubeRequest<KubeObject>(serverKubeConfig(), identity.credentials, {
      method: 'GET',
      path: sagemakerPath(namespace, 'endpoints', name),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found')
      throw new AppError('not_found', `There is no SageMaker endpoint ${namespace}/${name}.`);
    throw error;
  }
  const parsed = endpointSchema.safeParse(sanitize(object));
  if (!parsed.success)
    throw new AppError(
      'internal',
      `The Endpoint ${namespace}/${name} in the cluster does not have the expected shape.`,
    );
  return parsed.data;
}

/** Every object of a kind in the namespace, listed as the caller page by page; objects that do not parse are left out. */
async function listAsCaller<T>(
  identity: Identity,
  namespace: string,
  plural: SagemakerPlural,
  schema: z.ZodType<T>,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined;
  do {
    const page = await kubeRequest<{ items?: KubeObject[]; metadata?: { continue?: string } }>(
      serverKubeConfig(),
      identity.credentials,
      {
        method: 'GET',
        path: sagemakerPath(namespace, plural),
        query: { limit: String(PAGE), continue: next },
      },
    );
    for (const object of page.items ?? []) {
      const parsed = schema.safeParse(sanitize(object));
      if (parsed.success) items.push(parsed.data);
    }
    next = page.metadata?.continue || undefined;
  } while (next);
  return items;
}

/** The EndpointConfigs of a namespace, as the caller may list them. */
export const listConfigsAsCaller = (identity: Identity, namespace: string): Promise<EndpointConfig[]> =>
  listAsCaller(identity, namespace, 'endpointconfigs', endpointConfigSchema);

/** The Models of a namespace, as the caller may list them. */
export const listModelsAsCaller = (identity: Identity, namespace: string): Promise<Model[]> =>
  listAsCaller(identity, namespace, 'models', modelSchema);

/** One EndpointConfig by object name as the caller, or undefined when there is none. */
export async function readConfigAsCaller(
  identity: Identity,
  namespace: string,
  name: string,
): Promise<EndpointConfig | undefined> {
  try {
    const object = await kubeRequest<KubeObject>(serverKubeConfig(), identity.credentials, {
      method: 'GET',
      path: sagemakerPath(namespace, 'endpointconfigs', name),
    });
    const parsed = endpointConfigSchema.safeParse(sanitize(object));
    if (!parsed.success)
      throw new AppError(
        'internal',
        `The EndpointConfig ${namespace}/${name} in the cluster does not have the expected shape.`,
      );
    return parsed.data;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return undefined;
    throw error;
  }
}
