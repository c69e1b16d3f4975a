import 'server-only';
import { KubeConfig } from '@kubernetes/client-node';
import { serverConfig } from '../config';

let cached: KubeConfig | undefined;

/**
 * The KubeConfig of Fleetdeck's own identity: `$KUBECONFIG` when set, in-cluster config inside a pod.
 * Used for the shared reads; anything done on a user's behalf goes out as that user.
 */
export function serverKubeConfig(): KubeConfig {
  if (!cached) {
    const config = serverConfig();
    const kubeConfig = new KubeConfig();
    if (config.KUBECONFIG) kubeConfig.loadFromFile(config.KUBECONFIG);
    else if (config.KUBERNETES_SERVICE_HOST) kubeConfig.loadFromCluster();
    else throw new Error('Fleetdeck needs a cluster: set KUBECONFIG, or run it inside Kubernetes');
    cached = kubeConfig;
  }
  return cached;
}
