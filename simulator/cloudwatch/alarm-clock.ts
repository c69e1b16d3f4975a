// Drives alarm evaluation and data expiry on the wall clock: a tick just after every whole second evaluates the
// alarms whose period has just ended (periods are whole seconds, aligned to the epoch), and once a minute drops
// expired data.
import type { SimulatedCloudWatch } from './service';

/** After the second turns, so that a datapoint published in the closing second has arrived. */
const tickDelayMs = 50;

export function startAlarmClock(
  cloudwatch: SimulatedCloudWatch,
  log: (message: string) => void,
  now: () => number = Date.now,
): () => void {
  let timer: NodeJS.Timeout | undefined;
  let lastPruneMinute = Math.floor(now() / 60_000);
  const schedule = () => {
    const at = now();
    timer = setTimeout(tick, 1000 - (at % 1000) + tickDelayMs);
  };
  const tick = () => {
    const at = now();
    try {
      cloudwatch.alarms.evaluate(at);
      const minute = Math.floor(at / 60_000);
      if (minute !== lastPruneMinute) {
        lastPruneMinute = minute;
        cloudwatch.store.prune(at);
      }
    } catch (error) {
      // One bad evaluation must not stop the clock for every other alarm.
      log(`alarm evaluation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    schedule();
  };
  schedule();
  return () => clearTimeout(timer);
}
