import { stageAt, stagesEndMs } from './deployment-stages';
import type { Operation, SimEndpoint } from './types';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface ProgressContext {
  now: number;
  alarmState: (alarmName: string) => AlarmState;
  rollbackMs: number;
}

type UpdateOperation = Extract<Operation, { kind: 'update' }>;

function settle(endpoint: SimEndpoint, at: number, changes: Partial<SimEndpoint>): void {
  Object.assign(endpoint, changes, { lastModifiedAt: at, operation: undefined });
}

function startRollback(
  endpoint: SimEndpoint,
  operation: UpdateOperation,
  at: number,
  reason: string,
  rollbackMs: number,
) {
  const stage = stageAt(operation.stages, at - operation.startedAt);
  endpoint.lastDeploymentConfig = operation.deploymentConfig;
  endpoint.operation = {
    kind: 'rollback',
    startedAt: at,
    durationMs: rollbackMs,
    failureReason: reason,
    // A failed rollback is only modelled for rolling updates, where the fleet is mixed.
    fails: operation.rolling && operation.faults.failRollback === true,
    oldFleetFraction: stage?.oldFleetFraction ?? 1,
    targetConfigName: operation.configName,
  };
}

function advanceUpdate(endpoint: SimEndpoint, operation: UpdateOperation, context: ProgressContext): void {
  const { now } = context;
  const endsAt = operation.startedAt + stagesEndMs(operation.stages);
  const firstStage = operation.stages[0];
  const failsAt = operation.faults.failUpdate && firstStage ? operation.startedAt + firstStage.durationMs : undefined;
  const timesOutAt = operation.timeoutMs !== undefined ? operation.startedAt + operation.timeoutMs : undefined;

  // Events in time order; the earliest one that has happened by now decides.
  if (failsAt !== undefined && failsAt <= now && failsAt <= endsAt) {
    // The new fleet never took traffic: SageMaker drops it and stays on the old config (docs/ack-behaviour.md §13.3 step 5).
    settle(endpoint, failsAt, {
      status: 'InService',
      failureReason: operation.faults.failUpdate,
      lastDeploymentConfig: operation.deploymentConfig,
    });
    return;
  }
  if (timesOutAt !== undefined && timesOutAt <= now && timesOutAt < endsAt) {
    const seconds = Math.round(operation.timeoutMs! / 1000);
    startRollback(
      endpoint,
      operation,
      timesOutAt,
      `Deployment exceeded MaximumExecutionTimeoutInSeconds (${seconds} s) and was rolled back.`,
      context.rollbackMs,
    );
    return;
  }
  if (now >= endsAt) {
    settle(endpoint, endsAt, {
      status: 'InService',
      configName: operation.configName,
      fleet: operation.fleet,
      fleetFraction: undefined,
      failureReason: undefined,
      lastDeploymentConfig: operation.deploymentConfig,
    });
    return;
  }
  const stage = stageAt(operation.stages, now - operation.startedAt);
  const firing = stage?.monitored ? operation.alarms.filter((alarm) => context.alarmState(alarm) === 'ALARM') : [];
  if (firing.length > 0) {
    const reason = `Deployment was rolled back because CloudWatch alarm(s) ${firing.join(', ')} went into ALARM state.`;
    startRollback(endpoint, operation, now, reason, context.rollbackMs);
  }
}

/**
 * Moves an endpoint's operation forward to `now`: SageMaker's state at the moment it is described.
 * Returns 'gone' once a deletion has finished.
 */
export function advanceEndpoint(endpoint: SimEndpoint, context: ProgressContext): 'present' | 'gone' {
  for (;;) {
    const operation = endpoint.operation;
    if (!operation) return 'present';
    const before = operation;
    switch (operation.kind) {
      case 'create': {
        const endsAt = operation.startedAt + operation.durationMs;
        if (context.now < endsAt) return 'present';
        if (operation.failCreate)
          settle(endpoint, endsAt, { status: 'Failed', failureReason: operation.failCreate, fleet: [] });
        else settle(endpoint, endsAt, { status: 'InService' });
        break;
      }
      case 'update':
        advanceUpdate(endpoint, operation, context);
        break;
      case 'rollback': {
        const endsAt = operation.startedAt + operation.durationMs;
        if (context.now < endsAt) return 'present';
        // After a failed rollback the endpoint is stuck between configs; SageMaker reports the one it was moving
        // to, so ACK sees no spec difference and reports UpdateRollbackFailed as synced (docs/ack-behaviour.md §13.3 step 6).
        settle(endpoint, endsAt, {
          status: operation.fails ? 'UpdateRollbackFailed' : 'InService',
          failureReason: operation.failureReason,
          fleetFraction: operation.fails ? operation.oldFleetFraction : undefined,
          ...(operation.fails ? { configName: operation.targetConfigName } : {}),
        });
        break;
      }
      case 'delete':
        return context.now >= operation.startedAt + operation.durationMs ? 'gone' : 'present';
    }
    // Nothing changed: the operation is still running.
    if (endpoint.operation === before) return 'present';
  }
}
