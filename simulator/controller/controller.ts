import {
  CoreV1Api,
  type KubernetesListObject,
  type KubernetesObject,
  type V1ConfigMap,
  type V1Namespace,
} from '@kubernetes/client-node';
import {
  endpointConfigKind,
  endpointKind,
  modelKind,
  sagemakerGroup,
  sagemakerVersion,
  type ResourceKind,
} from '../../lib/schemas/resource-kinds';
import type { EndpointFaults, FaultControls } from '../faults';
import { reconcileEndpoint } from './endpoint-reconciler';
import { endpointConfigHandling, modelHandling, reconcileImmutable } from './immutable-reconciler';
import { startInformer } from './informer';
import type { ReconcileContext, ReconcileResult } from './reconcile-context';
import { WorkQueue } from './work-queue';

export interface ControllerOptions {
  concurrency: number;
  baseBackoffMs: number;
  maxBackoffMs: number;
  watchRetryMs: number;
  faultsNamespace: string;
  faultsConfigMap: string;
  /** Empty watches every namespace. */
  watchNamespace: string;
}

type Reconcile = (namespace: string, name: string) => Promise<ReconcileResult>;

/**
 * The simulated controller: one watch and one work queue per kind. Like ACK it reconciles when an object is
 * added or its generation changes, never for annotation, label or status changes (docs/ack-behaviour.md §5.1);
 * everything else is a requeue the previous reconcile asked for.
 */
export class SimulatedController {
  private readonly stops: (() => Promise<void>)[] = [];
  private readonly queues: WorkQueue[] = [];

  constructor(
    private readonly context: ReconcileContext,
    private readonly faults: FaultControls,
    private readonly options: ControllerOptions,
  ) {}

  /**
   * Namespaces and fault controls first: a reconcile must not run before it knows a namespace's region,
   * account and deletion policy.
   */
  async start(): Promise<void> {
    await Promise.all([this.watchNamespaces(), this.watchFaults()]);
    this.watchKind(endpointKind, (ns, name) => reconcileEndpoint(this.context, ns, name));
    this.watchKind(endpointConfigKind, (ns, name) =>
      reconcileImmutable(endpointConfigHandling, this.context, ns, name),
    );
    this.watchKind(modelKind, (ns, name) => reconcileImmutable(modelHandling, this.context, ns, name));
  }

  async stop(): Promise<void> {
    for (const queue of this.queues) queue.stop();
    await Promise.all(this.stops.map((stop) => stop()));
  }

  private watchKind(kind: ResourceKind, reconcile: Reconcile): void {
    const generations = new Map<string, number | undefined>();
    const queue = new WorkQueue(async (key) => {
      const [namespace, name] = key.split('/') as [string, string];
      let result: ReconcileResult;
      try {
        result = await reconcile(namespace, name);
      } catch (error) {
        this.context.log(
          `${kind.kind} ${key}: reconcile failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        result = { backoff: true };
      }
      if ('backoff' in result) queue.addRateLimited(key);
      else {
        queue.forgetFailures(key);
        if ('requeueAfterMs' in result) queue.addAfter(key, result.requeueAfterMs);
      }
    }, this.options);
    this.queues.push(queue);
    const coordinates = { group: sagemakerGroup, version: sagemakerVersion, plural: kind.plural };
    const namespace = this.options.watchNamespace;
    const path = `/apis/${sagemakerGroup}/${sagemakerVersion}${namespace ? `/namespaces/${namespace}` : ''}/${kind.plural}`;
    const list = () =>
      (namespace
        ? this.context.kube.customObjects.listNamespacedCustomObject({ ...coordinates, namespace })
        : this.context.kube.customObjects.listClusterCustomObject(coordinates)) as Promise<
        KubernetesListObject<KubernetesObject>
      >;
    const informer = startInformer(
      this.context.kube.kubeConfig,
      path,
      list,
      {
        upsert: (object) => {
          const key = `${object.metadata?.namespace}/${object.metadata?.name}`;
          // Keyed by uid, so an object deleted and re-created under the same name is always new.
          const uid = object.metadata?.uid ?? key;
          const generation = object.metadata?.generation;
          if (generations.has(uid) && generations.get(uid) === generation) return;
          generations.set(uid, generation);
          queue.add(key);
        },
        remove: (object) => {
          const key = `${object.metadata?.namespace}/${object.metadata?.name}`;
          generations.delete(object.metadata?.uid ?? key);
          queue.remove(key);
        },
      },
      this.options.watchRetryMs,
      this.context.log,
    );
    this.stops.push(informer.stop);
  }

  private watchNamespaces(): Promise<void> {
    const core = this.context.kube.kubeConfig.makeApiClient(CoreV1Api);
    const informer = startInformer<V1Namespace>(
      this.context.kube.kubeConfig,
      '/api/v1/namespaces',
      () => core.listNamespace(),
      {
        upsert: (namespace) => this.context.namespaces.set(namespace.metadata!.name!, namespace.metadata?.annotations),
        remove: (namespace) => this.context.namespaces.delete(namespace.metadata!.name!),
      },
      this.options.watchRetryMs,
      this.context.log,
    );
    this.stops.push(informer.stop);
    return informer.started;
  }

  private watchFaults(): Promise<void> {
    const core = this.context.kube.kubeConfig.makeApiClient(CoreV1Api);
    const namespace = this.options.faultsNamespace;
    const name = this.options.faultsConfigMap;
    const informer = startInformer<V1ConfigMap>(
      this.context.kube.kubeConfig,
      `/api/v1/namespaces/${namespace}/configmaps`,
      () => core.listNamespacedConfigMap({ namespace, fieldSelector: `metadata.name=${name}` }),
      {
        upsert: (configMap) => {
          if (configMap.metadata?.name !== name) return;
          this.applyOutOfBandDeletions(this.faults.update(configMap.data));
          this.context.log(`fault controls now at resourceVersion ${configMap.metadata.resourceVersion}`);
        },
        remove: (configMap) => {
          if (configMap.metadata?.name === name) this.faults.update(undefined);
        },
      },
      this.options.watchRetryMs,
      this.context.log,
    );
    this.stops.push(informer.stop);
    return informer.started;
  }

  /** Endpoints the controls say were deleted in AWS behind Kubernetes' back. */
  private applyOutOfBandDeletions(endpoints: EndpointFaults): void {
    for (const [name, faults] of Object.entries(endpoints)) {
      if (!faults.deletedInAwsAfter) continue;
      const cutoff = Date.parse(faults.deletedInAwsAfter);
      for (const endpoint of Object.values(this.context.sagemaker.state.endpoints)) {
        if (endpoint.name === name && endpoint.createdAt < cutoff) {
          this.context.sagemaker.removeEndpointOutOfBand(endpoint.location, name);
          this.context.log(`simulated AWS: endpoint ${name} deleted out of band`);
        }
      }
    }
  }
}
