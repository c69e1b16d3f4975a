// A namespace with its own simulated controller, and the calls tests make against it as admin. Free of
// vitest, so end-to-end specs use it too; integration tests reach it through sagemaker-world.ts.
import {
  ApiException,
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  Watch,
} from '@kubernetes/client-node';
import { endpointSchema, type Endpoint } from '@/lib/schemas/endpoint';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { coordinates } from './sagemaker-objects';
import { startSimulator, type RunningSimulator } from './simulator-process';
import { createNamespace, loadUserKubeConfig } from './test-users';

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const FAULTS_NAMESPACE = 'sagemaker-simulator';

export interface VariantInput {
  name: string;
  model: string;
  instanceType?: string;
  count?: number;
  weight?: number;
  serverless?: { memorySizeInMB: number; maxConcurrency: number };
}

export class SimWorld {
  private constructor(
    readonly kubeconfigDir: string,
    readonly namespace: string,
    readonly simulator: RunningSimulator,
  ) {}

  /** A fresh namespace on the control plane whose kubeconfigs are in `kubeconfigDir`, with its own simulator. */
  static async startIn(
    kubeconfigDir: string,
    prefix: string,
    extraEnv?: Record<string, string>,
    timeScale?: number,
  ): Promise<SimWorld> {
    const namespace = await createNamespace(loadUserKubeConfig(kubeconfigDir, 'admin'), prefix);
    const simulator = await startSimulator({
      kubeconfigDir,
      timeScale,
      namespace,
      faultsConfigMap: namespace,
      extraEnv,
    });
    return new SimWorld(kubeconfigDir, namespace, simulator);
  }

  private get admin() {
    return loadUserKubeConfig(this.kubeconfigDir, 'admin');
  }

  private get api() {
    return this.admin.makeApiClient(CustomObjectsApi);
  }

  private at(kind: string, name: string) {
    return { ...coordinates(kind, this.namespace), name };
  }

  async createModel(name: string, image = `123456789012.dkr.ecr.us-west-2.amazonaws.com/${name}:1`) {
    await this.api.createNamespacedCustomObject({
      ...coordinates('Model', this.namespace),
      body: {
        apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
        kind: 'Model',
        metadata: { name },
        spec: { modelName: name, primaryContainer: { image } },
      },
    });
  }

  async createConfig(name: string, variants: VariantInput[], extraSpec: object = {}) {
    await this.api.createNamespacedCustomObject({
      ...coordinates('EndpointConfig', this.namespace),
      body: {
        apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
        kind: 'EndpointConfig',
        metadata: { name },
        spec: {
          endpointConfigName: name,
          productionVariants: variants.map((v) =>
            v.serverless
              ? { variantName: v.name, modelName: v.model, serverlessConfig: v.serverless }
              : {
                  variantName: v.name,
                  modelName: v.model,
                  instanceType: v.instanceType ?? 'ml.c5.large',
                  initialInstanceCount: v.count ?? 2,
                  initialVariantWeight: v.weight ?? 1,
                },
          ),
          ...extraSpec,
        },
      },
    });
  }

  async createEndpoint(
    name: string,
    endpointConfigName: string,
    deploymentConfig?: DeploymentConfig,
    annotations?: Record<string, string>,
  ) {
    await this.api.createNamespacedCustomObject({
      ...coordinates('Endpoint', this.namespace),
      body: {
        apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
        kind: 'Endpoint',
        metadata: { name, ...(annotations ? { annotations } : {}) },
        spec: { endpointName: name, endpointConfigName, ...(deploymentConfig ? { deploymentConfig } : {}) },
      },
    });
  }

  /** Waits until the simulated controller has created the config in SageMaker (Ready=True). */
  async configReady(name: string) {
    await this.waitFor(
      () => this.get('EndpointConfig', name),
      (config) =>
        config?.status?.conditions?.some(
          (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
        ),
      `EndpointConfig ${name} ready`,
    );
  }

  /** An Endpoint CR whose spec.endpointName differs from its object name. */
  async createEndpointNamed(name: string, endpointName: string, endpointConfigName: string) {
    await this.api.createNamespacedCustomObject({
      ...coordinates('Endpoint', this.namespace),
      body: {
        apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
        kind: 'Endpoint',
        metadata: { name },
        spec: { endpointName, endpointConfigName },
      },
    });
  }

  /** Model, config and endpoint in one go, waiting until the endpoint is InService. */
  async inServiceEndpoint(
    name: string,
    variants: Omit<VariantInput, 'model'>[] = [{ name: 'primary', count: 4 }],
  ): Promise<Endpoint> {
    await this.createModel(`${name}-model-v1`);
    await this.createConfig(
      `${name}-v1`,
      variants.map((v) => ({ ...v, model: `${name}-model-v1` })),
    );
    await this.createEndpoint(name, `${name}-v1`);
    return this.waitForEndpoint(name, (e) => e.status?.endpointStatus === 'InService', 'InService after create');
  }

  async patch(kind: string, name: string, body: object) {
    return this.api.patchNamespacedCustomObject({ ...this.at(kind, name), body }, mergePatch);
  }

  async remove(kind: string, name: string) {
    await this.api.deleteNamespacedCustomObject(this.at(kind, name));
  }

  async get(kind: string, name: string): Promise<Record<string, any> | undefined> {
    try {
      return (await this.api.getNamespacedCustomObject(this.at(kind, name))) as Record<string, any>;
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) return undefined;
      throw error;
    }
  }

  async endpoint(name: string): Promise<Endpoint> {
    return endpointSchema.parse(await this.get('Endpoint', name));
  }

  /** Polls the object until the predicate holds; fails naming what it waited for and what it last saw. */
  async waitFor<T>(
    read: () => Promise<T>,
    predicate: (value: T) => boolean,
    what: string,
    timeoutMs = 20_000,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    for (;;) {
      last = await read();
      if (predicate(last)) return last;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last, null, 1)}`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  }

  waitForEndpoint(name: string, predicate: (endpoint: Endpoint) => boolean, what: string, timeoutMs?: number) {
    return this.waitFor(() => this.endpoint(name), predicate, `${name}: ${what}`, timeoutMs);
  }

  /** Sets the simulator-only controls for this world's simulator (keys as simulator/faults.ts documents them). */
  async setFaults(controls: {
    alarms?: Record<string, string>;
    endpoints?: Record<string, object>;
    cloudwatchAlarms?: Record<string, object>;
    images?: Record<string, object>;
    traffic?: Record<string, object>;
  }) {
    const core = this.admin.makeApiClient(CoreV1Api);
    const { alarms = {}, endpoints = {}, ...metrics } = controls;
    const body = {
      metadata: { name: this.namespace, namespace: FAULTS_NAMESPACE },
      data: {
        alarms: JSON.stringify(alarms),
        endpoints: JSON.stringify(endpoints),
        ...Object.fromEntries(Object.entries(metrics).map(([key, value]) => [key, JSON.stringify(value)])),
      },
    };
    let written;
    try {
      written = await core.replaceNamespacedConfigMap({ name: this.namespace, namespace: FAULTS_NAMESPACE, body });
    } catch (error) {
      if (!(error instanceof ApiException && error.code === 404)) throw error;
      written = await core.createNamespacedConfigMap({ namespace: FAULTS_NAMESPACE, body });
    }
    // Wait until the simulator has read this version, so the next step cannot race it.
    const marker = `fault controls now at resourceVersion ${written.metadata?.resourceVersion}`;
    await this.waitFor(
      async () => this.simulator.output(),
      (output) => output.includes(marker),
      'the simulator to read the fault controls',
    );
  }

  /** Every version of an object the API server sends on a watch, from now until `stop`. */
  async record(kind: string, name: string): Promise<{ versions: Record<string, any>[]; stop: () => void }> {
    const versions: Record<string, any>[] = [];
    const { plural } = coordinates(kind, this.namespace);
    const controller = await new Watch(this.admin).watch(
      `/apis/sagemaker.services.k8s.aws/v1alpha1/namespaces/${this.namespace}/${plural}`,
      { fieldSelector: `metadata.name=${name}` },
      (_type, object: Record<string, any>) => versions.push(object),
      () => {},
    );
    return { versions, stop: () => controller.abort() };
  }

  /** Every version of an Endpoint, parsed, from now until `stop`. */
  async recordEndpoint(name: string): Promise<{ versions: Endpoint[]; stop: () => void }> {
    const recording = await this.record('Endpoint', name);
    return {
      get versions() {
        return recording.versions.map((version) => endpointSchema.parse(version));
      },
      stop: recording.stop,
    };
  }

  async stop() {
    await this.simulator.stop();
  }
}
