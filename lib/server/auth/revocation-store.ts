import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { reconnectBackoff } from '@/lib/backoff';
import { serverConfig } from '../config';
import { AppError } from '../http/app-error';
import { correlationId } from '../http/correlation';
import { fleetStore } from '../k8s/fleet-store';
import type { KubeObject } from '../k8s/kube-object';
import { kubeRequest } from '../k8s/kube-request';
import { ResourceCache } from '../k8s/resource-cache';
import { serverKubeConfig } from '../k8s/server-kube-config';
import { readRevocations, withRevocation, type RevocationData } from './revocation-list';

/** The one object Fleetdeck's role may read and write in its namespace (deploy/rbac/fleetdeck-server-sessions.yaml). */
export const REVOKED_SESSIONS_CONFIGMAP = 'fleetdeck-revoked-sessions';

const WRITE_ATTEMPTS = 6;
const log = (message: string) => console.warn(`[fleetdeck] ${message}`);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ConfigMap = KubeObject & { data?: RevocationData };

/**
 * The signed-out sessions every replica refuses, shared through one ConfigMap that each replica watches. What a
 * replica has seen (or written itself) stays revoked until the session would have ended anyway: entries are
 * only ever added, so a watch that is down leaves the list stale, never shorter.
 */
export class RevocationStore {
  private readonly revoked = new Map<string, number>();
  private readonly listeners = new Set<(sid: string) => void>();
  private readonly cache: ResourceCache;
  private readonly path: string;

  constructor(
    private readonly kubeConfig: KubeConfig,
    namespace: string,
  ) {
    this.path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/configmaps`;
    // The field selector makes list and watch name the object, which a Role limited by resourceNames allows.
    this.cache = new ResourceCache({
      kubeConfig,
      path: this.path,
      fieldSelector: `metadata.name=${REVOKED_SESSIONS_CONFIGMAP}`,
      renewSeconds: 300,
      idleMs: 150_000,
      backoff: reconnectBackoff,
      log,
    });
    this.cache.onChange((change) => {
      if (change.type !== 'DELETED') this.absorb(readRevocations((change.object as ConfigMap).data));
    });
    this.cache.start();
    // When the cluster answers again, watch again at once: a sign-out elsewhere must not wait out a backoff.
    fleetStore().probe.onChange((reachable) => {
      if (reachable) this.cache.retryNow();
    });
  }

  /** Waits (a few seconds at most) for the first read of the list; 503 until then, never an unchecked session. */
  async ready(waitMs = 5000): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (!this.cache.hasSynced && Date.now() < deadline) await pause(50);
    if (!this.cache.hasSynced) {
      throw new AppError(
        'cluster_unavailable',
        'Fleetdeck cannot check for signed-out sessions right now; try again in a moment.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
  }

  /** Whether session `sid` was signed out, here or on any replica whose sign-out this one has seen. */
  isRevoked(sid: string): boolean {
    const until = this.revoked.get(sid);
    if (until === undefined) return false;
    if (until >= Date.now()) return true;
    this.revoked.delete(sid);
    return false;
  }

  /** Calls `listener` with each session id revoked from now on. */
  onRevoked(listener: (sid: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Records that session `sid` is signed out until `until` (ms), when it would have ended anyway: a read, then
   * an update carrying the resourceVersion it read, again on 409 or while the cluster does not answer. This
   * replica refuses the session as soon as the write is accepted; others when their watch delivers it.
   */
  async revoke(sid: string, until: number): Promise<void> {
    const path = `${this.path}/${REVOKED_SESSIONS_CONFIGMAP}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const current = await kubeRequest<ConfigMap>(this.kubeConfig, { kind: 'server' }, { method: 'GET', path });
        const data = withRevocation(current.data, sid, until, Date.now());
        await kubeRequest(this.kubeConfig, { kind: 'server' }, { method: 'PUT', path, body: { ...current, data } });
        this.absorb(new Map([[sid, until]]));
        return;
      } catch (error) {
        const retry =
          error instanceof AppError && ['conflict', 'cluster_unavailable', 'cluster_timeout'].includes(error.code);
        if (!retry || attempt === WRITE_ATTEMPTS) throw signOutNotRecorded(error);
        await pause(Math.random() * 100 * attempt);
      }
    }
  }

  private absorb(entries: Map<string, number>): void {
    const now = Date.now();
    // Sessions that would have ended anyway need no entry: a replica that runs for months stays small.
    for (const [sid, until] of this.revoked) if (until < now) this.revoked.delete(sid);
    for (const [sid, until] of entries) {
      if (until < now || this.revoked.has(sid)) continue;
      this.revoked.set(sid, until);
      for (const listener of this.listeners) listener(sid);
    }
  }
}

// The operator needs the API server's own answer (a missing object or role is an installation fault); the
// person signing out needs to know the session still works.
function signOutNotRecorded(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  log(`[${correlationId()}] sign-out not recorded in ConfigMap ${REVOKED_SESSIONS_CONFIGMAP}: ${reason}`);
  return new AppError(
    'cluster_unavailable',
    'Signing out could not be recorded, so the session still works; try again.',
  );
}

const holder = globalThis as typeof globalThis & { __fleetdeckRevocations?: RevocationStore };

/** The process's revocation list, watched from first use (on globalThis: route bundles do not share modules). */
export function revocationStore(): RevocationStore {
  holder.__fleetdeckRevocations ??= new RevocationStore(serverKubeConfig(), serverConfig().FLEETDECK_NAMESPACE);
  return holder.__fleetdeckRevocations;
}
