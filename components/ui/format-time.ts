// Plain-language times for monitoring pages. Kept beside the components that show them: the wording is
// presentation, and every page must word time the same way.

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration in seconds as "45 s", "4 min 12 s", "2 h 5 min" or "3 d 4 h". */
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

/** How long ago `iso` was at `now`, coarsely ("just now", "3 min ago", "2 h ago", "5 d ago"); "" for a bad date. */
export function formatAgo(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((now - at) / 1000);
  // Clocks disagree by a few seconds; a time slightly ahead still reads as now.
  if (seconds < 45) return seconds < -45 ? `in ${formatCoarse(-seconds)}` : 'just now';
  return `${formatCoarse(seconds)} ago`;
}

/** An age in seconds, coarsely, as lists show it: "40 s", "45 min", "3 h", "5 d". */
export function formatAge(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  return seconds < MINUTE ? `${seconds} s` : formatCoarse(seconds);
}

function formatCoarse(seconds: number): string {
  if (seconds < HOUR) return `${Math.max(1, Math.round(seconds / MINUTE))} min`;
  if (seconds < DAY) return `${Math.round(seconds / HOUR)} h`;
  return `${Math.round(seconds / DAY)} d`;
}

// Building a formatter is far dearer than using one, and a long table formats a date per row.
let absolute: Intl.DateTimeFormat | undefined;

/** A timestamp as the person's local date and time, for titles beside relative times. */
export function formatAbsolute(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  absolute ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return absolute.format(at);
}
