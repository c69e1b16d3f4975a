// Applies the demo fleet (deploy/demo) to the cluster of $KUBECONFIG, as that identity.
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { applyManifests, readManifests } from './apply-manifests';

const kubeConfig = new KubeConfig();
kubeConfig.loadFromDefault();
applyManifests(kubeConfig, readManifests([join(import.meta.dirname, '..', 'deploy', 'demo', 'fleet.yaml')])).catch(
  (error: unknown) => {
    console.error(`[demo] installing the demo fleet failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
