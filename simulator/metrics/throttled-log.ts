/**
 * A log for a failure that repeats every period: the first line at once, then at most one line per
 * `intervalMs`, saying how many were held back, so a CloudWatch outage does not flood the simulator's output.
 */
export function throttledLog(log: (message: string) => void, intervalMs: number, now: () => number = Date.now) {
  let lastAt = -Infinity;
  let held = 0;
  return (message: string) => {
    if (now() - lastAt < intervalMs) {
      held += 1;
      return;
    }
    log(held > 0 ? `${message} (and ${held} similar since the last such line)` : message);
    lastAt = now();
    held = 0;
  };
}
