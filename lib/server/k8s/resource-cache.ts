import 'server-only';
import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { Backoff, type BackoffPolicy } from '@/lib/backoff';
import { recordRelist, recordWatchEvent } from '../metrics/record';
import { kubeRequest } from './kube-request';
import { objectKey, sanitize, type KubeObject } from './kube-object';

export type CacheChange = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject; previous?: KubeObject };

export interface ResourceCacheOptions {
  kubeConfig: KubeConfig;
  /** Cluster-wide collection path, e.g. /apis/sagemaker.services.k8s.aws/v1alpha1/endpoints. */
  path: string;
  fieldSelector?: string;
  /** The API server ends each watch after this long; the cache resumes from the last resourceVersion. */
  renewSeconds: number;
  /** No event or bookmark for this long means the watch hung: drop it and watch again. */
  idleMs: number;
  /** How long to wait between failed attempts, and how long a watch must stay up to start that over. */
  backoff: BackoffPolicy;
  log: (message: string) => void;
}

const LIST_PAGE = 500;

/**
 * An informer-style cache of one kind, shared by every viewer: list, then watch with bookmarks, resuming from
 * the last resourceVersion, listing again on 410 Gone, with capped exponential backoff (full jitter) while the
 * API server cannot be reached, started over once a watch has stayed up for a healthy period. resourceVersions
 * are opaque strings and never compared as numbers.
 */
export class ResourceCache {
  private readonly objects = new Map<string, KubeObject>();
  private resourceVersion = '';
  private synced = false;
  private stopped = false;
  private readonly backoff: Backoff;
  private abort?: AbortController;
  private idleTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private readonly changeListeners = new Set<(change: CacheChange) => void>();
  private readonly resyncListeners = new Set<() => void>();
  /** When the cache last heard from the API server (list page, event or bookmark). */
  lastContactAt = 0;
  /** Whether the watch is connected; false while retrying. */
  connected = false;

  constructor(private readonly options: ResourceCacheOptions) {
    this.backoff = new Backoff(options.backoff);
  }

  start(): void {
    void this.run();
  }

  /** Skip the rest of a backoff wait and start the backoff over: the cluster answers again, so try now. */
  retryNow(): void {
    if (!this.retryTimer || this.stopped) return;
    this.backoff.reset();
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.retryTimer);
    this.abort?.abort();
  }

  /** True once the first list has completed; data may still be stale if `connected` is false. */
  get hasSynced(): boolean {
    return this.synced;
  }

  get size(): number {
    return this.objects.size;
  }

  get(namespace: string, name: string): KubeObject | undefined {
    return this.objects.get(`${namespace}/${name}`);
  }

  /** Objects in one namespace, or all of them. */
  list(namespace?: string): KubeObject[] {
    const all = [...this.objects.values()];
    return namespace === undefined ? all : all.filter((object) => object.metadata.namespace === namespace);
  }

  namespaces(): Set<string> {
    return new Set([...this.objects.values()].map((object) => object.metadata.namespace ?? ''));
  }

  onChange(listener: (change: CacheChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Called after a re-list replaced the contents (not after the first list). */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  private emit(change: CacheChange): void {
    for (const listener of this.changeListeners) listener(change);
  }

  private async run(): Promise<void> {
    try {
      // Each watch ends after renewSeconds (or on 410); go round again, re-listing only when needed.
      while (!this.stopped) {
        if (!this.resourceVersion) await this.relist();
        await this.watchOnce();
      }
    } catch (error) {
      if (this.stopped) return;
      this.connected = false;
      const delay = this.backoff.failed();
      this.options.log(
        `${this.options.path}: ${error instanceof Error ? error.message : String(error)}; retrying in ${delay} ms`,
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.run();
      }, delay);
    }
  }

  private async relist(): Promise<void> {
    if (this.synced) recordRelist(this.options.path);
    const fresh = new Map<string, KubeObject>();
    let continueToken: string | undefined;
    let listVersion = '';
    do {
      const page = await kubeRequest<{
        items: KubeObject[];
        metadata: { continue?: string; resourceVersion?: string };
      }>(
        this.options.kubeConfig,
        { kind: 'server' },
        {
          method: 'GET',
          path: this.options.path,
          query: { limit: String(LIST_PAGE), continue: continueToken, fieldSelector: this.options.fieldSelector },
          timeoutMs: 30_000,
        },
      );
      this.lastContactAt = Date.now();
      for (const item of page.items) {
        const object = sanitize(item);
        fresh.set(objectKey(object), object);
      }
      continueToken = page.metadata.continue || undefined;
      listVersion = page.metadata.resourceVersion ?? '';
    } while (continueToken);

    const wasSynced = this.synced;
    // The difference, so subscribers see deletions that happened while the watch was down.
    const changes: CacheChange[] = [];
    for (const [key, previous] of this.objects)
      if (!fresh.has(key)) changes.push({ type: 'DELETED', object: previous });
    for (const [key, object] of fresh) {
      const previous = this.objects.get(key);
      if (!previous) changes.push({ type: 'ADDED', object });
      else if (previous.metadata.resourceVersion !== object.metadata.resourceVersion)
        changes.push({ type: 'MODIFIED', object, previous });
    }
    // Stored before anyone is told, as on the watch path: a listener that reads the cache reads the new contents.
    this.objects.clear();
    for (const [key, object] of fresh) this.objects.set(key, object);
    this.resourceVersion = listVersion;
    this.synced = true;
    for (const change of changes) this.emit(change);
    if (wasSynced) for (const listener of this.resyncListeners) listener();
  }

  private watchOnce(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(this.idleTimer);
        this.abort?.abort();
        if (error) reject(error);
        else resolve();
      };
      const touch = () => {
        this.lastContactAt = Date.now();
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(
          () => finish(new Error(`no watch event for ${this.options.idleMs} ms`)),
          this.options.idleMs,
        );
      };
      touch();
      new Watch(this.options.kubeConfig)
        .watch(
          this.options.path,
          {
            resourceVersion: this.resourceVersion,
            allowWatchBookmarks: true,
            timeoutSeconds: this.options.renewSeconds,
            ...(this.options.fieldSelector ? { fieldSelector: this.options.fieldSelector } : {}),
          },
          (type: string, raw: KubeObject & { code?: number }) => {
            recordWatchEvent(this.options.path, type);
            touch();
            this.connected = true;
            this.backoff.connected();
            if (type === 'ERROR') {
              // 410 Gone: our resourceVersion is too old to resume from; list again.
              if (raw.code === 410) this.resourceVersion = '';
              finish(raw.code === 410 ? undefined : new Error(`watch error ${raw.code ?? ''}`));
              return;
            }
            const version = raw.metadata?.resourceVersion;
            if (version) this.resourceVersion = version;
            if (type === 'BOOKMARK') return;
            const object = sanitize(raw);
            const key = objectKey(object);
            const previous = this.objects.get(key);
            if (type === 'DELETED') {
              this.objects.delete(key);
              this.emit({ type, object });
            } else if (type === 'ADDED' || type === 'MODIFIED') {
              this.objects.set(key, object);
              this.emit({ type: previous ? 'MODIFIED' : 'ADDED', object, previous });
            }
          },
          (error: unknown) => finish(error ?? undefined),
        )
        .then((controller) => {
          this.abort = controller;
          // Watch resolves after a failed request too (having called done): that is no connection.
          if (settled) return controller.abort();
          this.connected = true;
          this.backoff.connected();
        })
        .catch((error: unknown) => finish(error));
    });
  }
}
