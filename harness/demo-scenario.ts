// Keeps the demo fleet moving on the local control plane, as admin: canary, linear and rolling updates that
// go back and forth between two configs, a create that fails, and an update that an alarm rolls back. It only
// edits Endpoint specs and the simulator-only fault controls, as a person or a pipeline would.
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
const alarm = 'pricing-p99-latency';

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

async function setFaults(alarmState: 'OK' | 'ALARM') {
  const body = {
    metadata: { name: 'sagemaker-simulator', namespace: 'sagemaker-simulator' },
    data: {
      alarms: JSON.stringify({ [alarm]: alarmState }),
      endpoints: JSON.stringify({
        'image-tagger': {
          failCreate:
            'Failed to download model data for container "primary" from URL s3://demo-models/image-tagger-v1/model.tar.gz. Please ensure that there is an object located at the URL and that the role passed to CreateModel has permissions to download the object.',
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

let pricingState: 'waiting' | 'rolling' | 'alarmed' = 'waiting';

async function tick() {
  for (const loop of loops) {
    const endpoint = await read(loop.namespace, loop.name);
    if (!endpoint || !settled(endpoint)) continue;
    const next = loop.configs.find((config) => config !== endpoint.spec.endpointConfigName) ?? loop.configs[0]!;
    await rollOut(loop.namespace, loop.name, next, loop.policy!);
  }
  const pricing = await read('team-a', 'pricing');
  if (!pricing) return;
  if (pricingState === 'waiting' && settled(pricing)) {
    await rollOut('team-a', 'pricing', 'pricing-v2', policies.guarded!);
    pricingState = 'rolling';
  } else if (
    pricingState === 'rolling' &&
    pricing.status?.pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0]?.status === 'Baking'
  ) {
    console.log(`[demo] alarm ${alarm} goes into ALARM during the canary bake`);
    await setFaults('ALARM');
    pricingState = 'alarmed';
  }
}

async function main() {
  await setFaults('OK');
  for (;;) {
    await tick().catch((error: unknown) =>
      console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`),
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

void main();
