/** A time of day (epoch ms) in the person's locale, 24-hour with seconds ("14:05:09"), for chart axes, tables and "data as of". */
export function formatClockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}
