import { describe, expect, it } from 'vitest';
import type { FleetMetricsRow } from '@/lib/api/endpoint-metrics';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Endpoint } from '@/lib/schemas/endpoint';
import {
  type AttentionKind,
  attentionFindings,
  attentionItems,
  defaultCreateAllowanceSeconds,
  defaultUpdateAllowanceSeconds,
  metricFindings,
} from './attention';
import {
  condition,
  makeConfig,
  makeEndpoint,
  makeModel,
  referenceEndpoint,
  runningVariant,
  summaryOf,
} from './fixtures.test-support';

const now = new Date('2026-03-01T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();
const synced = (status: string, message = 'Endpoint is in InService status.') =>
  condition('ACK.ResourceSynced', status, message);
const updateError = (live: string) =>
  `api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is ${live}`;
const fleet = [runningVariant('a', 2, 'img:1')];

function updatingFor(seconds: number, expected: number | undefined, withDeployment = true): EndpointSummary {
  const endpoint = makeEndpoint({
    configName: 'cfg-v2',
    submitted: 'cfg-v2',
    status: {
      endpointStatus: 'Updating',
      lastModifiedTime: ago(seconds),
      productionVariants: fleet,
      ...(withDeployment
        ? { pendingDeploymentSummary: { endpointConfigName: 'cfg-v2', startTime: ago(seconds) } }
        : {}),
    },
  });
  const summary = summaryOf(endpoint);
  delete summary.expectedDeploymentSeconds;
  return expected === undefined ? summary : { ...summary, expectedDeploymentSeconds: expected };
}
const creatingFor = (seconds: number) =>
  summaryOf(makeEndpoint({ created: ago(seconds), status: { endpointStatus: 'Creating' } }));
const at = (endpoint: Endpoint) =>
  summaryOf(endpoint, [makeConfig('cfg-v2', [{ variant: 'a', model: 'm' }])], [makeModel('m', 'img:2')]);

// Each rule from both sides: a summary that trips it, and the closest one that does not.
const cases: [string, EndpointSummary, AttentionKind | undefined][] = [
  [
    'Failed (controller fixture)',
    summaryOf(referenceEndpoint('readone/observed/failed_status_on_describe.yaml')),
    'Failed',
  ],
  [
    'UpdateRollbackFailed, though synced',
    summaryOf(
      makeEndpoint({
        status: {
          endpointStatus: 'UpdateRollbackFailed',
          conditions: [synced('True', 'Endpoint is in UpdateRollbackFailed status.')],
        },
      }),
    ),
    'UpdateRollbackFailed',
  ],
  ['OutOfService', summaryOf(makeEndpoint({ status: { endpointStatus: 'OutOfService' } })), 'OutOfService'],
  [
    'an update SageMaker rolled back',
    summaryOf(
      makeEndpoint({
        configName: 'cfg-v2',
        submitted: 'cfg-v2',
        status: {
          endpointStatus: 'InService',
          failureReason: 'alarm p99',
          conditions: [
            synced('False', updateError('cfg-v1')),
            condition('ACK.Terminal', 'True', updateError('cfg-v1')),
          ],
        },
      }),
    ),
    'RolledBack',
  ],
  [
    'a failure reason left after the spec went back to the live config',
    summaryOf(
      makeEndpoint({
        configName: 'cfg-v1',
        submitted: 'cfg-v2',
        status: { endpointStatus: 'InService', failureReason: 'alarm p99', conditions: [synced('True')] },
      }),
    ),
    'LastUpdateFailed',
  ],
  [
    'a terminal error on an update',
    summaryOf(
      makeEndpoint({
        configName: 'cfg-v2',
        submitted: 'cfg-v1',
        status: {
          endpointStatus: 'InService',
          conditions: [synced('True'), condition('ACK.Terminal', 'True', 'api error InvalidParameterValue: no')],
        },
      }),
    ),
    'ACK.Terminal',
  ],
  [
    'a terminal error on create, before any status',
    summaryOf(makeEndpoint({ status: { conditions: [condition('ACK.Terminal', 'True', 'Resource already exists')] } })),
    'ACK.Terminal',
  ],
  [
    'RollingBack',
    summaryOf(makeEndpoint({ status: { endpointStatus: 'RollingBack', productionVariants: fleet } })),
    'RollingBack',
  ],
  ['Updating past its plan', updatingFor(3601, 3600), 'UpdatingTooLong'],
  ['Updating within its plan', updatingFor(3599, 3600), undefined],
  [
    'Updating with a policy that plans less than the no-policy allowance, within it',
    updatingFor(defaultUpdateAllowanceSeconds - 1, 660),
    undefined,
  ],
  [
    'Updating with a policy that plans less than the no-policy allowance, past it',
    updatingFor(defaultUpdateAllowanceSeconds + 1, 660),
    'UpdatingTooLong',
  ],
  [
    'Updating with no policy past the default allowance',
    updatingFor(defaultUpdateAllowanceSeconds + 1, undefined),
    'UpdatingTooLong',
  ],
  [
    'Updating with no policy within the default allowance',
    updatingFor(defaultUpdateAllowanceSeconds - 1, undefined),
    undefined,
  ],
  [
    'Updating with no deployment reported, counted from the last change',
    updatingFor(defaultUpdateAllowanceSeconds + 1, undefined, false),
    'UpdatingTooLong',
  ],
  ['Creating past the allowance', creatingFor(defaultCreateAllowanceSeconds + 1), 'CreatingTooLong'],
  ['Creating within the allowance', creatingFor(defaultCreateAllowanceSeconds - 1), undefined],
  [
    'an update call failing and retried (controller fixture)',
    summaryOf(referenceEndpoint('update/observed/error_on_update.yaml')),
    'ACK.Recoverable',
  ],
  [
    'a change held back while SageMaker updates',
    summaryOf(
      makeEndpoint({
        configName: 'cfg-v3',
        submitted: 'cfg-v2',
        status: {
          endpointStatus: 'Updating',
          conditions: [
            condition('ACK.Recoverable', 'True', 'Endpoint in Updating state cannot be modified or deleted.'),
          ],
          pendingDeploymentSummary: { endpointConfigName: 'cfg-v2', startTime: ago(60) },
        },
      }),
    ),
    'HeldBack',
  ],
  [
    'a fleet running another image than the config asks for',
    at(
      makeEndpoint({
        status: {
          endpointStatus: 'InService',
          conditions: [synced('True')],
          productionVariants: [runningVariant('a', 1, 'img:1')],
        },
      }),
    ),
    'FleetMismatch',
  ],
  [
    'a fleet running what the config asks for',
    at(
      makeEndpoint({
        status: {
          endpointStatus: 'InService',
          conditions: [synced('True')],
          productionVariants: [runningVariant('a', 1, 'img:2')],
        },
      }),
    ),
    undefined,
  ],
  [
    'a controller that cannot tell whether it is synced',
    summaryOf(
      makeEndpoint({
        status: {
          endpointStatus: 'InService',
          conditions: [
            synced('Unknown', 'Unable to determine if desired resource state matches latest observed state'),
          ],
        },
      }),
    ),
    'Other',
  ],
  [
    'a delete in progress, though health warns about its requeue (controller fixture)',
    summaryOf(referenceEndpoint('delete/observed/deleting_no_error.yaml')),
    undefined,
  ],
  [
    'healthy (controller fixture)',
    summaryOf(referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml')),
    undefined,
  ],
];

const named = (name: string) => {
  const found = cases.find(([caseName]) => caseName === name);
  if (!found) throw new Error(`no case ${name}`);
  return found[1];
};

describe('attentionFindings', () => {
  it.each(cases)('%s', (_name, summary, kind) => {
    expect(attentionFindings(summary, now)[0]?.kind).toBe(kind);
  });

  it('does not repeat the Terminal condition of a Failed endpoint or a rolled-back update', () => {
    for (const [name, summary] of cases.filter(([, , kind]) => kind === 'Failed' || kind === 'RolledBack')) {
      expect(
        attentionFindings(summary, now).map((finding) => finding.kind),
        name,
      ).not.toContain('ACK.Terminal');
    }
  });

  it('words the reasons plainly, with the numbers that matter', () => {
    const reason = (name: string) => attentionFindings(named(name), now)[0]?.reason;
    expect(reason('Failed (controller fixture)')).toMatch(
      /^The endpoint is Failed \(SageMaker could not create, update or re-scale it\): Failed to download model data.*Delete it/,
    );
    expect(reason('an update SageMaker rolled back')).toBe(
      'SageMaker rolled back the update to cfg-v2; it still runs cfg-v1: alarm p99',
    );
    expect(reason('Updating past its plan')).toBe('Updating for 1 h; its plan and launch timeouts allow about 1 h.');
    expect(reason('Updating with no policy past the default allowance')).toBe(
      'Updating for 30 min; an update without a policy is allowed 30 min.',
    );
    expect(reason('an update call failing and retried (controller fixture)')).toMatch(
      /has not applied xgboost-endpoint-single-variant-config yet.*ServiceUnavailable/,
    );
  });

  it('says SageMaker refused to create an endpoint when CreateEndpoint answered a terminal code (C10)', () => {
    const text = "api error InvalidParameterValue: Invalid value 'ml.bogus.large' for InstanceType.";
    const refused = makeEndpoint({
      status: {
        conditions: [
          condition('ACK.Terminal', 'True', text),
          condition('ACK.ResourceSynced', 'False', 'Resource not synced', 'resource is in terminal condition'),
          condition('Ready', 'False', text, 'ACK.Terminal'),
        ],
      },
    });
    expect(attentionFindings(summaryOf(refused), now)).toEqual([
      {
        kind: 'ACK.Terminal',
        reason: `SageMaker refused to create the endpoint, and the controller will not try again until the spec changes: ${text}`,
      },
    ]);
  });

  it('lists every finding on one endpoint, worst first', () => {
    const summary = summaryOf(
      makeEndpoint({
        configName: 'cfg-v3',
        submitted: 'cfg-v2',
        status: {
          endpointStatus: 'Updating',
          pendingDeploymentSummary: { endpointConfigName: 'cfg-v2', startTime: ago(7200) },
          productionVariants: fleet,
        },
      }),
    );
    expect(attentionFindings(summary, now).map((finding) => finding.kind)).toEqual(['UpdatingTooLong', 'HeldBack']);
  });
});

describe('attentionItems', () => {
  it('keeps endpoints that need someone, one item each, critical first, then by kind, then the longest-standing', () => {
    const rename = (summary: EndpointSummary, name: string, lastChange?: string) => ({
      ...summary,
      name,
      ...(lastChange ? { lastChange } : {}),
    });
    const summaries = [
      rename(named('healthy (controller fixture)'), 'healthy'),
      rename(named('a change held back while SageMaker updates'), 'held'),
      rename(named('Failed (controller fixture)'), 'failed-new', ago(60)),
      rename(updatingFor(7200, 3600), 'slow'),
      rename(named('an update SageMaker rolled back'), 'rolled-back'),
      rename(named('Failed (controller fixture)'), 'failed-old', ago(600)),
    ];
    const items = attentionItems(summaries, now);
    expect(items.map((item) => [item.name, item.kind, item.severity])).toEqual([
      ['failed-old', 'Failed', 'critical'],
      ['failed-new', 'Failed', 'critical'],
      ['rolled-back', 'RolledBack', 'critical'],
      ['slow', 'UpdatingTooLong', 'warning'],
      ['held', 'HeldBack', 'warning'],
    ]);
    expect(items.find((item) => item.name === 'slow')?.since).toBe(ago(7200));
  });

  it('leaves its input alone', () => {
    const summaries = cases.map(([, summary]) => summary);
    const before = JSON.stringify(summaries);
    attentionItems(summaries, now);
    expect(JSON.stringify(summaries)).toBe(before);
  });
});

describe('metricFindings', () => {
  const row = (over: Partial<FleetMetricsRow>): FleetMetricsRow => ({
    namespace: 'ns',
    name: 'ep',
    alarmsInAlarm: [],
    source: { state: 'ok' },
    ...over,
  });

  it('names every rollback alarm in ALARM', () => {
    expect(metricFindings(row({ alarmsInAlarm: ['p99-latency', '5xx'] }), 0.05)).toEqual([
      {
        kind: 'AlarmInAlarm',
        reason: 'Rollback alarms p99-latency, 5xx are in ALARM; SageMaker rolls back an update while they are.',
      },
    ]);
  });

  it('flags an error rate above the threshold, not at it, and none without invocations', () => {
    expect(metricFindings(row({ invocations: 2000, errorRate: 0.073 }), 0.05)).toEqual([
      {
        kind: 'ErrorRateHigh',
        reason: '7.3% of 2,000 invocations failed with a 5XX error in the last hour (above 5.0%).',
      },
    ]);
    expect(metricFindings(row({ invocations: 100, errorRate: 0.05 }), 0.05)).toEqual([]);
    expect(metricFindings(row({ invocations: 100, errorRate: 0.05 }), 0.01).map((f) => f.kind)).toEqual([
      'ErrorRateHigh',
    ]);
    expect(metricFindings(row({}), 0)).toEqual([]);
  });
});

describe('attentionItems with CloudWatch findings', () => {
  const alarm = { kind: 'AlarmInAlarm', reason: 'Rollback alarm 5xx is in ALARM.' } as const;
  const errors = { kind: 'ErrorRateHigh', reason: '9% failed.' } as const;
  const as = (summary: EndpointSummary, name: string): EndpointSummary => ({ ...summary, name });

  it('adds a finding to an endpoint already queued as a further reason, not a second item', () => {
    const held = as(named('a change held back while SageMaker updates'), 'held');
    const failed = as(named('Failed (controller fixture)'), 'failed');
    const extra = new Map([
      [`${held.namespace}/held`, [alarm]],
      [`${failed.namespace}/failed`, [errors]],
    ]);
    const items = attentionItems([held, failed], now, extra);
    expect(items.map((item) => [item.name, item.kind, item.more.map((finding) => finding.kind)])).toEqual([
      ['failed', 'Failed', ['ErrorRateHigh']],
      // The alarm is worse than a held-back change, so it leads; the held-back change stays as a reason.
      ['held', 'AlarmInAlarm', ['HeldBack']],
    ]);
    // A lead from CloudWatch has no start the status knows of.
    expect(items[1]?.since).toBeUndefined();
    expect(items[0]?.since).toBe(failed.lastChange);
  });

  it('queues an endpoint with nothing else wrong, as a warning ordered by kind', () => {
    const healthy = as(named('healthy (controller fixture)'), 'healthy');
    const quiet = as(named('healthy (controller fixture)'), 'quiet');
    const slow = as(updatingFor(7200, 3600), 'slow');
    const extra = new Map([
      [`${healthy.namespace}/healthy`, [errors, alarm]],
      [`${slow.namespace}/slow`, [errors]],
    ]);
    const items = attentionItems([quiet, slow, healthy], now, extra);
    expect(items.map((item) => [item.name, item.kind, item.severity, item.more.map((f) => f.kind)])).toEqual([
      ['healthy', 'AlarmInAlarm', 'warning', ['ErrorRateHigh']],
      ['slow', 'ErrorRateHigh', 'warning', ['UpdatingTooLong']],
    ]);
    expect(attentionItems([quiet, slow, healthy], now).map((item) => item.name)).toEqual(['slow']);
  });
});
