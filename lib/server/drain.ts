import 'server-only';
import type { EventEmitter } from 'node:events';
import { AppError } from './http/app-error';

// Fleetdeck's start script (scripts/start-server.mjs) runs outside the app's bundles, so the two meet on the
// process itself: it sets this flag and emits this event when the server is told to stop. Names are shared
// with that script; change both together.
const DRAIN_EVENT = 'fleetdeck:drain';
const holder = globalThis as typeof globalThis & {
  __fleetdeckDraining?: boolean;
  __fleetdeckDrainListeners?: Set<() => void>;
};

/** Whether this replica is shutting down: it finishes what it has, takes nothing new, and says not ready. */
export function isDraining(): boolean {
  return holder.__fleetdeckDraining === true;
}

// One listener on the process for all streams (thousands of them would trip Node's leak warning).
function drainListeners(): Set<() => void> {
  if (!holder.__fleetdeckDrainListeners) {
    const listeners = new Set<() => void>();
    holder.__fleetdeckDrainListeners = listeners;
    (process as EventEmitter).once(DRAIN_EVENT, () => {
      for (const listener of [...listeners]) listener();
    });
  }
  return holder.__fleetdeckDrainListeners;
}

/** Calls `listener` once when the replica starts to drain; returns a function that stops listening. */
export function onDrain(listener: () => void): () => void {
  const listeners = drainListeners();
  const once = () => {
    listeners.delete(once);
    listener();
  };
  listeners.add(once);
  return () => listeners.delete(once);
}

/** Throws 503 while draining, so a load balancer and a browser go to another replica at once. */
export function assertNotDraining(): void {
  if (isDraining()) {
    throw new AppError('server_busy', 'This Fleetdeck server is shutting down; another one will answer.', undefined, {
      'Retry-After': '1',
    });
  }
}
