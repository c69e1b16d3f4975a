import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { condition, makeEndpoint, runningVariant } from './fixtures.test-support';
import { rememberRunningConfig, restingConfigName, runningConfigOf, type RunningConfigMemory } from './running-config';

const synced = (status = 'True') => condition('ACK.ResourceSynced', status, 'Endpoint is in InService status.');
const live = [runningVariant('primary', 2, 'img:1')];

// Versions of one endpoint as the watch delivers them during an update from cfg-v1 to cfg-v2 that someone
// started with a plain patch of spec.endpointConfigName (no Fleetdeck annotations anywhere).
const at = {
  created: makeEndpoint({ configName: 'cfg-v1' }),
  creating: makeEndpoint({
    configName: 'cfg-v1',
    status: { endpointStatus: 'Creating', pendingDeploymentSummary: { endpointConfigName: 'cfg-v1' } },
  }),
  inServiceV1: makeEndpoint({
    configName: 'cfg-v1',
    status: { endpointStatus: 'InService', productionVariants: live, conditions: [synced()] },
  }),
  // The spec edit reaches the watch before the controller reacts: the old conditions still say synced.
  patched: makeEndpoint({
    configName: 'cfg-v2',
    status: { endpointStatus: 'InService', productionVariants: live, conditions: [synced()] },
  }),
  // The controller patches its annotation on before it writes Updating (docs/ack-behaviour.md §6.1 step 4).
  annotated: makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: { endpointStatus: 'InService', productionVariants: live, conditions: [synced()] },
  }),
  // The controller's own write right after UpdateEndpoint: Updating, the rest stale (docs/ack-behaviour.md §6.1).
  submitted: makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: { endpointStatus: 'Updating', productionVariants: live, conditions: [synced('False')] },
  }),
  deploying: makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: {
      endpointStatus: 'Updating',
      productionVariants: live,
      pendingDeploymentSummary: { endpointConfigName: 'cfg-v2' },
      conditions: [synced('False')],
    },
  }),
  inServiceV2: makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: { endpointStatus: 'InService', productionVariants: live, conditions: [synced()] },
  }),
  rolledBack: makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: {
      endpointStatus: 'InService',
      failureReason: 'The primary container failed health checks.',
      productionVariants: live,
      conditions: [synced('False')],
    },
  }),
};

const replay = (...versions: Endpoint[]): RunningConfigMemory =>
  versions.reduce<RunningConfigMemory>(
    (memory, version, index) => rememberRunningConfig(index === 0 ? undefined : memory, version),
    {},
  );

describe('rememberRunningConfig', () => {
  it('names the old config during an update started outside Fleetdeck, from what it saw InService before', () => {
    const memory = replay(
      at.created,
      at.creating,
      at.inServiceV1,
      at.patched,
      at.annotated,
      at.submitted,
      at.deploying,
    );
    expect(memory).toEqual({ liveConfigName: 'cfg-v1', deployingTo: 'cfg-v2', busy: true });
    expect(runningConfigOf(at.deploying, memory)).toEqual({ name: 'cfg-v1' });
  });

  it('keeps the config it ran, not the spec, while the controller has not started the update yet', () => {
    const memory = replay(at.inServiceV1, at.patched, at.annotated, at.submitted);
    expect(memory.liveConfigName).toBe('cfg-v1');
    expect(runningConfigOf(at.submitted, memory)).toEqual({ name: 'cfg-v1' });
  });

  it('takes the new config once the update succeeds, and keeps the old one when SageMaker rolls it back', () => {
    expect(replay(at.inServiceV1, at.deploying, at.inServiceV2)).toEqual({ liveConfigName: 'cfg-v2' });
    expect(replay(at.inServiceV1, at.deploying, at.rolledBack)).toEqual({ liveConfigName: 'cfg-v1' });
  });

  it('takes the annotation after an update too short for its deployment to be seen', () => {
    expect(replay(at.inServiceV1, at.annotated, at.submitted, at.inServiceV2)).toEqual({ liveConfigName: 'cfg-v2' });
    expect(replay(at.inServiceV1, at.annotated, at.submitted, at.rolledBack)).toEqual({ liveConfigName: 'cfg-v1' });
  });

  it('says it is unknown, not a guess, when it first sees the endpoint mid-update', () => {
    const memory = replay(at.deploying);
    expect(memory).toEqual({ deployingTo: 'cfg-v2', busy: true, unknown: 'started-mid-update' });
    expect(runningConfigOf(at.deploying, memory)).toEqual({ unknown: 'started-mid-update' });
    // Still unknown for the rest of that update, then known once it ends.
    expect(replay(at.deploying, at.deploying).unknown).toBe('started-mid-update');
    const after = replay(at.deploying, at.inServiceV2, at.patched, at.deploying);
    expect(runningConfigOf(at.deploying, after)).toEqual({ name: 'cfg-v2' });
  });

  it('reads the end of an update it saw start from the failure reason when the next one follows at once', () => {
    const toV3 = (failureReason?: string) =>
      makeEndpoint({
        configName: 'cfg-v3',
        submitted: 'cfg-v3',
        status: {
          endpointStatus: 'Updating',
          ...(failureReason ? { failureReason } : {}),
          productionVariants: live,
          pendingDeploymentSummary: { endpointConfigName: 'cfg-v3' },
        },
      });
    expect(replay(at.inServiceV1, at.deploying, toV3()).liveConfigName).toBe('cfg-v2');
    expect(replay(at.inServiceV1, at.deploying, toV3('health checks failed')).liveConfigName).toBe('cfg-v1');
  });

  it('starts afresh for another object under the same name', () => {
    const other = { ...at.deploying, metadata: { ...at.deploying.metadata, uid: 'another' } };
    expect(replay(at.inServiceV1, other)).toEqual({
      uid: 'another',
      deployingTo: 'cfg-v2',
      busy: true,
      unknown: 'started-mid-update',
    });
  });

  it('names no old fleet during a create', () => {
    expect(runningConfigOf(at.creating, replay(at.created, at.creating))).toBeUndefined();
  });
});

describe('restingConfigName', () => {
  it.each<[string, Endpoint, string | undefined]>([
    ['the annotation of an update that succeeded', at.inServiceV2, 'cfg-v2'],
    ['the spec when the controller reports it synced', at.inServiceV1, 'cfg-v1'],
    ['nothing while an update is in flight', at.deploying, undefined],
    ['nothing after a rollback before the controller names the live config', at.rolledBack, undefined],
    [
      'the live config the controller names after a rollback (C6)',
      makeEndpoint({
        configName: 'cfg-v2',
        submitted: 'cfg-v2',
        status: {
          endpointStatus: 'InService',
          failureReason: 'failed',
          conditions: [
            condition(
              'ACK.Terminal',
              'True',
              'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-v1',
            ),
          ],
        },
      }),
      'cfg-v1',
    ],
  ])('%s', (_, endpoint, name) => {
    expect(restingConfigName(endpoint).name).toBe(name);
  });
});

describe('runningConfigOf', () => {
  it('without memory names the old fleet only from a Fleetdeck rollout record', () => {
    expect(runningConfigOf(at.deploying, undefined, 'cfg-v1')).toEqual({ name: 'cfg-v1' });
    expect(runningConfigOf(at.deploying, undefined)).toEqual({ unknown: 'not-seen' });
  });

  it('at rest is the remembered config, else the spec', () => {
    expect(runningConfigOf(at.inServiceV1, undefined)).toEqual({ name: 'cfg-v1' });
    expect(runningConfigOf(at.patched, { liveConfigName: 'cfg-v1' })).toEqual({ name: 'cfg-v1' });
  });
});
