import 'server-only';
import type { Identity } from './identity';
import { kubeRequest } from '../k8s/kube-request';
import { recordAccessReview } from '../metrics/record';
import { serverKubeConfig } from '../k8s/server-kube-config';

export interface AccessQuestion {
  verb: string;
  resource: string;
  group: string;
  /** Empty string: in every namespace. */
  namespace: string;
}

const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;
// On globalThis so every route bundle of the process shares one cache and one count.
const holder = globalThis as typeof globalThis & {
  __fleetdeckAccess?: Map<string, { allowed: Promise<boolean>; at: number }>;
};
holder.__fleetdeckAccess ??= new Map();
const answers = holder.__fleetdeckAccess;

/**
 * Whether the caller may do something, asked of the API server as the caller (SelfSubjectAccessReview).
 * Answers are kept per identity for 30 s, so a page does not ask on every request and a revoked right is
 * noticed within 30 s. Used to decide what to serve from the shared cache; writes are always checked by the
 * API server itself.
 */
export function isAllowed(
  identity: Identity,
  question: AccessQuestion,
  options: { fresh?: boolean } = {},
): Promise<boolean> {
  const key = `${identity.key}|${question.verb}|${question.group}|${question.resource}|${question.namespace}`;
  const cached = answers.get(key);
  const hit = !options.fresh && cached !== undefined && Date.now() - cached.at < TTL_MS;
  recordAccessReview(hit ? 'hit' : options.fresh ? 'bypass' : 'miss');
  if (hit) return cached.allowed;
  if (answers.size >= MAX_ENTRIES) answers.delete(answers.keys().next().value!);
  const allowed = kubeRequest<{ status?: { allowed?: boolean } }>(serverKubeConfig(), identity.credentials, {
    method: 'POST',
    path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { ...question, ...(question.namespace ? {} : { namespace: '' }) } },
    },
    timeoutMs: 5000,
  }).then((review) => review.status?.allowed === true);
  answers.set(key, { allowed, at: Date.now() });
  // A failed review is not an answer: forget it so the next request asks again.
  allowed.catch(() => answers.delete(key));
  return allowed;
}

export const endpointsQuestion = (verb: string, namespace: string): AccessQuestion => ({
  verb,
  resource: 'endpoints',
  group: 'sagemaker.services.k8s.aws',
  namespace,
});
