// Keeps the demo fleet moving on the local control plane, as admin: canary, linear and rolling updates that
// go back and forth between two configs, a create that fails, and a canary of a bad model image that its
// CloudWatch alarm rolls back. It only edits Endpoint specs and the simulator-only fault controls, as a person or
// a pipeline would: the alarms live in the simulated CloudWatch and judge the metrics the simulated SageMaker
// publishes, so the rollback follows from the bad image's errors, not from a switch.
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import type { DeploymentConfig } from '../lib/schemas/deployment-config';
import { endpointSchema, type Endpoint } from '../lib/schemas/endpoint';

const kubeConfig = new KubeConfig();
kubeConfig.loadFromDefault();
const objects = kubeConfig.makeApiClient(CustomObjectsApi);
const core = kubeConfig.makeApiClient(CoreV1Api);
const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const group = { group: 'sagemaker.services.k8s.aws', version: 'v1alpha1', plural: 'endpoints' };

const PAUSE_IN_SERVICE_MS = 20_000;
const alarm = 'pricing-5xx-rate';

const policies: Record<string, DeploymentConfig> = {
  canary: {
    autoRollbackConfiguration: { alarms: [{ alarmName: 'fraud-5xx-rate' }] },
    blueGreenUpdatePolicy: {
      terminationWaitInSeconds: 300,
      maximumExecutionTimeoutInSeconds: 7200,
      trafficRoutingConfiguration: {
        type_: 'CANARY',
        waitIntervalInSeconds: 600,
        canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
      },
    },
  },
  linear: {
    autoRollbackConfiguration: { alarms: [{ alarmName: 'ranking-latency' }] },
    blueGreenUpdatePolicy: {
      maximumExecutionTimeoutInSeconds: 7200,
      trafficRoutingConfiguration: {
        type_: 'LINEAR',
        waitIntervalInSeconds: 300,
        linearStepSize: { type_: 'CAPACITY_PERCENT', value: 20 },
      },
    },
  },
  rolling: {
    rollingUpdatePolicy: {
      maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 25 },
      waitIntervalInSeconds: 300,
      maximumExecutionTimeoutInSeconds: 7200,
    },
  },
  guarded: {
    autoRollbackConfiguration: { alarms: [{ alarmName: alarm }] },
    blueGreenUpdatePolicy: {
      maximumExecutionTimeoutInSeconds: 3600,
      trafficRoutingConfiguration: {
        type_: 'CANARY',
        waitIntervalInSeconds: 900,
        canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
      },
    },
  },
};

const loops = [
  {
    namespace: 'team-a',
    name: 'fraud-detector',
    configs: ['fraud-detector-v7', 'fraud-detector-v8'],
    policy: policies.canary,
  },
  {
    namespace: 'team-b',
    name: 'ranking-linear',
    configs: ['ranking-linear-v1', 'ranking-linear-v2'],
    policy: policies.linear,
  },
  {
    namespace: 'team-a',
    name: 'churn-rolling',
    configs: ['churn-rolling-v1', 'churn-rolling-v2'],
    policy: policies.rolling,
  },
];

async function read(namespace: string, name: string): Promise<Endpoint | undefined> {
  try {
    return endpointSchema.parse(await objects.getNamespacedCustomObject({ ...group, namespace, name }));
  } catch (error) {
    if (error instanceof ApiException && error.code === 404) return undefined;
    throw error;
  }
}

const settled = (endpoint: Endpoint) =>
  endpoint.status?.endpointStatus === 'InService' &&
  endpoint.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true &&
  Date.now() - Date.parse(endpoint.status.lastModifiedTime ?? '') > PAUSE_IN_SERVICE_MS;

async function rollOut(
  namespace: string,
  name: string,
  endpointConfigName: string,
  deploymentConfig: DeploymentConfig,
) {
  console.log(`[demo] rolling ${namespace}/${name} out to ${endpointConfigName}`);
  await objects.patchNamespacedCustomObject(
    { ...group, namespace, name, body: { spec: { endpointConfigName, deploymentConfig } } },
    mergePatch,
  );
}

/** A high-resolution alarm on an endpoint's 5XX share of invocations, both fleets together (§13.7). */
const errorRateAlarm = (endpointName: string, threshold: number) => ({
  metricName: 'Invocation5XXErrors',
  dimensions: { EndpointName: endpointName, VariantName: 'primary' },
  statistic: 'Average',
  periodSeconds: 10,
  evaluationPeriods: 2,
  threshold,
  comparisonOperator: 'GreaterThanThreshold',
  treatMissingData: 'notBreaching',
});

async function setFaults() {
  const body = {
    metadata: { name: 'sagemaker-simulator', namespace: 'sagemaker-simulator' },
    data: {
      endpoints: JSON.stringify({
        'image-tagger': {
          failCreate:
            'Failed to download model data for container "primary" from URL s3://demo-models/image-tagger-v1/model.tar.gz. Please ensure that there is an object located at the URL and that the role passed to CreateModel has permissions to download the object.',
        },
      }),
      // pricing-gbm:3.2 fails 9 % of its requests; its canary takes a quarter of the traffic, so the endpoint's
      // 5XX share passes 1 % and the alarm fires during the bake.
      images: JSON.stringify({
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/pricing-gbm:3.2': {
          modelLatencyMs: 55,
          latencyJitterMs: 10,
          errorRate5xx: 0.09,
          errorRate4xx: 0.004,
        },
      }),
      cloudwatchAlarms: JSON.stringify({
        [alarm]: errorRateAlarm('pricing', 0.01),
        'fraud-5xx-rate': errorRateAlarm('fraud-detector', 0.01),
        'ranking-latency': {
          metricName: 'ModelLatency',
          dimensions: { EndpointName: 'ranking-linear', VariantName: 'primary' },
          extendedStatistic: 'p99',
          periodSeconds: 60,
          evaluationPeriods: 3,
          threshold: 500_000,
          comparisonOperator: 'GreaterThanThreshold',
          treatMissingData: 'notBreaching',
        },
      }),
    },
  };
  try {
    await core.replaceNamespacedConfigMap({ name: 'sagemaker-simulator', namespace: 'sagemaker-simulator', body });
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 404)) throw error;
    await core.createNamespacedConfigMap({ namespace: 'sagemaker-simulator', body });
  }
}

let pricingRolledOut = false;

async function tick() {
  for (const loop of loops) {
    const endpoint = await read(loop.namespace, loop.name);
    if (!endpoint || !settled(endpoint)) continue;
    const next = loop.configs.find((config) => config !== endpoint.spec.endpointConfigName) ?? loop.configs[0]!;
    await rollOut(loop.namespace, loop.name, next, loop.policy!);
  }
  const pricing = await read('team-a', 'pricing');
  if (!pricingRolledOut && pricing && settled(pricing)) {
    console.log(`[demo] canary of pricing-gbm:3.2, guarded by ${alarm}: its errors should roll it back`);
    await rollOut('team-a', 'pricing', 'pricing-v2', policies.guarded!);
    pricingRolledOut = true;
  }
}

async function main() {
  await setFaults();
  for (;;) {
    await tick().catch((error: unknown) =>
      console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

void main();
