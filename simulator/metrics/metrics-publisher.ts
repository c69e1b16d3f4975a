import { PutMetricDataCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { periodMetrics, type TrafficInputs } from '../sagemaker/traffic-model';
import type { SimEndpoint } from '../sagemaker/types';
import { putRequests, type NamespacedData } from './metric-datum';
import { throttledLog } from './throttled-log';

export interface PublisherOptions {
  client: Pick<CloudWatchClient, 'send'>;
  periodSeconds: number;
  /** The endpoints as SageMaker holds them now; those with nothing serving publish nothing. */
  endpoints: () => SimEndpoint[];
  trafficFor: (endpoint: SimEndpoint) => TrafficInputs;
  now: () => number;
  log: (message: string) => void;
}

// Periods kept for a CloudWatch that does not answer; older ones are dropped, as a real agent's buffer would.
const keptPeriods = 10;

// The codes CloudWatch answers a request it may take later with: the rate, not the request, was the trouble.
const throttlingCodes = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
]);

/**
 * Publishes every endpoint's metrics for each period once it has finished, as SageMaker does, with
 * PutMetricData. A request that fails for a passing reason (no answer, a 5xx, throttling) stays queued and goes
 * again with the next period; one CloudWatch refused as invalid would be refused every time, so it is dropped
 * and the rest go on. Failures are logged at most once a minute each kind and never stop the simulator.
 */
export class MetricsPublisher {
  private readonly queue: { startMs: number; requests: NamespacedData[] }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;
  private readonly failed: (message: string) => void;
  private readonly refused: (message: string) => void;

  constructor(private readonly options: PublisherOptions) {
    this.failed = throttledLog(options.log, 60_000, options.now);
    this.refused = throttledLog(options.log, 60_000, options.now);
  }

  /** Periods waiting to be sent, some of their requests perhaps already through. */
  get queuedPeriods(): number {
    return this.queue.length;
  }

  start(): void {
    const periodMs = this.options.periodSeconds * 1000;
    // A little after each boundary, so the period is over everywhere; CloudWatch timestamps the period's start.
    const lagMs = Math.min(2_000, periodMs / 10);
    const schedule = () => {
      const now = this.options.now();
      const nextBoundary = Math.ceil((now - lagMs + 1) / periodMs) * periodMs;
      this.timer = setTimeout(
        () => {
          this.publish(nextBoundary - periodMs);
          schedule();
        },
        nextBoundary + lagMs - now,
      );
    };
    schedule();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sending;
  }

  /** Queues the period starting at `startMs` and sends whatever is queued. */
  publish(startMs: number): Promise<void> {
    const { periodSeconds } = this.options;
    const metrics = this.options
      .endpoints()
      .flatMap((endpoint) => periodMetrics(endpoint, startMs, periodSeconds, this.options.trafficFor(endpoint)));
    if (metrics.length > 0) this.queue.push({ startMs, requests: putRequests(metrics, startMs, periodSeconds) });
    while (this.queue.length > keptPeriods) this.queue.shift();
    this.sending ??= this.sendQueued().finally(() => (this.sending = undefined));
    return this.sending;
  }

  private async sendQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const period = this.queue[0]!;
      const request = period.requests[0];
      if (!request) {
        this.queue.shift();
        continue;
      }
      try {
        await this.options.client.send(
          new PutMetricDataCommand({ Namespace: request.namespace, MetricData: request.data }),
        );
        period.requests.shift();
      } catch (error) {
        if (refusedAsInvalid(error)) {
          period.requests.shift();
          this.refused(
            `PutMetricData refused, ${request.data.length} data of ${request.namespace} for ${new Date(period.startMs).toISOString()} dropped: ${describeError(error)}`,
          );
          continue;
        }
        this.failed(
          `PutMetricData failed, ${this.queue.length} period(s) kept for the next try: ${describeError(error)}`,
        );
        return;
      }
    }
  }
}

/** Whether CloudWatch answered that the request itself is wrong (a 400 or 413 that is not throttling). */
export function refusedAsInvalid(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  // Query-compatible services give the query code (Throttling) as `Code`, the JSON shape's name as `name`.
  const code = (error as { Code?: string }).Code;
  return (status === 400 || status === 413) && !throttlingCodes.has(error.name) && !throttlingCodes.has(code ?? '');
}

/** An AWS error's code and message, or a network error's. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code ?? error.name;
    return `${code}: ${error.message}`;
  }
  return String(error);
}
