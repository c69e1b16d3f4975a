// The API server as someone who signed in at the harness's OpenID provider: their ID token as the bearer.
import { AuthenticationV1Api, KubeConfig } from '@kubernetes/client-node';
import { kubeConfigAs } from './control-plane';

/** A kubeconfig for the harness cluster whose only credential is the given bearer token. */
export function kubeConfigWithToken(token: string): KubeConfig {
  const cluster = kubeConfigAs('admin').getCurrentCluster();
  if (!cluster) throw new Error('the admin kubeconfig has no cluster');
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'oidc', token }],
    contexts: [{ name: 'oidc', cluster: cluster.name, user: 'oidc' }],
    currentContext: 'oidc',
  });
  return kubeConfig;
}

/** Who the API server takes the bearer of this token to be (SelfSubjectReview). */
export async function whoAmI(token: string): Promise<{ username?: string; groups?: string[] }> {
  const review = await kubeConfigWithToken(token)
    .makeApiClient(AuthenticationV1Api)
    .createSelfSubjectReview({ body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
  return review.status?.userInfo ?? {};
}
