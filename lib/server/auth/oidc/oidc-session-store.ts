import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { serverConfig } from '../../config';
import { AppError } from '../../http/app-error';
import type { KubeObject } from '../../k8s/kube-object';
import { kubeRequest } from '../../k8s/kube-request';
import { serverKubeConfig } from '../../k8s/server-kube-config';
import { log } from '../../log/logger';
import { fleetdeckMetrics } from '../../metrics/registry';
import { revocationStore } from '../revocation-store';
import { seal, unseal } from '../secret-box';
import { refreshTokens, type SessionTokens } from './provider-client';
import { providerRefused } from './sign-in-problems';
import { refreshDueAt } from './refresh-due';

// Each oidc session's tokens live in a Secret of Fleetdeck's namespace, sealed with the session secret: every
// replica reads the same tokens, so a refresh on one serves all, and nothing that must last is kept in memory
// (docs/decisions/007-oidc-sessions.md). deploy/rbac/fleetdeck-server-sessions.yaml grants what this needs.
export const SESSION_SECRET_PREFIX = 'fleetdeck-oidc-';
export const SESSION_LABEL = 'fleetdeck.io/oidc-session';
const ENDS_AT = 'fleetdeck.io/ends-at';
/** When the current ID token was issued (ms): not secret, and tells an operator when a session last refreshed. */
export const TOKEN_ISSUED_AT = 'fleetdeck.io/token-issued-at';
const REFRESHING_UNTIL = 'fleetdeck.io/refreshing-until';
const REFRESHING_BY = 'fleetdeck.io/refreshing-by';

/** How long a replica may hold the right to refresh: longer than a refresh may take (provider timeout 10 s). */
const REFRESH_LEASE_MS = 20_000;
const LEASE_POLL_MS = 250;
/** Sessions whose tokens a replica keeps in memory at most; more are read from their Secrets again. */
const KNOWN_MAX = 10_000;

const tokensSchema = z.object({
  idToken: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
  refreshToken: z.string().optional(),
});

type SessionSecret = KubeObject & { data?: { tokens?: string } };

interface StoredSession {
  tokens: SessionTokens;
  endsAt: number;
  resourceVersion: string;
  leaseUntil: number;
  leaseBy?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const server = () => ({ kubeConfig: serverKubeConfig(), credentials: { kind: 'server' } as const });

export const sessionEnded = (message = 'Your sign-in has ended; sign in again.') =>
  new AppError('unauthenticated', message);

/**
 * The tokens of every oidc session, in Kubernetes. The ID token a request sends is refreshed once, shortly
 * before it expires, however many requests and streams need it: one promise per session in this replica, and
 * a lease in the Secret (written with the resourceVersion read, so only one replica wins it) across replicas.
 */
export class OidcSessionStore {
  private readonly known = new Map<string, SessionTokens>();
  private readonly pending = new Map<string, Promise<string>>();
  private readonly replica = randomUUID();

  constructor(private readonly namespace: string) {}

  private path(sid?: string): string {
    const secrets = `/api/v1/namespaces/${encodeURIComponent(this.namespace)}/secrets`;
    return sid === undefined ? secrets : `${secrets}/${SESSION_SECRET_PREFIX}${sid}`;
  }

  private remember(sid: string, tokens: SessionTokens): void {
    this.known.delete(sid);
    this.known.set(sid, tokens);
    // Oldest first: Map keeps insertion order.
    if (this.known.size > KNOWN_MAX) this.known.delete(this.known.keys().next().value!);
  }

  private secret(sid: string, tokens: SessionTokens, endsAt: number, lease?: { until: number; by: string }) {
    const annotations: Record<string, string> = {
      [ENDS_AT]: String(endsAt),
      [TOKEN_ISSUED_AT]: String(tokens.issuedAt),
    };
    if (lease) {
      annotations[REFRESHING_UNTIL] = String(lease.until);
      annotations[REFRESHING_BY] = lease.by;
    }
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      type: 'Opaque',
      metadata: {
        name: `${SESSION_SECRET_PREFIX}${sid}`,
        namespace: this.namespace,
        labels: { [SESSION_LABEL]: 'true', 'app.kubernetes.io/managed-by': 'fleetdeck' },
        annotations,
      },
      data: { tokens: Buffer.from(seal(tokens)).toString('base64') },
    };
  }

  /** Keeps a new session's tokens until `endsAt` (ms). */
  async create(sid: string, tokens: SessionTokens, endsAt: number): Promise<void> {
    const { kubeConfig, credentials } = server();
    await kubeRequest(kubeConfig, credentials, {
      method: 'POST',
      path: this.path(),
      body: this.secret(sid, tokens, endsAt),
    });
    this.remember(sid, tokens);
  }

  private async read(sid: string): Promise<StoredSession | undefined> {
    const { kubeConfig, credentials } = server();
    const secret = await kubeRequest<SessionSecret>(kubeConfig, credentials, {
      method: 'GET',
      path: this.path(sid),
    }).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    const sealed = secret?.data?.tokens;
    const tokens = sealed ? tokensSchema.safeParse(unseal(Buffer.from(sealed, 'base64').toString('utf8'))) : undefined;
    // Sealed with another session secret, or not ours: as good as gone.
    if (!secret || !tokens?.success) return undefined;
    const annotations = secret.metadata.annotations ?? {};
    return {
      tokens: tokens.data,
      endsAt: Number(annotations[ENDS_AT] ?? 0),
      resourceVersion: secret.metadata.resourceVersion ?? '',
      leaseUntil: Number(annotations[REFRESHING_UNTIL] ?? 0),
      leaseBy: annotations[REFRESHING_BY],
    };
  }

  private async write(
    sid: string,
    stored: StoredSession,
    tokens: SessionTokens,
    lease?: { until: number; by: string },
  ) {
    const { kubeConfig, credentials } = server();
    const body = this.secret(sid, tokens, stored.endsAt, lease);
    const written = await kubeRequest<SessionSecret>(kubeConfig, credentials, {
      method: 'PUT',
      path: this.path(sid),
      body: { ...body, metadata: { ...body.metadata, resourceVersion: stored.resourceVersion } },
    });
    return { ...stored, tokens, resourceVersion: written.metadata.resourceVersion ?? '' };
  }

  /** The ID token to send as session `sid`'s bearer, refreshed first when it is due; 401 once the session ended. */
  bearer(sid: string): Promise<string> {
    const known = this.known.get(sid);
    if (known && Date.now() < refreshDueAt(known.issuedAt, known.expiresAt)) return Promise.resolve(known.idToken);
    let pending = this.pending.get(sid);
    if (!pending) {
      pending = this.freshToken(sid)
        .catch((error: unknown) => {
          // The cluster not answering (its Secret unread) must not fail a request the current token still serves.
          const ended = error instanceof AppError && error.code === 'unauthenticated';
          if (!ended && known && Date.now() < known.expiresAt) return known.idToken;
          throw error;
        })
        .finally(() => this.pending.delete(sid));
      this.pending.set(sid, pending);
    }
    return pending;
  }

  private async freshToken(sid: string): Promise<string> {
    for (;;) {
      const stored = await this.read(sid);
      if (!stored) {
        this.known.delete(sid);
        throw sessionEnded();
      }
      const { tokens } = stored;
      this.remember(sid, tokens);
      const now = Date.now();
      // Another replica may have refreshed it already.
      if (now < refreshDueAt(tokens.issuedAt, tokens.expiresAt)) return tokens.idToken;
      if (!tokens.refreshToken) {
        if (now < tokens.expiresAt) return tokens.idToken;
        await this.end(sid, stored.endsAt);
        throw sessionEnded('Your sign-in has expired and your identity provider gave no refresh token; sign in again.');
      }
      if (stored.leaseUntil > now && stored.leaseBy !== this.replica) {
        // Another replica is refreshing: the current token still serves while it lasts, else wait for theirs.
        if (now < tokens.expiresAt) return tokens.idToken;
        await pause(LEASE_POLL_MS);
        continue;
      }
      let leased: StoredSession;
      try {
        leased = await this.write(sid, stored, tokens, { until: now + REFRESH_LEASE_MS, by: this.replica });
      } catch (error) {
        if (error instanceof AppError && error.code === 'conflict') continue;
        throw error;
      }
      return this.refresh(sid, leased);
    }
  }

  private async refresh(sid: string, leased: StoredSession): Promise<string> {
    let tokens: SessionTokens;
    try {
      tokens = await refreshTokens(leased.tokens.refreshToken!);
    } catch (error) {
      const refusal = providerRefused(error);
      fleetdeckMetrics().oidcRefreshes.inc({ outcome: refusal ? 'refused' : 'unreachable' });
      if (refusal) {
        log.warn(`oidc session ended: the identity provider refused its refresh (${refusal})`);
        await this.end(sid, leased.endsAt);
        throw sessionEnded('Your identity provider ended this sign-in; sign in again.');
      }
      // Unreachable: the session stays, and the next request tries again.
      log.warn(`oidc refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.write(sid, leased, leased.tokens).catch(() => undefined);
      if (Date.now() < leased.tokens.expiresAt) return leased.tokens.idToken;
      throw new AppError(
        'provider_unavailable',
        'Your identity provider could not be reached to renew your sign-in; Fleetdeck keeps trying.',
        undefined,
        { 'Retry-After': '5' },
      );
    }
    fleetdeckMetrics().oidcRefreshes.inc({ outcome: 'ok' });
    // The lease is ours and not yet expired, so the resourceVersion still holds; a conflict would mean it ran out.
    await this.write(sid, leased, tokens).catch((error: unknown) => {
      log.warn(`oidc session ${sid.slice(0, 8)}…: refreshed tokens not stored: ${String(error)}`);
    });
    this.remember(sid, tokens);
    return tokens.idToken;
  }

  /**
   * Ends session `sid` on every replica: revoked in the shared list (open streams end too), then its tokens
   * deleted. A refused refresh comes here; a sign-out revokes through the session cookie and then discards.
   */
  async end(sid: string, endsAt: number): Promise<void> {
    await revocationStore().revoke(sid, endsAt);
    await this.discard(sid);
  }

  /** Deletes session `sid`'s tokens, here and in the cluster. */
  async discard(sid: string): Promise<void> {
    this.known.delete(sid);
    const { kubeConfig, credentials } = server();
    await kubeRequest(kubeConfig, credentials, { method: 'DELETE', path: this.path(sid) }).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    });
  }

  /** Deletes the Secrets of sessions past their end (most sessions end by expiring, not by a sign-out). */
  async sweep(now = Date.now()): Promise<number> {
    const { kubeConfig, credentials } = server();
    const list = await kubeRequest<{ items: KubeObject[] }>(kubeConfig, credentials, {
      method: 'GET',
      path: this.path(),
      query: { labelSelector: SESSION_LABEL },
    });
    let deleted = 0;
    for (const item of list.items) {
      if (Number(item.metadata.annotations?.[ENDS_AT] ?? 0) >= now) continue;
      await kubeRequest(kubeConfig, credentials, {
        method: 'DELETE',
        path: `${this.path()}/${encodeURIComponent(item.metadata.name)}`,
        // Another replica may have swept it first.
      }).then(
        () => deleted++,
        (error: unknown) => {
          if (!(error instanceof AppError && error.code === 'not_found')) throw error;
        },
      );
    }
    return deleted;
  }
}

const holder = globalThis as typeof globalThis & { __fleetdeckOidcSessions?: OidcSessionStore };

/** The process's store (on globalThis: route bundles do not share modules). */
export function oidcSessions(): OidcSessionStore {
  holder.__fleetdeckOidcSessions ??= new OidcSessionStore(serverConfig().FLEETDECK_NAMESPACE);
  return holder.__fleetdeckOidcSessions;
}

/** How often each replica deletes the Secrets of expired sessions; deleting one twice is harmless. */
const SWEEP_INTERVAL_MS = 10 * 60_000;

/** oidc mode: starts the periodic sweep of expired sessions' Secrets (at boot). */
export function startOidcSessionSweep(): void {
  if (serverConfig().FLEETDECK_AUTH_MODE !== 'oidc') return;
  const sweep = () =>
    oidcSessions()
      .sweep()
      .catch((error: unknown) => log.warn(`oidc: expired sessions not swept: ${String(error)}`));
  setInterval(sweep, SWEEP_INTERVAL_MS).unref();
}
