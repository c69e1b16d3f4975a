import 'server-only';
import { createHash } from 'node:crypto';
import { KubeConfig } from '@kubernetes/client-node';
import { isLoopbackHost, serverConfig } from '../config';
import type { KubeCredentials } from '../k8s/kube-request';
import { ThrottledLog } from '../http/throttled-log';
import { log } from '../log/logger';
import { oidcSessions } from './oidc/oidc-session-store';
import { readProxyClaim } from './proxy-claim';
import { readSession } from './session-cookie';
import { safeEqual } from './secret-box';

export type AuthMode = 'token' | 'proxy' | 'kubeconfig' | 'oidc';

/** Who is calling, and the credentials Fleetdeck uses to act as them. */
export interface Identity {
  mode: AuthMode;
  user: string;
  groups: string[];
  credentials: KubeCredentials;
  /** Stable, non-secret key for per-identity caches and caps. Two callers never share one. */
  key: string;
  /** What the CSRF token is bound to: the sign-in session, or the proxied user. */
  sessionId: string;
  /** token and oidc modes: when the sign-in session ends at the latest (ms since the epoch). */
  sessionEndsAt?: number;
}

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

let userKubeConfig: KubeConfig | undefined;
function loadUserKubeConfig(): KubeConfig {
  if (!userKubeConfig) {
    const config = serverConfig();
    userKubeConfig = new KubeConfig();
    userKubeConfig.loadFromFile((config.FLEETDECK_USER_KUBECONFIG ?? config.KUBECONFIG)!);
  }
  return userKubeConfig;
}

/** In kubeconfig mode: the user everyone acts as. */
export const kubeconfigUserName = () => loadUserKubeConfig().getCurrentUser()?.name ?? 'kubeconfig user';

function kubeconfigIdentity(): Identity {
  userKubeConfig = loadUserKubeConfig();
  const user = kubeconfigUserName();
  return {
    mode: 'kubeconfig',
    user,
    groups: [],
    credentials: { kind: 'kubeconfig', kubeConfig: userKubeConfig },
    key: hash(`kubeconfig:${user}`),
    sessionId: `kubeconfig:${user}`,
  };
}

/** What identification needs of a request: its URL and headers (a Request, or a page's headers()). */
export type RequestLike = Pick<Request, 'url' | 'headers'>;

/** True when the request reached the server by a loopback host name (the one rule of config.ts). */
export function isLoopbackRequest(request: RequestLike): boolean {
  const host = request.headers.get('host') ?? new URL(request.url).host;
  return isLoopbackHost(new URL(`http://${host}`).hostname);
}

// A proxy or client that keeps sending one bad request would otherwise write a warning per request.
const refusals = new ThrottledLog({
  what: 'proxy identity refused (401)',
  intervalMs: 60_000,
  maxReasons: 100,
  write: (line) => log.warn(line),
});

/** Why a proxy-mode request gets 401, for the operator (once a minute per reason); never the secret itself. */
const refuseProxied = (reason: string): undefined => {
  refusals.warn(reason);
  return undefined;
};

function proxyIdentity(request: RequestLike): Identity | undefined {
  const config = serverConfig();
  const presented = request.headers.get(config.FLEETDECK_PROXY_SECRET_HEADER);
  // Identity headers count only when the proxy proves itself; anyone can send X-Forwarded-User.
  if (!presented || !config.FLEETDECK_PROXY_SECRET || !safeEqual(presented, config.FLEETDECK_PROXY_SECRET)) {
    if (presented || request.headers.has(config.FLEETDECK_PROXY_USER_HEADER))
      return refuseProxied('identity headers without a valid proxy secret');
    return undefined;
  }
  const claim = readProxyClaim(request.headers, {
    userHeader: config.FLEETDECK_PROXY_USER_HEADER,
    groupsHeader: config.FLEETDECK_PROXY_GROUPS_HEADER,
    allowedSystemGroups: config.FLEETDECK_PROXY_ALLOWED_SYSTEM_GROUPS,
  });
  if (!claim.ok) return refuseProxied(claim.reason);
  const { user, groups } = claim;
  const key = hash(JSON.stringify(['proxy', user, [...groups].sort()]));
  return { mode: 'proxy', user, groups, credentials: { kind: 'impersonate', user, groups }, key, sessionId: key };
}

/**
 * The caller of a request, or undefined when there is none (401). Only Fleetdeck's own session cookie of this
 * server's mode (unless signed out on any replica), the proxy's authenticated headers or the configured
 * kubeconfig count; nothing else the client sends does.
 */
export async function identify(request: RequestLike): Promise<Identity | undefined> {
  const mode = serverConfig().FLEETDECK_AUTH_MODE;
  if (mode === 'proxy') return proxyIdentity(request);
  if (mode === 'kubeconfig') {
    if (!isLoopbackRequest(request) && !serverConfig().FLEETDECK_KUBECONFIG_ALLOW_REMOTE) return undefined;
    return kubeconfigIdentity();
  }
  const session = await readSession(request);
  if (!session) return undefined;
  const common = {
    user: session.user,
    groups: session.groups,
    sessionId: session.sid,
    sessionEndsAt: session.expiresAt,
  };
  if (mode === 'oidc') {
    // The ID token stays on the server; each call to the API server asks for it, refreshed when due.
    if (session.token) return undefined;
    const sid = session.sid;
    return {
      mode,
      ...common,
      credentials: { kind: 'bearer', token: () => oidcSessions().bearer(sid) },
      key: hash(`oidc:${sid}`),
    };
  }
  if (!session.token) return undefined;
  return { mode, ...common, credentials: { kind: 'token', token: session.token }, key: hash(`token:${session.token}`) };
}
