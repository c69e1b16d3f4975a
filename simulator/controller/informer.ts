import {
  makeInformer,
  type KubeConfig,
  type KubernetesListObject,
  type KubernetesObject,
} from '@kubernetes/client-node';

export interface InformerHandlers<T extends KubernetesObject> {
  upsert: (object: T) => void;
  remove: (object: T) => void;
}

/**
 * List then watch a path, calling the handlers for every object seen; after a list or watch error (including
 * 410 Gone) it starts again after `retryMs`, so the simulator heals when the API server comes back.
 * `started` resolves after the first list that succeeded.
 */
export function startInformer<T extends KubernetesObject>(
  kubeConfig: KubeConfig,
  path: string,
  list: () => Promise<KubernetesListObject<T>>,
  handlers: InformerHandlers<T>,
  retryMs: number,
  log: (message: string) => void,
): { stop: () => Promise<void>; started: Promise<void> } {
  const informer = makeInformer<T>(kubeConfig, path, list);
  let stopped = false;
  let failed = false;
  let retry: NodeJS.Timeout | undefined;
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  // The informer reports a failed list or watch through 'error' rather than by rejecting start().
  const attempt = () => {
    failed = false;
    informer.start().then(
      () => {
        if (!failed) markStarted();
      },
      () => scheduleRetry(),
    );
  };
  const scheduleRetry = () => {
    failed = true;
    if (stopped) return;
    clearTimeout(retry);
    retry = setTimeout(attempt, retryMs);
  };
  informer.on('add', handlers.upsert);
  informer.on('update', handlers.upsert);
  informer.on('delete', handlers.remove);
  informer.on('error', (error?: unknown) => {
    if (stopped) return;
    log(
      `watch of ${path} failed (${error instanceof Error ? error.message : String(error)}); listing again in ${retryMs} ms`,
    );
    scheduleRetry();
  });
  attempt();
  return {
    started,
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      await informer.stop();
    },
  };
}
