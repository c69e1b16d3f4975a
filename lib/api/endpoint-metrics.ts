import { z } from 'zod';

// The bodies of the CloudWatch reads: GET /api/endpoints/{namespace}/{name}/metrics (one endpoint, per variant,
// over a range) and GET /api/fleet/metrics (a few numbers for the rows on screen). Shared by the routes, the
// pages' hooks, the simulator's tests and the integration tests.

/** The ranges a page may ask for, each with the period its points are summed or averaged over. */
export const metricRanges = {
  '1h': { seconds: 3600, periodSeconds: 60 },
  '6h': { seconds: 6 * 3600, periodSeconds: 300 },
  '24h': { seconds: 24 * 3600, periodSeconds: 300 },
  '7d': { seconds: 7 * 24 * 3600, periodSeconds: 3600 },
} as const;
export type MetricRange = keyof typeof metricRanges;
export const metricRangeSchema = z.enum(Object.keys(metricRanges) as [MetricRange, ...MetricRange[]]);
export const defaultMetricRange: MetricRange = '1h';

/**
 * The series read per variant. Namespace AWS/SageMaker unless noted; dimensions EndpointName and VariantName.
 * Latencies are in microseconds, as SageMaker publishes them; utilizations in percent (CPU may pass 100: it is
 * summed over cores).
 */
export const variantMetricNames = [
  'invocations', // Invocations, Sum
  'errors4xx', // Invocation4XXErrors, Sum
  'errors5xx', // Invocation5XXErrors, Sum
  'modelLatencyAverage', // ModelLatency, Average
  'modelLatencyP99', // ModelLatency, p99
  'overheadLatencyAverage', // OverheadLatency, Average
  'invocationsPerInstance', // InvocationsPerInstance, Sum (instance-backed variants only)
  'cpuUtilization', // /aws/sagemaker/Endpoints CPUUtilization, Average (instance-backed variants only)
  'memoryUtilization', // /aws/sagemaker/Endpoints MemoryUtilization, Average
  'modelSetupTime', // ModelSetupTime, Average (serverless variants only)
] as const;
export type VariantMetricName = (typeof variantMetricNames)[number];

/** One period's value; periods with no data are absent (CloudWatch returns no point for them). */
export const metricPointSchema = z.object({ at: z.iso.datetime({ offset: true }), value: z.number() });
export type MetricPoint = z.infer<typeof metricPointSchema>;

export const variantMetricsSchema = z.object({
  variantName: z.string(),
  serverless: z.boolean(),
  /** Only the metrics that apply to the variant's kind are present; each is in time order. */
  series: z.partialRecord(z.enum(variantMetricNames), z.array(metricPointSchema)),
});
export type VariantMetrics = z.infer<typeof variantMetricsSchema>;

/**
 * Whether CloudWatch could be read. `error` carries the AWS error code (AccessDenied, SignatureDoesNotMatch,
 * a network code such as ECONNREFUSED) and its message; the rest of the page works without it.
 */
export const cloudWatchSourceSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ok') }),
  z.object({ state: z.literal('disabled'), message: z.string() }),
  /** The controller has not reported the endpoint's region and account yet. */
  z.object({ state: z.literal('no-region'), message: z.string() }),
  z.object({ state: z.literal('error'), code: z.string(), message: z.string(), at: z.iso.datetime({ offset: true }) }),
]);
export type CloudWatchSource = z.infer<typeof cloudWatchSourceSchema>;

export const alarmStates = ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const;

/** One alarm named in the endpoint's autoRollbackConfiguration, as DescribeAlarms reports it. */
export const alarmViewSchema = z.object({
  name: z.string(),
  /** Absent when CloudWatch has no alarm of that name (SageMaker then cannot watch it either). */
  state: z.enum(alarmStates).optional(),
  reason: z.string().optional(),
  updatedAt: z.iso.datetime({ offset: true }).optional(),
  /** What the alarm watches, when it is a single-metric alarm. */
  metric: z
    .object({
      namespace: z.string(),
      name: z.string(),
      statistic: z.string(),
      comparison: z.string(),
      threshold: z.number(),
      periodSeconds: z.number(),
      evaluationPeriods: z.number(),
      datapointsToAlarm: z.number().optional(),
    })
    .optional(),
});
export type AlarmView = z.infer<typeof alarmViewSchema>;

/** A state change of one of those alarms inside the range (DescribeAlarmHistory, StateUpdate items). */
export const alarmTransitionSchema = z.object({
  alarmName: z.string(),
  at: z.iso.datetime({ offset: true }),
  from: z.enum(alarmStates).optional(),
  to: z.enum(alarmStates).optional(),
  summary: z.string(),
  reason: z.string().optional(),
});
export type AlarmTransition = z.infer<typeof alarmTransitionSchema>;

export const verdictOutcomes = ['pass', 'marginal', 'fail', 'no-data'] as const;
export type VerdictOutcome = (typeof verdictOutcomes)[number];

/** One metric's comparison in the canary verdict (lib/endpoints/canary-verdict.ts). */
export const metricJudgementSchema = z.object({
  metric: z.string(),
  label: z.string(),
  critical: z.boolean(),
  outcome: z.enum(['pass', 'high', 'low', 'no-data']),
  /** Why, in a sentence: the medians compared, the tolerance, the test's p-value or why there was no data. */
  reason: z.string(),
  baselineMedian: z.number().optional(),
  canaryMedian: z.number().optional(),
  baselineSamples: z.number(),
  canarySamples: z.number(),
  pValue: z.number().optional(),
});
export type MetricJudgement = z.infer<typeof metricJudgementSchema>;

export const verdictSchema = z.object({
  outcome: z.enum(verdictOutcomes),
  /** 0..100: the share of metrics that passed; absent with no data. */
  score: z.number().optional(),
  /** The one sentence a person reads first. */
  summary: z.string(),
  /** What was compared with what: the windows and how the new fleet's share was taken into account. */
  compared: z.string(),
  metrics: z.array(metricJudgementSchema),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const endpointMetricsSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  /** The SageMaker endpoint's name, region and account, as the controller reported them. */
  endpointName: z.string(),
  region: z.string().optional(),
  accountId: z.string().optional(),
  range: metricRangeSchema,
  periodSeconds: z.number(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  /** When the values were read from CloudWatch (a shared cache may answer for a period). */
  readAt: z.iso.datetime({ offset: true }).optional(),
  /** Whether the series (the charts) could be read. */
  source: cloudWatchSourceSchema,
  /**
   * Whether the rollback alarms and their history could be read, when the endpoint names any: they fail apart from
   * the series (DescribeAlarmHistory may be denied where GetMetricData is not), and the charts still show.
   */
  alarmsSource: cloudWatchSourceSchema.optional(),
  variants: z.array(variantMetricsSchema),
  alarms: z.array(alarmViewSchema),
  alarmHistory: z.array(alarmTransitionSchema),
  /**
   * During a deployment (or just after one), the advisory verdict on the new fleet; SageMaker's alarms decide. Left
   * out when its reads failed (the server logs why); the rest of the body still answers.
   */
  verdict: verdictSchema.optional(),
});
export type EndpointMetrics = z.infer<typeof endpointMetricsSchema>;

/** GET /api/fleet/metrics?endpoint=ns/name&endpoint=…: at most this many endpoints a call (the rows on screen). */
export const fleetMetricsMaxEndpoints = 100;

/** The last hour, summed over variants, for one endpoint of the list. */
export const fleetMetricsRowSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  invocations: z.number().optional(),
  /** 5XX errors over invocations in the last hour, 0..1; absent without invocations. */
  errorRate: z.number().optional(),
  /** Alarms of the endpoint's autoRollbackConfiguration now in ALARM. */
  alarmsInAlarm: z.array(z.string()),
  /** How this row's own reads went: each account (and region) is read on its own, and may fail on its own. */
  source: cloudWatchSourceSchema,
});
export type FleetMetricsRow = z.infer<typeof fleetMetricsRowSchema>;

export const fleetMetricsSchema = z.object({
  source: cloudWatchSourceSchema,
  rows: z.array(fleetMetricsRowSchema),
  readAt: z.iso.datetime({ offset: true }).optional(),
  /** The error rate above which a row is flagged (FLEETDECK_ERROR_RATE_ATTENTION), 0..1. */
  errorRateAttention: z.number().optional(),
});
export type FleetMetrics = z.infer<typeof fleetMetricsSchema>;
