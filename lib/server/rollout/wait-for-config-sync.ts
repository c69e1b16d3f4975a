import 'server-only';
import { ackConditionTypes } from '@/lib/schemas/ack';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import type { Identity } from '../auth/identity';
import { readConfigAsCaller } from './caller-reads';

/** Where an EndpointConfig stands with SageMaker, from what the controller wrote in its status. */
export type ConfigSyncState = { state: 'synced' } | { state: 'refused'; message: string } | { state: 'pending' };

/**
 * Synced once the controller has created the config in SageMaker: an ARN in `status.ackResourceMetadata`, or
 * `ACK.ResourceSynced=True`. Refused on `ACK.Terminal=True`, or `ACK.Recoverable=True` with the AWS error as its
 * message (CreateEndpointConfig answered an error; the controller backs off, docs/ack-behaviour.md §8.4).
 */
export function configSyncState(config: EndpointConfig): ConfigSyncState {
  const conditions = config.status?.conditions ?? [];
  const isTrue = (type: string) =>
    conditions.find((condition) => condition.type === type && condition.status === 'True');
  const terminal = isTrue(ackConditionTypes.terminal);
  if (terminal) return { state: 'refused', message: terminal.message || 'the controller marked it terminal' };
  const recoverable = isTrue(ackConditionTypes.recoverable);
  if (recoverable?.message) return { state: 'refused', message: recoverable.message };
  if (config.status?.ackResourceMetadata?.arn || isTrue(ackConditionTypes.synced)) return { state: 'synced' };
  return { state: 'pending' };
}

export type ConfigSyncOutcome =
  | { outcome: 'synced'; config: EndpointConfig }
  | { outcome: 'refused'; message: string }
  | { outcome: 'gone' }
  | { outcome: 'timed-out' };

const POLL_MS = 500;

/**
 * Reads the EndpointConfig as the caller until SageMaker has it (or refused it), for at most `timeoutMs`. The
 * Endpoint must not name a config SageMaker lacks: the controller would answer "Could not find endpoint
 * configuration" and back off for minutes (docs/ack-behaviour.md §8.4 C9).
 */
export async function waitForConfigSync(
  identity: Identity,
  namespace: string,
  name: string,
  timeoutMs: number,
): Promise<ConfigSyncOutcome> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const config = await readConfigAsCaller(identity, namespace, name);
    if (!config) return { outcome: 'gone' };
    const sync = configSyncState(config);
    if (sync.state === 'synced') return { outcome: 'synced', config };
    if (sync.state === 'refused') return { outcome: 'refused', message: sync.message };
    const left = deadline - Date.now();
    if (left <= 0) return { outcome: 'timed-out' };
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, left)));
  }
}
