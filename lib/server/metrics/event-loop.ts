import 'server-only';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const holder = globalThis as typeof globalThis & { __fleetdeckLoop?: ReturnType<typeof monitorEventLoopDelay> };

/** The 99th percentile event-loop delay since start, in ms: how long a request may wait behind other work. */
export function eventLoopDelayP99Ms(): number {
  if (!holder.__fleetdeckLoop) {
    holder.__fleetdeckLoop = monitorEventLoopDelay({ resolution: 20 });
    holder.__fleetdeckLoop.enable();
  }
  return Math.round(holder.__fleetdeckLoop.percentile(99) / 1e5) / 10;
}
