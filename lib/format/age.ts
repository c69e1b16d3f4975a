const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Coarse on purpose: an age is read at a glance in a list and ticks on a 15 s clock, so it names one unit,
// rounded to the nearest.
function formatCoarse(seconds: number): string {
  if (seconds < HOUR) return `${Math.max(1, Math.round(seconds / MINUTE))} min`;
  if (seconds < DAY) return `${Math.round(seconds / HOUR)} h`;
  return `${Math.round(seconds / DAY)} d`;
}

/** An age in seconds, coarsely, as lists show it: "40 s", "45 min", "3 h", "5 d" (one unit, rounded to the nearest). */
export function formatAge(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return seconds < MINUTE ? `${seconds} s` : formatCoarse(seconds);
}

/** How long ago `iso` was at `now` (ms), coarsely ("just now", "3 min ago", "2 h ago", "5 d ago"); "" for a bad date. */
export function formatAgo(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((now - at) / 1000);
  // Clocks disagree by a few seconds; a time slightly ahead still reads as now.
  if (seconds < 45) return seconds < -45 ? `in ${formatCoarse(-seconds)}` : 'just now';
  return `${formatCoarse(seconds)} ago`;
}
