// The SIMULATED ACK sagemaker-controller: stands in for the real controller and for AWS SageMaker, which
// cannot be reached here. It watches Endpoints, EndpointConfigs and Models through the API server with its
// own identity and writes back what the real controller writes (docs/ack-behaviour.md §5, §13).
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { KubeConfig } from '@kubernetes/client-node';
import { readSettings, timingsFrom, type SimulatorSettings } from './config';
import { SimulatedController } from './controller/controller';
import { KubeApi } from './controller/kube-api';
import { NamespaceAnnotations } from './controller/location';
import { FaultControls } from './faults';
import { AlarmDefinitions } from './metrics/alarm-definitions';
import { AlarmWatch } from './metrics/alarm-watch';
import { MetricsPublisher } from './metrics/metrics-publisher';
import { SimulatedSageMaker } from './sagemaker/service';
import type { SimState } from './sagemaker/types';
import { loadState, stateSaver } from './state-file';
import { scaledMs } from './timings';

const log = (message: string) => console.log(`[sagemaker-simulator] ${message}`);

/**
 * SageMaker's side of CloudWatch: metrics published every period, the fault ConfigMap's alarms put, and the
 * in-flight deployments' alarm states read for the guardrail. Off without AWS_ENDPOINT_URL_CLOUDWATCH.
 */
function cloudWatchLink(settings: SimulatorSettings, state: SimState, faults: FaultControls) {
  if (!settings.AWS_ENDPOINT_URL_CLOUDWATCH) {
    log('CloudWatch off: AWS_ENDPOINT_URL_CLOUDWATCH is not set, so no metrics are published and no alarms read');
    return undefined;
  }
  const client = new CloudWatchClient({ region: settings.SIM_REGION });
  const endpoints = () => Object.values(state.endpoints);
  const publisher = new MetricsPublisher({
    client,
    periodSeconds: settings.SIM_METRIC_PERIOD_SECONDS,
    endpoints,
    trafficFor: (endpoint) => ({
      requestsPerMinute: faults.requestsPerMinute(endpoint.name) ?? settings.SIM_REQUESTS_PER_MINUTE,
      profileOf: faults.imageProfile,
    }),
    now: () => Date.now(),
    log,
  });
  const definitions = new AlarmDefinitions(client, faults.cloudWatchAlarms, log);
  const watch = new AlarmWatch(
    client,
    () => endpoints().flatMap((endpoint) => (endpoint.operation?.kind === 'update' ? endpoint.operation.alarms : [])),
    log,
  );
  publisher.start();
  // Each tick also retries alarm definitions that failed to go through.
  const ticks = setInterval(() => {
    void watch.poll();
    void definitions.sync();
  }, settings.SIM_ALARM_POLL_SECONDS * 1000);
  log(
    `CloudWatch at ${settings.AWS_ENDPOINT_URL_CLOUDWATCH}: metrics every ${settings.SIM_METRIC_PERIOD_SECONDS} s, alarms read every ${settings.SIM_ALARM_POLL_SECONDS} s`,
  );
  return {
    watch,
    definitionsChanged: () => void definitions.sync(),
    stop: async () => {
      clearInterval(ticks);
      await publisher.stop();
    },
  };
}

function main() {
  const settings = readSettings(process.env);
  const timings = timingsFrom(settings);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(settings.SIM_KUBECONFIG);

  const state = loadState(settings.SIM_STATE_FILE);
  const saver = stateSaver(settings.SIM_STATE_FILE, state, 200);
  let alarmsChanged = () => {};
  const faults = new FaultControls(log, () => alarmsChanged());
  const cloudWatch = cloudWatchLink(settings, state, faults);
  if (cloudWatch) alarmsChanged = cloudWatch.definitionsChanged;
  const sagemaker = new SimulatedSageMaker(state, {
    now: () => Date.now(),
    timings,
    // A state set by hand in the fault ConfigMap wins over CloudWatch's.
    alarmState: (name) => faults.alarmOverride(name) ?? cloudWatch?.watch.state(name) ?? 'OK',
    faultsFor: faults.faultsFor,
    configNameWhileUpdating: settings.SIM_CONFIG_NAME_WHILE_UPDATING,
    onChange: saver.changed,
  });
  const controller = new SimulatedController(
    {
      kube: new KubeApi(kubeConfig),
      sagemaker,
      namespaces: new NamespaceAnnotations(),
      defaults: { region: settings.SIM_REGION, account: settings.SIM_ACCOUNT_ID, partition: settings.SIM_PARTITION },
      endpointResyncMs: scaledMs(timings, 30),
      immutableResyncMs: scaledMs(timings, 36_000),
      now: () => new Date(),
      log,
    },
    faults,
    {
      concurrency: settings.SIM_CONCURRENCY,
      // controller-runtime's per-item backoff, 5 ms doubling to 1000 s, scaled like everything else.
      baseBackoffMs: Math.max(5, scaledMs(timings, 0.005)),
      maxBackoffMs: Math.max(50, scaledMs(timings, 1000)),
      watchRetryMs: 1000,
      faultsNamespace: settings.SIM_FAULTS_NAMESPACE,
      faultsConfigMap: settings.SIM_FAULTS_CONFIGMAP,
      watchNamespace: settings.SIM_WATCH_NAMESPACE,
    },
  );
  void controller
    .start()
    .then(() => log(`running with time scale ${settings.SIM_TIME_SCALE}, state in ${settings.SIM_STATE_FILE}`));

  const shutdown = () => {
    log('stopping');
    void Promise.all([controller.stop(), cloudWatch?.stop()]).finally(() => {
      saver.flush();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

try {
  main();
} catch (error) {
  console.error(`[sagemaker-simulator] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
