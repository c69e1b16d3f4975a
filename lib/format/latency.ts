/**
 * A latency in milliseconds: whole milliseconds from 10 ms ("120 ms"), one decimal below ("4.2 ms"), and seconds
 * from 10 s ("12.5 s"), so a fast model does not read as 0 ms nor a slow one as a long run of digits.
 */
export function formatLatencyMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${(Math.round(ms * 10) / 10).toFixed(1)} ms`;
}
