import { describe, expect, it } from 'vitest';
import type { AckCondition } from '@/lib/schemas/ack';
import type { Endpoint, EndpointStatus } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import { endpointLabel, markAuthorship, replacedConfigOutcome, rolloutAnnotations, rolloutHistory } from './history';

const SUBMITTED = 'sagemaker.services.k8s.aws/last-endpoint-config-for-update';
const refusal = (live: string) =>
  `api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is ${live}`;
const synced = (status: 'True' | 'False', message: string): AckCondition => ({
  type: 'ACK.ResourceSynced',
  status,
  message,
});
const terminal = (message: string): AckCondition => ({ type: 'ACK.Terminal', status: 'True', message });

function endpoint(spec: string, status: EndpointStatus | undefined, submitted?: string): Endpoint {
  return {
    metadata: {
      name: 'pricing',
      namespace: 'ml',
      generation: 3,
      ...(submitted ? { annotations: { [SUBMITTED]: submitted } } : {}),
    },
    spec: { endpointName: 'pricing', endpointConfigName: spec },
    ...(status ? { status } : {}),
  };
}

function config(
  name: string,
  createdAt: string,
  annotations: Record<string, string> = {},
  label = 'pricing',
): EndpointConfig {
  return {
    metadata: {
      name,
      creationTimestamp: createdAt.replace(/\.\d+Z$/, 'Z'),
      labels: { [endpointLabel]: label },
      annotations: { [rolloutAnnotations.createdAt]: createdAt, ...annotations },
    },
    spec: { endpointConfigName: name, productionVariants: [] },
  };
}

const inService: EndpointStatus = {
  endpointStatus: 'InService',
  conditions: [synced('True', 'Endpoint is in InService status.')],
};
const rolledBack = (live: string): EndpointStatus => ({
  endpointStatus: 'InService',
  failureReason: 'alarm pricing-p99 in ALARM',
  conditions: [synced('False', refusal(live)), terminal(refusal(live))],
});

describe('the outcome of the config the spec names (the newest rollout)', () => {
  it.each<{ what: string; endpoint: Endpoint; expected: object }>([
    {
      what: 'accepted and InService: completed',
      endpoint: endpoint('c2', inService, 'c2'),
      expected: { kind: 'completed' },
    },
    {
      what: 'the config the endpoint was created with: completed',
      endpoint: endpoint('c2', inService),
      expected: { kind: 'completed' },
    },
    {
      what: 'Updating to it: in progress',
      endpoint: endpoint(
        'c2',
        { endpointStatus: 'Updating', pendingDeploymentSummary: { endpointConfigName: 'c2' } },
        'c2',
      ),
      expected: { kind: 'in-progress', detail: 'The endpoint is Updating.' },
    },
    {
      what: 'RollingBack: in progress',
      endpoint: endpoint('c2', { endpointStatus: 'RollingBack' }, 'c2'),
      expected: { kind: 'in-progress', detail: 'SageMaker is rolling the update back.' },
    },
    {
      what: 'not yet submitted, after an earlier config was refused (stale EndpointUpdateError): in progress, not failed',
      endpoint: endpoint('c3', rolledBack('c1'), 'c2'),
      expected: { kind: 'in-progress', detail: 'Waiting for the controller to submit the new config.' },
    },
    {
      what: 'not yet submitted because the endpoint is busy: in progress with the controller message',
      endpoint: endpoint(
        'c3',
        {
          endpointStatus: 'InService',
          conditions: [
            {
              type: 'ACK.Recoverable',
              status: 'True',
              message: 'Endpoint in SystemUpdating state cannot be modified or deleted.',
            },
          ],
        },
        'c2',
      ),
      expected: { kind: 'in-progress', detail: 'Endpoint in SystemUpdating state cannot be modified or deleted.' },
    },
    {
      what: 'refused by SageMaker with a terminal code before any submission (C8): failed',
      endpoint: endpoint(
        'c3',
        { endpointStatus: 'InService', conditions: [terminal('api error InvalidParameterValue: bad instance type')] },
        'c2',
      ),
      expected: { kind: 'failed', failureReason: 'api error InvalidParameterValue: bad instance type' },
    },
    {
      what: 'rolled back and refused (C6): rolled back',
      endpoint: endpoint('c2', rolledBack('c1'), 'c2'),
      expected: { kind: 'rolled-back', failureReason: 'alarm pricing-p99 in ALARM' },
    },
    {
      what: 'rolled back, before the controller marks it terminal: rolled back',
      endpoint: endpoint('c2', { ...inService, failureReason: 'health check failed' }, 'c2'),
      expected: { kind: 'rolled-back', failureReason: 'health check failed' },
    },
    {
      what: 'UpdateRollbackFailed: failed',
      endpoint: endpoint('c2', { endpointStatus: 'UpdateRollbackFailed', failureReason: 'rollback failed' }, 'c2'),
      expected: { kind: 'failed', failureReason: 'rollback failed' },
    },
    {
      what: 'Failed: failed',
      endpoint: endpoint('c2', { endpointStatus: 'Failed', failureReason: 'no model data' }),
      expected: { kind: 'failed', failureReason: 'no model data' },
    },
    {
      what: 'no status yet: in progress',
      endpoint: endpoint('c2', undefined),
      expected: { kind: 'in-progress', detail: 'The controller has not reported on the endpoint yet.' },
    },
  ])('$what', ({ endpoint: live, expected }) => {
    const history = rolloutHistory(live, [config(live.spec.endpointConfigName, '2026-11-25T10:00:00.000Z')]);
    expect(history[0]!.outcome).toEqual(expected);
    expect(history[0]!.current).toBe(true);
  });
});

describe('replacedConfigOutcome (recorded when a new rollout replaces the spec config)', () => {
  it.each<[string, Endpoint, object]>([
    ['completed', endpoint('c2', inService, 'c2'), { kind: 'completed' }],
    [
      'rolled back, with the reason',
      endpoint('c2', rolledBack('c1'), 'c2'),
      { kind: 'rolled-back', failureReason: 'alarm pricing-p99 in ALARM' },
    ],
    [
      'failed',
      endpoint('c2', { endpointStatus: 'UpdateRollbackFailed', failureReason: 'x' }, 'c2'),
      { kind: 'failed', failureReason: 'x' },
    ],
    ['still in progress: unknown', endpoint('c2', { endpointStatus: 'Updating' }, 'c2'), { kind: 'unknown' }],
    ['never submitted: unknown', endpoint('c3', inService, 'c2'), { kind: 'unknown' }],
  ])('%s', (_what, live, expected) => {
    expect(replacedConfigOutcome(live)).toEqual(expected);
  });
});

describe('rolloutHistory', () => {
  const recorded = (previous: string, outcome: string, reason?: string) => ({
    [rolloutAnnotations.previousConfig]: previous,
    [rolloutAnnotations.previousOutcome]: outcome,
    ...(reason ? { [rolloutAnnotations.previousFailureReason]: reason } : {}),
  });

  it('lists newest first with who, when, preset, reason and the previous config', () => {
    const history = rolloutHistory(endpoint('c2', inService, 'c2'), [
      config('c1', '2026-11-25T09:00:00.000Z', {
        [rolloutAnnotations.createdBy]: 'alice',
        [rolloutAnnotations.previousConfig]: 'c0',
      }),
      config('c2', '2026-11-25T10:00:00.000Z', {
        [rolloutAnnotations.createdBy]: 'bob',
        [rolloutAnnotations.preset]: 'canary-10',
        [rolloutAnnotations.reason]: 'CHG-42',
        [rolloutAnnotations.requestId]: 'r-2',
        ...recorded('c1', 'completed'),
      }),
    ]);
    expect(history).toEqual([
      {
        configName: 'c2',
        objectName: 'c2',
        createdBy: 'bob',
        createdAt: '2026-11-25T10:00:00.000Z',
        preset: 'canary-10',
        reason: 'CHG-42',
        previousConfig: 'c1',
        requestId: 'r-2',
        current: true,
        outcome: { kind: 'completed' },
        configSpec: { endpointConfigName: 'c2', productionVariants: [] },
      },
      {
        configName: 'c1',
        objectName: 'c1',
        createdBy: 'alice',
        createdAt: '2026-11-25T09:00:00.000Z',
        previousConfig: 'c0',
        current: false,
        outcome: { kind: 'completed' },
        configSpec: { endpointConfigName: 'c1', productionVariants: [] },
      },
    ]);
  });

  it("takes an older rollout's outcome from what the rollout that replaced it recorded", () => {
    const history = rolloutHistory(endpoint('c4', inService, 'c4'), [
      config('c1', '2026-11-25T09:00:00.000Z'),
      config('c2', '2026-11-25T10:00:00.000Z', recorded('c1', 'completed')),
      config('c3', '2026-11-25T11:00:00.000Z', recorded('c2', 'rolled-back', 'alarm in ALARM')),
      config('c4', '2026-11-25T12:00:00.000Z', recorded('c3', 'failed', 'UpdateRollbackFailed')),
    ]);
    expect(history.map((entry) => [entry.configName, entry.outcome])).toEqual([
      ['c4', { kind: 'completed' }],
      ['c3', { kind: 'failed', failureReason: 'UpdateRollbackFailed' }],
      ['c2', { kind: 'rolled-back', failureReason: 'alarm in ALARM' }],
      ['c1', { kind: 'completed' }],
    ]);
  });

  it('marks a config that was created but never applied, and finds the recorded outcome past it', () => {
    // c2 was created but the patch failed; c3 (a new request) replaced c1.
    const history = rolloutHistory(endpoint('c3', { endpointStatus: 'Updating' }, 'c3'), [
      config('c1', '2026-11-25T09:00:00.000Z'),
      config('c2', '2026-11-25T10:00:00.000Z', recorded('c1', 'completed')),
      config('c3', '2026-11-25T11:00:00.000Z', recorded('c1', 'completed')),
    ]);
    expect(history.map((entry) => [entry.configName, entry.outcome.kind])).toEqual([
      ['c3', 'in-progress'],
      ['c2', 'not-applied'],
      ['c1', 'completed'],
    ]);
  });

  it('the newest config, created but not applied: not-applied; the spec config keeps its live outcome', () => {
    const history = rolloutHistory(endpoint('c1', inService, 'c1'), [
      config('c1', '2026-11-25T09:00:00.000Z'),
      config('c2', '2026-11-25T10:00:00.000Z', recorded('c1', 'completed')),
    ]);
    expect(history.map((entry) => [entry.configName, entry.current, entry.outcome.kind])).toEqual([
      ['c2', false, 'not-applied'],
      ['c1', true, 'completed'],
    ]);
  });

  it('a config submitted and then replaced outside Fleetdeck: rolled back if SageMaker says it failed, else unknown', () => {
    const configs = [config('c2', '2026-11-25T10:00:00.000Z')];
    expect(
      rolloutHistory(endpoint('hand-made', { ...inService, failureReason: 'boom' }, 'c2'), configs)[0]!.outcome,
    ).toEqual({ kind: 'rolled-back', failureReason: 'boom' });
    expect(rolloutHistory(endpoint('hand-made', inService, 'c2'), configs)[0]!.outcome).toEqual({ kind: 'unknown' });
  });

  it('an unreadable recorded outcome is unknown', () => {
    const history = rolloutHistory(endpoint('c2', inService, 'c2'), [
      config('c1', '2026-11-25T09:00:00.000Z'),
      config('c2', '2026-11-25T10:00:00.000Z', recorded('c1', 'exploded')),
    ]);
    expect(history[1]!.outcome).toEqual({ kind: 'unknown' });
  });

  it('ignores configs labelled for another endpoint and orders by created-at, not by name', () => {
    const history = rolloutHistory(endpoint('a', inService, 'a'), [
      config('b', '2026-11-25T09:00:00.000Z'),
      config('a', '2026-11-25T10:00:00.000Z'),
      config('z', '2026-11-25T11:00:00.000Z', {}, 'other-endpoint'),
    ]);
    expect(history.map((entry) => entry.configName)).toEqual(['a', 'b']);
  });

  it('is empty without labelled configs', () => {
    expect(rolloutHistory(endpoint('c1', inService), [])).toEqual([]);
  });
});

describe('markAuthorship', () => {
  // Newest first: c2 names its author; c1, labelled by hand, names none.
  const entries = () =>
    rolloutHistory(endpoint('c2', inService, 'c2'), [
      config('c1', '2026-11-25T10:00:00.000Z'),
      config('c2', '2026-11-25T11:00:00.000Z', { [rolloutAnnotations.createdBy]: 'ml-eng' }),
    ]);

  it('marks authors verified when the authorship policy is installed', () => {
    const marked = markAuthorship(entries(), true);
    expect(marked[0]).toMatchObject({ configName: 'c2', createdBy: 'ml-eng', authorVerified: true });
    expect(marked[1]!.createdBy).toBeUndefined();
    expect(marked[1]!.authorVerified).toBe(false);
  });

  it('marks every author unverified when the policy is absent', () => {
    const marked = markAuthorship(entries(), false);
    expect(marked.map((entry) => entry.authorVerified)).toEqual([false, false]);
    expect(marked[0]).toMatchObject({ createdBy: 'ml-eng', authorVerified: false });
  });
});
