// How many requests the simulated CloudWatch has answered, per operation and per caller (the access key that signed
// the request; requests whose signature did not hold count under one name), and which errors it answered with: what tests and benchmarks assert on, such
// as "the dashboard's cache made one GetMetricData call for ten page loads".

export interface CallerCounts {
  userName?: string;
  total: number;
  byOperation: Record<string, number>;
}

export interface CallCountsSnapshot {
  since: string;
  total: number;
  byOperation: Record<string, number>;
  byCaller: Record<string, CallerCounts>;
  /** Error codes answered, such as SignatureDoesNotMatch or AccessDenied. */
  errors: Record<string, number>;
  /** MetricDataQuery structures received across GetMetricData calls. */
  metricDataQueries: number;
}

/** The caller of every request whose signature was missing or did not hold, whatever access key it claimed. */
export const unverifiedCaller = 'unverified';
/** The operation of every request naming none the simulator implements. */
export const otherOperation = '(other)';

export class CallCounts {
  private counts!: CallCountsSnapshot;

  constructor(private readonly now: () => number = Date.now) {
    this.reset();
  }

  call(operation: string, caller: string, userName: string | undefined): void {
    const counts = this.counts;
    counts.total++;
    increment(counts.byOperation, operation);
    const callerCounts = (counts.byCaller[caller] ??= { total: 0, byOperation: {} });
    if (userName !== undefined) callerCounts.userName = userName;
    callerCounts.total++;
    increment(callerCounts.byOperation, operation);
  }

  error(code: string): void {
    increment(this.counts.errors, code);
  }

  metricDataQueries(count: number): void {
    this.counts.metricDataQueries += count;
  }

  snapshot(): CallCountsSnapshot {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = {
      since: new Date(this.now()).toISOString(),
      total: 0,
      byOperation: {},
      byCaller: {},
      errors: {},
      metricDataQueries: 0,
    };
  }
}

function increment(counts: Record<string, number>, key: string) {
  counts[key] = (counts[key] ?? 0) + 1;
}
