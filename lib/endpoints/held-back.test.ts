import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { attentionFindings } from './attention';
import { whatTheControllerWaitsFor } from './controller-waiting';
import {
  condition,
  makeConfig,
  makeEndpoint,
  makeModel,
  referenceEndpoint,
  runningVariant,
} from './fixtures.test-support';
import { fleetMismatchOf } from './fleet-mismatch';
import { type HeldBack, heldBackChange } from './held-back';
import { summarizeEndpoint } from './summarize-endpoint';

const synced = (status: string, message = 'Endpoint is in InService status.') =>
  condition('ACK.ResourceSynced', status, message);
const pending = (configName: string) => ({
  endpointConfigName: configName,
  startTime: '2026-01-01T00:00:00Z',
  productionVariants: [],
});
const updateError = (live: string) =>
  `api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is ${live}`;

const cases: [string, Endpoint, HeldBack['kind'] | undefined][] = [
  [
    'Updating to v2 while the spec already asks for v3',
    makeEndpoint({
      configName: 'cfg-v3',
      submitted: 'cfg-v2',
      status: { endpointStatus: 'Updating', pendingDeploymentSummary: pending('cfg-v2') },
    }),
    'waiting',
  ],
  [
    'Updating to the config the spec asks for',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v2',
      status: { endpointStatus: 'Updating', pendingDeploymentSummary: pending('cfg-v2') },
    }),
    undefined,
  ],
  [
    'the first create, moved before SageMaker reports a deployment (the C4 requeue says so)',
    makeEndpoint({
      status: {
        endpointStatus: 'Creating',
        conditions: [
          synced('False', 'Endpoint is in Creating status.'),
          condition('ACK.Recoverable', 'True', 'Endpoint in Creating state cannot be modified or deleted.'),
        ],
      },
    }),
    'waiting',
  ],
  [
    'the first create with no spec change (controller fixture)',
    referenceEndpoint('readone/observed/creating_after_describe.yaml'),
    undefined,
  ],
  [
    'rolling back while the spec moved past the submitted config',
    makeEndpoint({ configName: 'cfg-v2', submitted: 'cfg-v1', status: { endpointStatus: 'RollingBack' } }),
    'waiting',
  ],
  [
    'Deleting: a change would be moot',
    makeEndpoint({ configName: 'cfg-v2', submitted: 'cfg-v1', status: { endpointStatus: 'Deleting' } }),
    undefined,
  ],
  [
    'a Failed endpoint refusing a change (controller fixture)',
    referenceEndpoint('update/observed/no_update_on_failed.yaml'),
    'refused',
  ],
  [
    'a Failed endpoint with no change asked (controller fixture)',
    referenceEndpoint('readone/observed/failed_status_on_describe.yaml'),
    undefined,
  ],
  [
    'an update SageMaker rolled back (reported as rolledBack instead)',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v2',
      status: {
        endpointStatus: 'InService',
        failureReason: 'alarm',
        conditions: [synced('False', updateError('cfg-v1')), condition('ACK.Terminal', 'True', updateError('cfg-v1'))],
      },
    }),
    undefined,
  ],
  [
    'a terminal parameter error on the update',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v1',
      status: {
        endpointStatus: 'InService',
        conditions: [synced('True'), condition('ACK.Terminal', 'True', 'api error InvalidParameterValue: bad')],
      },
    }),
    'refused',
  ],
  [
    'a terminal message naming the spec as the live config (controller fixture)',
    referenceEndpoint('update/observed/no_retry_on_failed_update.yaml'),
    undefined,
  ],
  [
    'an update call failing and retried (controller fixture)',
    referenceEndpoint('update/observed/error_on_update.yaml'),
    'retrying',
  ],
  [
    'a Describe error retried: Synced Unknown says nothing about the spec',
    makeEndpoint({
      status: {
        endpointStatus: 'InService',
        conditions: [
          condition('ACK.Recoverable', 'True', 'api error ThrottlingException: slow down'),
          synced('Unknown', 'Unable to determine'),
        ],
      },
    }),
    undefined,
  ],
  [
    'a retried error after the spec config was submitted',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v2',
      status: {
        endpointStatus: 'InService',
        conditions: [synced('True'), condition('ACK.Recoverable', 'True', 'api error ThrottlingException: x')],
      },
    }),
    undefined,
  ],
  [
    'a spec edit the controller has not looked at yet',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v1',
      status: { endpointStatus: 'InService', conditions: [synced('True')] },
    }),
    undefined,
  ],
  ['no status yet', makeEndpoint({}), undefined],
];

describe('heldBackChange', () => {
  it.each(cases)('%s', (_name, endpoint, kind) => {
    expect(heldBackChange(endpoint)?.kind).toBe(kind);
  });

  it('names the config asked for and the state that holds it back', () => {
    const held = heldBackChange(
      makeEndpoint({
        configName: 'cfg-v3',
        submitted: 'cfg-v2',
        status: { endpointStatus: 'Updating', pendingDeploymentSummary: pending('cfg-v2') },
      }),
    );
    expect(held).toEqual({
      configName: 'cfg-v3',
      kind: 'waiting',
      reason: expect.stringMatching(/asks for cfg-v3, but the endpoint is Updating.*every 30 s/),
    });
  });

  it('tells a Failed endpoint to be re-created', () => {
    expect(heldBackChange(referenceEndpoint('update/observed/no_update_on_failed.yaml'))?.reason).toMatch(
      /cannot update a Failed endpoint.*create it again/,
    );
  });

  it('carries the retried error', () => {
    expect(heldBackChange(referenceEndpoint('update/observed/error_on_update.yaml'))?.reason).toMatch(
      /ServiceUnavailable: Server is down/,
    );
  });
});

// docs/ack-behaviour.md §6.3, §10.2: after SageMaker rolled back an update to cfg-v2, the spec was pointed back at
// cfg-v1, the config the endpoint still runs. The controller finds no difference and calls nothing, so the
// annotation keeps naming cfg-v2 and SageMaker keeps the failure reason until a later update succeeds.
describe('the spec pointed back at the live config after a failed update', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const config = makeConfig('cfg-v1', [{ variant: 'primary', model: 'm' }]);
  const models = [makeModel('m', 'repo/img:1')];
  const pointedBack = (status: Partial<NonNullable<Endpoint['status']>>) =>
    makeEndpoint({
      configName: 'cfg-v1',
      submitted: 'cfg-v2',
      status: {
        endpointStatus: 'InService',
        failureReason: 'alarm p99',
        productionVariants: [runningVariant('primary', 2, 'repo/img:1')],
        conditions: [synced('True')],
        ...status,
      },
    });
  const atRest = pointedBack({});
  const maintenance = pointedBack({
    endpointStatus: 'SystemUpdating',
    conditions: [synced('False', 'Endpoint is in SystemUpdating status.')],
  });
  const readFailed = pointedBack({
    conditions: [
      condition('ACK.Recoverable', 'True', 'api error ThrottlingException: slow'),
      synced('Unknown', 'Unable to determine'),
    ],
  });

  it.each([
    ['at rest', atRest],
    ['during AWS maintenance', maintenance],
    ['while a Describe fails', readFailed],
  ])('holds nothing back %s', (_name, endpoint) => {
    expect(heldBackChange(endpoint)).toBeUndefined();
  });

  it('says the controller waits for nothing but its next look, or retries the read', () => {
    expect(whatTheControllerWaitsFor(atRest)).toBeUndefined();
    expect(whatTheControllerWaitsFor(maintenance)).toBeUndefined();
    expect(whatTheControllerWaitsFor(readFailed)).toMatch(
      /^The controller is retrying after an error.*ThrottlingException/,
    );
  });

  it('needs attention only for the failed update, and for a read that keeps failing', () => {
    const findings = (endpoint: Endpoint) => attentionFindings(summarizeEndpoint(endpoint, [config], models), now);
    expect(findings(atRest)).toEqual([
      {
        kind: 'LastUpdateFailed',
        reason: 'The last update failed: alarm p99. SageMaker kept the fleet it ran before.',
      },
    ]);
    expect(findings(maintenance)).toEqual([]);
    expect(findings(readFailed)).toEqual([
      { kind: 'ACK.Recoverable', reason: 'The controller is retrying: api error ThrottlingException: slow' },
      {
        kind: 'LastUpdateFailed',
        reason: 'The last update failed: alarm p99. SageMaker kept the fleet it ran before.',
      },
    ]);
  });

  it('compares the running fleet with the spec again: it is the live config', () => {
    expect(fleetMismatchOf(atRest, [config], models)).toBeUndefined();
    const drifted = pointedBack({ productionVariants: [runningVariant('primary', 2, 'repo/img:0')] });
    expect(fleetMismatchOf(drifted, [config], models)).toMatch(
      /Variant primary runs repo\/img:0, but cfg-v1 asks for repo\/img:1/,
    );
  });

  it('still takes the annotation as the config in flight when no failure is reported', () => {
    const moved = makeEndpoint({
      configName: 'cfg-v3',
      submitted: 'cfg-v2',
      status: {
        endpointStatus: 'SystemUpdating',
        conditions: [synced('False', 'Endpoint is in SystemUpdating status.')],
      },
    });
    expect(heldBackChange(moved)?.kind).toBe('waiting');
  });
});
