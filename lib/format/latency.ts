import { formatDuration } from './duration';

const significant = (value: number) => Number(value.toPrecision(3));

/**
 * A latency in milliseconds, to three significant digits in the unit that suits it: "22 µs", "4.25 ms",
 * "120 ms", "1.52 s", past a minute "2 min 5 s". A fast model does not read as 0 ms, nor a slow one as a
 * long run of digits. The one latency formatter: charts, tables and the canary verdict use it.
 */
export function formatLatencyMs(ms: number): string {
  if (significant(ms) < 1) return `${significant(ms * 1000)} µs`;
  if (significant(ms) < 1000) return `${significant(ms)} ms`;
  if (significant(ms / 1000) < 60) return `${significant(ms / 1000)} s`;
  return formatDuration(ms / 1000);
}
