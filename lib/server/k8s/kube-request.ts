import 'server-only';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { AppError } from '../http/app-error';
import { recordApiServerRequest } from '../metrics/record';
import { statusToAppError } from './status-to-app-error';

/** Who a request to the API server acts as. Headers from the browser are never forwarded. */
export type KubeCredentials =
  | { kind: 'server' }
  | { kind: 'token'; token: string }
  /** A bearer fetched for each call: an oidc session's ID token, refreshed on the server before it expires. */
  | { kind: 'bearer'; token: () => Promise<string> }
  | { kind: 'impersonate'; user: string; groups: string[] }
  | { kind: 'kubeconfig'; kubeConfig: KubeConfig };

export interface KubeRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 8000;
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** The KubeConfig a request authenticates with: the server's own, or its cluster with the user's token. */
function kubeConfigFor(server: KubeConfig, credentials: Exclude<KubeCredentials, { kind: 'bearer' }>): KubeConfig {
  if (credentials.kind === 'kubeconfig') return credentials.kubeConfig;
  if (credentials.kind !== 'token') return server;
  const cluster = server.getCurrentCluster();
  if (!cluster) throw new Error('the server kubeconfig has no current cluster');
  const user = new KubeConfig();
  user.loadFromOptions({
    clusters: [cluster],
    users: [{ name: 'caller', token: credentials.token }],
    contexts: [{ name: 'caller', cluster: cluster.name, user: 'caller' }],
    currentContext: 'caller',
  });
  return user;
}

/**
 * One call to the API server, with a deadline. The caller's identity is whatever `credentials` says, never
 * taken from the incoming request. Impersonation sends one Impersonate-Group line per group, which the
 * generated client cannot express, so these calls go through node:https with the KubeConfig's TLS and auth.
 * Failures become AppErrors: the API server's Status is mapped through, an unreachable server is 503 and a
 * hung one 504.
 */
export async function kubeRequest<T>(server: KubeConfig, credentials: KubeCredentials, call: KubeRequest): Promise<T> {
  const kubeConfig = kubeConfigFor(
    server,
    credentials.kind === 'bearer' ? { kind: 'token', token: await credentials.token() } : credentials,
  );
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('no current cluster in kubeconfig');
  // Keep any path prefix of the server URL (some clusters sit behind a proxy at /k8s/clusters/<id>).
  const url = new URL(`${cluster.server.replace(/\/+$/, '')}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {}))
    if (value !== undefined) url.searchParams.set(key, value);
  const options: RequestOptions = { method: call.method, headers: { Accept: 'application/json' } };
  await kubeConfig.applyToHTTPSOptions(options);
  const headers = options.headers as Record<string, string | string[]>;
  if (credentials.kind === 'impersonate') {
    headers['Impersonate-User'] = credentials.user;
    if (credentials.groups.length > 0) headers['Impersonate-Group'] = credentials.groups;
  }
  const body = call.body === undefined ? undefined : Buffer.from(JSON.stringify(call.body));
  if (body) {
    headers['Content-Type'] = call.contentType ?? 'application/json';
    headers['Content-Length'] = String(body.length);
  }
  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = performance.now();

  return new Promise<T>((resolve, reject) => {
    const req = httpsRequest(url, options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('response too large'));
        else chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = undefined;
        }
        const status = response.statusCode ?? 0;
        recordApiServerRequest(call.method, status, started);
        if (status >= 200 && status < 300) resolve(parsed as T);
        else reject(statusToAppError(status, parsed, response.headers['retry-after']));
      });
    });
    // A hung API server must not hold the caller: abort after the deadline and free the socket.
    const timer = setTimeout(
      () => req.destroy(new AppError('cluster_timeout', `The cluster did not answer within ${timeoutMs / 1000} s.`)),
      timeoutMs,
    );
    req.on('error', (error) => {
      clearTimeout(timer);
      recordApiServerRequest(call.method, error instanceof AppError ? 'timeout' : 'unreachable', started);
      reject(error instanceof AppError ? error : new AppError('cluster_unavailable', 'The cluster cannot be reached.'));
    });
    req.end(body);
  });
}
