// Where the contract's variant metrics live in CloudWatch, and Fleetdeck's default threshold on the error rate:
// plain data for the server (which reads the metrics) and the pages (which link to them in the console) alike.
import type { VariantMetricName } from '@/lib/api/endpoint-metrics';

/** Where one of the contract's variant metrics lives in CloudWatch. */
export interface MetricSpec {
  namespace: string;
  metricName: string;
  /** A statistic (Sum, Average) or a percentile (p99). */
  stat: string;
}

const invocationNamespace = 'AWS/SageMaker';
// Instance and container metrics are published under their own namespace, with the same two dimensions.
const instanceNamespace = '/aws/sagemaker/Endpoints';

export const variantMetricSpecs: Record<VariantMetricName, MetricSpec> = {
  invocations: { namespace: invocationNamespace, metricName: 'Invocations', stat: 'Sum' },
  errors4xx: { namespace: invocationNamespace, metricName: 'Invocation4XXErrors', stat: 'Sum' },
  errors5xx: { namespace: invocationNamespace, metricName: 'Invocation5XXErrors', stat: 'Sum' },
  modelLatencyAverage: { namespace: invocationNamespace, metricName: 'ModelLatency', stat: 'Average' },
  modelLatencyP99: { namespace: invocationNamespace, metricName: 'ModelLatency', stat: 'p99' },
  overheadLatencyAverage: { namespace: invocationNamespace, metricName: 'OverheadLatency', stat: 'Average' },
  invocationsPerInstance: { namespace: invocationNamespace, metricName: 'InvocationsPerInstance', stat: 'Sum' },
  cpuUtilization: { namespace: instanceNamespace, metricName: 'CPUUtilization', stat: 'Average' },
  memoryUtilization: { namespace: instanceNamespace, metricName: 'MemoryUtilization', stat: 'Average' },
  modelSetupTime: { namespace: invocationNamespace, metricName: 'ModelSetupTime', stat: 'Average' },
};

const shared: VariantMetricName[] = [
  'invocations',
  'errors4xx',
  'errors5xx',
  'modelLatencyAverage',
  'modelLatencyP99',
  'overheadLatencyAverage',
  'memoryUtilization',
];

/** The metrics that apply to a variant of that kind: serverless ones have no instances but a setup time. */
export function metricsForVariant(serverless: boolean): VariantMetricName[] {
  return serverless ? [...shared, 'modelSetupTime'] : [...shared, 'invocationsPerInstance', 'cpuUtilization'];
}

/**
 * The last hour's 5XX error rate (0..1) above which an endpoint needs attention, unless the server is configured
 * otherwise (it then sends its figure as `errorRateAttention`).
 */
export const defaultErrorRateAttention = 0.05;
