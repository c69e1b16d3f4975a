import 'server-only';
import { withCorrelationId } from './correlation';

export interface ThrottledLogOptions {
  /** After a reason is logged, the same reason is only counted for this long; then the count is logged. */
  intervalMs: number;
  /** Distinct reasons counted at once; reasons beyond are counted together, so a stream of made-up ones stays small. */
  maxReasons: number;
  /** What the lines are about, e.g. "proxy identity refused (401)". */
  what: string;
  /** Writes one line; called during the request for the first line of a reason, outside any request for counts. */
  write: (line: string) => void;
}

const OTHER_REASONS = '\0other';

/**
 * Logs a warning once per distinct reason per interval, and then how many more there were, so a client that
 * repeats one bad request thousands of times a minute costs the log two lines a minute, not thousands.
 */
export class ThrottledLog {
  private readonly counting = new Map<string, number>();

  constructor(private readonly options: ThrottledLogOptions) {}

  /** Logs `${what}: ${reason}` unless that reason was logged within the interval; then only counts it. */
  warn(reason: string): void {
    const { counting, options } = this;
    const key = counting.has(reason) || counting.size < options.maxReasons ? reason : OTHER_REASONS;
    const seen = counting.get(key);
    if (seen !== undefined) {
      counting.set(key, seen + 1);
      return;
    }
    counting.set(key, 0);
    options.write(`${options.what}: ${reason}`);
    // The count belongs to no one request: its line carries no request's correlation id.
    withCorrelationId('-', () => setTimeout(() => this.report(key), options.intervalMs).unref());
  }

  private report(key: string): void {
    const more = this.counting.get(key) ?? 0;
    this.counting.delete(key);
    if (more === 0) return;
    const seconds = Math.round(this.options.intervalMs / 1000);
    const which = key === OTHER_REASONS ? 'for other reasons' : `like it: ${key}`;
    this.options.write(`${this.options.what}: ${more} more in the last ${seconds} s, not logged one by one, ${which}`);
  }
}
