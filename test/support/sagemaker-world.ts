// Integration tests' SimWorld: the shared one, on the control plane vitest's global setup started.
import { inject } from 'vitest';
import { SimWorld as World } from './sim-world';

export type { VariantInput } from './sim-world';
export type SimWorld = World;

export const SimWorld = {
  /** A fresh namespace with its own simulated controller, on the integration tests' control plane. */
  start: (prefix: string, extraEnv?: Record<string, string>) =>
    World.startIn(inject('controlPlane').kubeconfigDir, prefix, extraEnv),
};
