import { makeInformer, type KubeConfig, type KubernetesListObject, type KubernetesObject } from '@kubernetes/client-node';

export interface InformerHandlers<T extends KubernetesObject> {
  upsert: (object: T) => void;
  remove: (object: T) => void;
}

/**
 * List then watch a path, calling the handlers for every object seen; after a watch error (including 410
 * Gone) it lists again after `retryMs`, so the simulator heals when the API server comes back.
 */
export function startInformer<T extends KubernetesObject>(
  kubeConfig: KubeConfig,
  path: string,
  list: () => Promise<KubernetesListObject<T>>,
  handlers: InformerHandlers<T>,
  retryMs: number,
  log: (message: string) => void,
): { stop: () => Promise<void> } {
  const informer = makeInformer<T>(kubeConfig, path, list);
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  informer.on('add', handlers.upsert);
  informer.on('update', handlers.upsert);
  informer.on('delete', handlers.remove);
  const restart = () => {
    if (stopped) return;
    retry = setTimeout(() => {
      informer.start().catch(() => restart());
    }, retryMs);
  };
  informer.on('error', (error?: unknown) => {
    if (stopped) return;
    log(`watch of ${path} failed (${error instanceof Error ? error.message : String(error)}); listing again in ${retryMs} ms`);
    restart();
  });
  informer.start().catch(() => restart());
  return {
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      await informer.stop();
    },
  };
}
