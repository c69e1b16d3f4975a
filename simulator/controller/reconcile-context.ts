import type { SimulatedSageMaker } from '../sagemaker/service';
import type { KubeApi } from './kube-api';
import type { ControllerDefaults, NamespaceAnnotations } from './location';

/** What every reconciler needs: the API server, simulated AWS, and the controller's settings. */
export interface ReconcileContext {
  kube: KubeApi;
  sagemaker: SimulatedSageMaker;
  namespaces: NamespaceAnnotations;
  defaults: ControllerDefaults;
  /** Endpoint requeue period (30 s in the real controller), already scaled. */
  endpointResyncMs: number;
  /** EndpointConfig and Model requeue period (10 h), already scaled. */
  immutableResyncMs: number;
  now: () => Date;
  log: (message: string) => void;
}

/** What the work queue does with a key after a reconcile. */
export type ReconcileResult = { requeueAfterMs: number } | { backoff: true } | { done: true };

export const requeueAfter = (ms: number): ReconcileResult => ({ requeueAfterMs: ms });
export const backoff: ReconcileResult = { backoff: true };
export const done: ReconcileResult = { done: true };

/** The SDK error chain ACK puts in an Unknown Synced condition's reason (docs/ack-behaviour.md §8.5). */
export function sdkErrorChain(operation: string, code: string, message: string): string {
  const requestId = crypto.randomUUID();
  return `operation error SageMaker: ${operation}, https response error StatusCode: 400, RequestID: ${requestId}, api error ${code}: ${message}`;
}
