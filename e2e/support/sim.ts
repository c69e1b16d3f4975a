// A namespace with its own simulated SageMaker controller on the end-to-end control plane.
import { SimWorld } from '../../test/support/sim-world';

/** Slow enough to watch each stage in a browser (create ≈ 7 s, bake of 300 s ≈ 6 s), fast enough for CI. */
export const E2E_TIME_SCALE = 0.02;

export function simWorld(
  prefix: string,
  extraEnv?: Record<string, string>,
  timeScale = E2E_TIME_SCALE,
): Promise<SimWorld> {
  const dir = process.env.FLEETDECK_HARNESS_KUBECONFIGS;
  if (!dir) throw new Error('FLEETDECK_HARNESS_KUBECONFIGS is not set; run `npm run e2e`');
  return SimWorld.startIn(dir, prefix, extraEnv, timeScale);
}
