import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { reconnectBackoff } from '@/lib/backoff';
import { serverConfig } from '../config';
import { AppError } from '../http/app-error';
import { withCorrelationId } from '../http/correlation';
import { fleetStore } from '../k8s/fleet-store';
import type { KubeObject } from '../k8s/kube-object';
import { kubeRequest } from '../k8s/kube-request';
import { ResourceCache } from '../k8s/resource-cache';
import { serverKubeConfig } from '../k8s/server-kube-config';
import { log as logger } from '../log/logger';
import { readRevocations, revokes, withRevocation, type RevocationData, type Revocations } from './revocation-list';

/** The one object Fleetdeck's role may read and write in its namespace (deploy/rbac/fleetdeck-server-sessions.yaml). */
export const REVOKED_SESSIONS_CONFIGMAP = 'fleetdeck-revoked-sessions';

/**
 * The correlation id the watch of the list logs under. It runs for the life of the process, so it must not
 * carry the id of whichever request happened to start it.
 */
export const REVOCATION_WATCH_ID = 'revocation-watch';

const WRITE_ATTEMPTS = 6;
const log = (message: string) => logger.warn(message);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ConfigMap = KubeObject & { data?: RevocationData };

/**
 * The signed-out sessions every replica refuses, shared through one ConfigMap that each replica watches. What a
 * replica has seen (or written itself) stays revoked until the session would have ended anyway: entries are
 * only ever added, so a watch that is down leaves the list stale, never shorter.
 */
export class RevocationStore {
  private readonly revoked: Revocations = { entries: new Map(), allEndingBy: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly cache: ResourceCache;
  private readonly path: string;

  constructor(
    private readonly kubeConfig: KubeConfig,
    namespace: string,
    private readonly maxEntries: number,
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
    // The watch and its retries log under their own id, wherever the store was first asked for.
    withCorrelationId(REVOCATION_WATCH_ID, () => this.cache.start());
    // When the cluster answers again, watch again at once: a sign-out elsewhere must not wait out a backoff.
    fleetStore().probe.onChange((reachable) => {
      if (reachable) withCorrelationId(REVOCATION_WATCH_ID, () => this.cache.retryNow());
    });
  }

  /** Throws 503 until the list has been read once: until then this replica cannot tell a signed-out session. */
  assertSynced(): void {
    if (!this.cache.hasSynced) {
      throw new AppError(
        'cluster_unavailable',
        'Fleetdeck has not yet read the list of signed-out sessions from the cluster; try again in a moment.',
        undefined,
        { 'Retry-After': '2' },
      );
    }
  }

  /** Waits (a few seconds at most) for the first read of the list; 503 until then, never an unchecked session. */
  async ready(waitMs = 5000): Promise<void> {
    const deadline = Date.now() + waitMs;
    while (!this.cache.hasSynced && Date.now() < deadline) await pause(50);
    this.assertSynced();
  }

  /**
   * Whether session `sid`, which ends at `endsAt` (ms), was signed out, here or on any replica whose sign-out
   * this one has seen: listed, or older than the epoch the list moved to when it was full.
   */
  isRevoked(sid: string, endsAt: number): boolean {
    return revokes(this.revoked, sid, endsAt, Date.now());
  }

  /** Calls `listener` whenever sessions are revoked from now on; ask isRevoked which. */
  onRevoked(listener: () => void): () => void {
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
        const { data, newEpoch } = withRevocation(current.data, sid, until, Date.now(), this.maxEntries);
        await kubeRequest(this.kubeConfig, { kind: 'server' }, { method: 'PUT', path, body: { ...current, data } });
        if (newEpoch !== undefined) {
          // Everyone signed in before a point just lost their session: the operator should know why.
          log(
            `ConfigMap ${REVOKED_SESSIONS_CONFIGMAP} reached ${this.maxEntries} entries: every session ending by ${new Date(newEpoch).toISOString()} is now signed out`,
          );
        }
        this.absorb(readRevocations(data));
        return;
      } catch (error) {
        const retry =
          error instanceof AppError && ['conflict', 'cluster_unavailable', 'cluster_timeout'].includes(error.code);
        if (!retry || attempt === WRITE_ATTEMPTS) throw signOutNotRecorded(error);
        await pause(Math.random() * 100 * attempt);
      }
    }
  }

  private absorb(incoming: Revocations): void {
    const now = Date.now();
    const known = this.revoked;
    let changed = false;
    if (incoming.allEndingBy > known.allEndingBy) {
      known.allEndingBy = incoming.allEndingBy;
      changed = true;
    }
    // Sessions that would have ended anyway, or that the epoch covers, need no entry: a replica that runs for
    // months stays small.
    for (const [sid, until] of known.entries) if (until < now || until <= known.allEndingBy) known.entries.delete(sid);
    for (const [sid, until] of incoming.entries) {
      if (until < now || until <= known.allEndingBy || known.entries.has(sid)) continue;
      known.entries.set(sid, until);
      changed = true;
    }
    if (changed) for (const listener of this.listeners) listener();
  }
}

// The operator needs the API server's own answer (a missing object or role is an installation fault); the
// person signing out needs to know the session still works.
function signOutNotRecorded(error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  log(`sign-out not recorded in ConfigMap ${REVOKED_SESSIONS_CONFIGMAP}: ${reason}`);
  return new AppError(
    'cluster_unavailable',
    'Signing out could not be recorded, so the session still works; try again.',
  );
}

const holder = globalThis as typeof globalThis & { __fleetdeckRevocations?: RevocationStore };

/**
 * The process's revocation list (on globalThis: route bundles do not share modules). Started at boot by
 * instrumentation.ts in token mode, so readiness can wait for it; any first use starts it too.
 */
export function revocationStore(): RevocationStore {
  const config = serverConfig();
  holder.__fleetdeckRevocations ??= new RevocationStore(
    serverKubeConfig(),
    config.FLEETDECK_NAMESPACE,
    config.FLEETDECK_REVOKED_SESSIONS_MAX,
  );
  return holder.__fleetdeckRevocations;
}

/** Whether this server's callers sign in to sessions of its own (token and oidc modes), which sign-out revokes. */
export const hasSessions = () => ['token', 'oidc'].includes(serverConfig().FLEETDECK_AUTH_MODE);

/** Starts watching the list now (at boot), not at the first session cookie. Other modes have no sessions. */
export function startRevocationWatch(): void {
  if (hasSessions()) revocationStore();
}

/** Throws 503 until this replica has read the list once, where there are sessions; readiness waits for it. */
export function assertRevocationsSynced(): void {
  if (hasSessions()) revocationStore().assertSynced();
}
