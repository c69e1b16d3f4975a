import { ackConditionTypes } from '@/lib/schemas/ack';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { controllerError } from './controller-error';
import { trueCondition } from './status-facts';
import { endpointHealth } from './health';
import { lastAcceptedConfig } from './held-back';

/** Why a replica cannot name the config the old fleet runs during an update. */
export const runningConfigUnknownReasons = ['started-mid-update', 'watch-gap', 'not-seen'] as const;
export type RunningConfigUnknown = (typeof runningConfigUnknownReasons)[number];

/** The config the running fleet came from (during an update: the old fleet), or why it is not known. */
export type RunningConfig = { name: string } | { unknown: RunningConfigUnknown };

/** The words the pages use for an unknown running config. */
export const runningConfigUnknownText: Record<RunningConfigUnknown, string> = {
  'started-mid-update': 'unknown since this replica started mid-update',
  'watch-gap': 'unknown: this replica lost its watch while the update began',
  'not-seen': 'unknown: this replica never saw which config the endpoint ran',
};

/**
 * What one replica remembers of an endpoint from its watch: the config it ran when last seen at rest, and the
 * config of the deployment in flight when last seen. Kept in memory only (docs/decisions/006-fleet-memory.md).
 */
export interface RunningConfigMemory {
  uid?: string;
  /** The config the endpoint ran InService when last seen so; undefined when not known. */
  liveConfigName?: string;
  /** The config being deployed (pendingDeploymentSummary) when last seen; undefined when none was. */
  deployingTo?: string;
  /** Last seen in a modifying state or with a deployment in flight, not InService at rest. */
  busy?: boolean;
  /** Why liveConfigName is not known while a deployment runs. */
  unknown?: RunningConfigUnknown;
}

const LIVE_CONFIG = /latest EndpointConfigName is (\S+)/;

/**
 * The config an endpoint InService with no deployment in flight runs, from its object alone, or undefined when the
 * object does not say. ACK copies no config name from DescribeEndpoint into status (docs/ack-behaviour.md §4.6), so
 * the evidence is indirect. `named`: the controller's EndpointUpdateError names the live config (C6, §6.2), read
 * from SageMaker. Weaker: with no failure reported, the annotation names the last update the controller submitted
 * (§10.2); else ResourceSynced True with no error means the controller found the spec equal to what SageMaker runs
 * (C2). Both are written before the controller acts on a change: the spec edit, and the annotation, which the
 * controller patches on before it writes Updating (§6.1 step 4), reach the watch while the status still says
 * InService. So callers trust the weaker readings only when the endpoint has just come to rest.
 */
export function restingConfigName(endpoint: Pick<Endpoint, 'metadata' | 'spec' | 'status'>): {
  name?: string;
  named?: boolean;
} {
  const status = endpoint.status;
  if (status?.endpointStatus !== 'InService' || status.pendingDeploymentSummary) return {};
  const terminal = trueCondition(status.conditions, ackConditionTypes.terminal);
  const named = terminal?.message ? LIVE_CONFIG.exec(terminal.message)?.[1] : undefined;
  if (named) return { name: named, named: true };
  const accepted = lastAcceptedConfig(endpoint);
  if (accepted) return { name: accepted };
  const synced = trueCondition(status.conditions, ackConditionTypes.synced) !== undefined;
  if (synced && !controllerError(status.conditions)) return { name: endpoint.spec.endpointConfigName };
  return {};
}

/**
 * The memory after seeing `endpoint` (the newest version on the watch), given the memory before it. A deployment
 * whose start this replica did not see has an unknown old config: it is never guessed from the spec.
 */
export function rememberRunningConfig(
  previous: RunningConfigMemory | undefined,
  endpoint: Pick<Endpoint, 'metadata' | 'spec' | 'status'>,
): RunningConfigMemory {
  const uid = endpoint.metadata.uid;
  // Another object under the same name (deleted and re-created while the watch was away) starts afresh.
  const prior = previous && previous.uid === uid ? previous : undefined;
  const status = endpoint.status;
  const pending = status?.pendingDeploymentSummary;

  if (pending) {
    const target = pending.endpointConfigName ?? endpoint.spec.endpointConfigName;
    // A create has no old fleet to name.
    if (status?.endpointStatus === 'Creating') return { uid, deployingTo: target, busy: true };
    if (!prior) return { uid, deployingTo: target, busy: true, unknown: 'started-mid-update' };
    if (prior.deployingTo !== undefined && prior.deployingTo !== target) {
      // The deployment seen before ended without an InService version in between: the controller submits a
      // held-back change in the same pass that finds the endpoint InService and writes only Updating
      // (docs/ack-behaviour.md §6.1 steps 1 and 4). SageMaker keeps a failure reason until an update succeeds
      // (§4.4), so one now means that deployment was rolled back, and none means it took over.
      const live = status?.failureReason !== undefined ? prior.liveConfigName : prior.deployingTo;
      return live === undefined
        ? { uid, deployingTo: target, busy: true, unknown: prior.unknown ?? 'not-seen' }
        : { uid, liveConfigName: live, deployingTo: target, busy: true };
    }
    if (prior.liveConfigName === undefined) {
      // Still the deployment it was first seen in, or seen at rest without a config it could read.
      const unknown = prior.deployingTo === target && prior.unknown ? prior.unknown : 'not-seen';
      return { uid, deployingTo: target, busy: true, unknown };
    }
    return { uid, liveConfigName: prior.liveConfigName, deployingTo: target, busy: true };
  }

  // Updating before SageMaker reports the deployment, RollingBack, SystemUpdating and the rest: what runs is still
  // what ran, and a deployment seen in flight is still the one to settle when the endpoint is InService again.
  if (status?.endpointStatus !== 'InService') return { ...(prior ?? { uid }), busy: true };

  const read = restingConfigName(endpoint);
  const failed = status.failureReason !== undefined;
  let live: string | undefined;
  if (read.named || !prior) {
    live = read.name;
  } else if (prior.deployingTo !== undefined) {
    // The deployment this replica saw ended. A failure reason means SageMaker rolled it back to the old config
    // (it clears the reason only when an update succeeds, docs/ack-behaviour.md §4.4, §6.2).
    live = failed ? prior.liveConfigName : prior.deployingTo;
  } else if (prior.busy) {
    // Back from Updating with no deployment seen (one shorter than ACK's 30-second refresh, or a change of
    // capacity), or from maintenance: the annotation names what the last successful update deployed.
    live = failed ? prior.liveConfigName : (read.name ?? prior.liveConfigName);
  } else {
    // At rest before and now: a newer annotation or spec here is a change the controller has yet to act on.
    live = prior.liveConfigName ?? read.name;
  }
  return live === undefined ? { uid } : { uid, liveConfigName: live };
}

/**
 * The config the running fleet came from, for a summary. At rest: the live config the controller names after a
 * rolled-back update, else what the replica remembers, else the spec's. During an update (the old fleet): what
 * the replica saw it run InService before the update began, else the config a Fleetdeck rollout recorded as the
 * previous one (`previousFromRollout`), else unknown and why. Undefined during a create: there is no old fleet.
 */
export function runningConfigOf(
  endpoint: Pick<Endpoint, 'metadata' | 'spec' | 'status'>,
  memory: RunningConfigMemory | undefined,
  previousFromRollout?: string,
): RunningConfig | undefined {
  const pending = endpoint.status?.pendingDeploymentSummary;
  if (!pending) {
    const name =
      endpointHealth(endpoint).rolledBack?.liveConfigName ?? memory?.liveConfigName ?? endpoint.spec.endpointConfigName;
    return { name };
  }
  if (endpoint.status?.endpointStatus === 'Creating') return undefined;
  if (memory?.liveConfigName !== undefined) return { name: memory.liveConfigName };
  if (previousFromRollout !== undefined) return { name: previousFromRollout };
  return { unknown: memory?.unknown ?? 'not-seen' };
}
