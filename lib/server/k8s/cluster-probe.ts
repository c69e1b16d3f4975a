import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeRequest } from './kube-request';

/**
 * Asks the API server for /version every few seconds as Fleetdeck's identity. A hung server (one that
 * accepts connections but never answers) is caught by the deadline, which a watch alone would not notice.
 */
export class ClusterProbe {
  reachable = false;
  /** Whether the first probe has finished, either way. */
  checked = false;
  lastContactAt = 0;
  private timer?: NodeJS.Timeout;
  private readonly listeners = new Set<(reachable: boolean) => void>();

  constructor(
    private readonly kubeConfig: KubeConfig,
    readonly intervalMs = 5000,
    private readonly timeoutMs = 4000,
  ) {}

  start(): void {
    const tick = async () => {
      try {
        await kubeRequest(
          this.kubeConfig,
          { kind: 'server' },
          { method: 'GET', path: '/version', timeoutMs: this.timeoutMs },
        );
        this.lastContactAt = Date.now();
        this.set(true);
      } catch {
        this.set(false);
      }
      this.checked = true;
      this.timer = setTimeout(() => void tick(), this.intervalMs);
      this.timer.unref();
    };
    void tick();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  onChange(listener: (reachable: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(reachable: boolean): void {
    if (reachable === this.reachable) return;
    this.reachable = reachable;
    for (const listener of this.listeners) listener(reachable);
  }
}
