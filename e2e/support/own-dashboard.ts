// A dashboard of a spec's own, on a control plane of its own, for specs that take the API server or the
// dashboard itself away (which would disturb every other spec sharing the common ones).
import type { ChildProcess } from 'node:child_process';
import { ownControlPlane } from '../../test/support/own-control-plane';
import { freePort, spawnImageServer, waitUntilServing } from './serving';

/** Its own control plane and its own production server of the already built dashboard. */
export async function ownDashboard() {
  const plane = ownControlPlane();
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawnImageServer(
      port,
      plane.kubeconfigDir,
      // Sessions must outlive a restart of the dashboard for the recovery check.
      { FLEETDECK_SESSION_SECRET: 'e2e-own-dashboard-session-secret-0123456789' },
      'ignore',
    );
    // Ready, as a load balancer would wait for: the fleet listed, so the browser's next attempt is served.
    await waitUntilServing(`${baseURL}/api/readyz`, child);
  };
  // Killed outright, like a crashed server: a graceful stop would wait for the open live streams to end.
  const stop = async () => {
    const running = child;
    // A process killed by a signal has a signalCode and no exitCode.
    if (!running?.pid || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    process.kill(-running.pid, 'SIGKILL');
    await exited;
  };
  await start();
  return {
    baseURL,
    kubeconfigDir: plane.kubeconfigDir,
    stopApiServer: plane.stopApiServer,
    startApiServer: plane.startApiServer,
    stopDashboard: stop,
    startDashboard: start,
    destroy: async () => {
      await stop();
      plane.destroy();
    },
  };
}
