const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration in seconds, in words, to the second below an hour: "45 s", "4 min 12 s", "2 h 5 min", "3 d 4 h".
 * Rounds down (a bake of 599.9 s is not yet 10 min); negative reads "0 s". The one wording of a length of time
 * (policy waits, plans, deployment stages); coarse ages are formatAge's.
 */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  if (seconds < MINUTE) return `${seconds} s`;
  if (seconds < HOUR) {
    const rest = seconds % MINUTE;
    return `${Math.floor(seconds / MINUTE)} min${rest ? ` ${rest} s` : ''}`;
  }
  if (seconds < DAY) {
    const rest = Math.floor((seconds % HOUR) / MINUTE);
    return `${Math.floor(seconds / HOUR)} h${rest ? ` ${rest} min` : ''}`;
  }
  const rest = Math.floor((seconds % DAY) / HOUR);
  return `${Math.floor(seconds / DAY)} d${rest ? ` ${rest} h` : ''}`;
}
