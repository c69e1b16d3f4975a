import 'server-only';
import { kubeRequest } from '../k8s/kube-request';
import { serverKubeConfig } from '../k8s/server-kube-config';

/** The ValidatingAdmissionPolicy that refuses forged `fleetdeck.io/created-by` (deploy/admission/). */
export const authorshipPolicyName = 'fleetdeck-authorship';

const TTL_MS = 3 * 60_000;
// On globalThis so every route bundle of the process shares one answer.
const holder = globalThis as typeof globalThis & {
  __fleetdeckAuthorshipPolicy?: { installed: Promise<boolean>; at: number };
};

/**
 * Whether the API server vouches for rollout authors: the authorship policy exists, read as Fleetdeck's own
 * identity (which may get that one policy by name) and kept for three minutes. Any failure to read it (absent,
 * not allowed, unreachable) counts as not installed, so authorship is shown unverified rather than the page failing.
 */
export function authorshipPolicyInstalled(): Promise<boolean> {
  const cached = holder.__fleetdeckAuthorshipPolicy;
  if (cached && Date.now() - cached.at < TTL_MS) return cached.installed;
  const installed = kubeRequest<{ metadata?: { name?: string } }>(
    serverKubeConfig(),
    { kind: 'server' },
    {
      method: 'GET',
      path: `/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies/${authorshipPolicyName}`,
      timeoutMs: 5000,
    },
  ).then(
    (policy) => policy.metadata?.name === authorshipPolicyName,
    () => false,
  );
  holder.__fleetdeckAuthorshipPolicy = { installed, at: Date.now() };
  return installed;
}
