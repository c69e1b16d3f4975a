// The SIMULATED ACK sagemaker-controller: stands in for the real controller and for AWS SageMaker, which
// cannot be reached here. It watches Endpoints, EndpointConfigs and Models through the API server with its
// own identity and writes back what the real controller writes (docs/ack-behaviour.md §5, §13).
import { KubeConfig } from '@kubernetes/client-node';
import { readSettings, timingsFrom } from './config';
import { SimulatedController } from './controller/controller';
import { KubeApi } from './controller/kube-api';
import { NamespaceAnnotations } from './controller/location';
import { FaultControls } from './faults';
import { SimulatedSageMaker } from './sagemaker/service';
import { loadState, stateSaver } from './state-file';
import { scaledMs } from './timings';

const log = (message: string) => console.log(`[sagemaker-simulator] ${message}`);

function main() {
  const settings = readSettings(process.env);
  const timings = timingsFrom(settings);
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(settings.SIM_KUBECONFIG);

  const state = loadState(settings.SIM_STATE_FILE);
  const saver = stateSaver(settings.SIM_STATE_FILE, state, 200);
  const faults = new FaultControls(log);
  const sagemaker = new SimulatedSageMaker(state, {
    now: () => Date.now(),
    timings,
    alarmState: faults.alarmState,
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
    void controller.stop().finally(() => {
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
