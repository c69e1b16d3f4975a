import 'server-only';
import { AppError } from '../http/app-error';
import { kubeRequest } from '../k8s/kube-request';
import { serverKubeConfig } from '../k8s/server-kube-config';

/** Who the API server says a bearer token belongs to (SelfSubjectReview); 401 when it refuses the token. */
export async function reviewToken(token: string): Promise<{ user: string; groups: string[] }> {
  const review = await kubeRequest<{ status?: { userInfo?: { username?: string; groups?: string[] } } }>(
    serverKubeConfig(),
    { kind: 'token', token },
    {
      method: 'POST',
      path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
      body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      timeoutMs: 5000,
    },
  ).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'unauthenticated')
      throw new AppError('unauthenticated', 'The cluster did not accept this token.');
    throw error;
  });
  const user = review.status?.userInfo?.username;
  if (!user) throw new AppError('unauthenticated', 'The cluster did not say who this token belongs to.');
  return { user, groups: review.status?.userInfo?.groups ?? [] };
}
