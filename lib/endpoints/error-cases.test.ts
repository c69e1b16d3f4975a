// How the dashboard reads the three error cases of docs/ack-behaviour.md §8.4 that only a failing AWS call
// produces: C8 (UpdateEndpoint answered a terminal code), C10 (CreateEndpoint did) and C11 (DescribeEndpoint
// failed). The conditions are written out as §8.4 gives them; test/integration/simulator-errors.test.ts checks
// the simulator writes the same.
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { attentionFindings, attentionItems } from './attention';
import { explainConditions } from './conditions-explained';
import { controllerError } from './controller-error';
import { makeEndpoint, runningVariant, summaryOf } from './fixtures.test-support';
import { endpointHealth } from './health';

const now = new Date('2026-03-01T12:00:00Z');
const stamp = '2026-03-01T11:59:30Z';
const unknown = 'Unable to determine if desired resource state matches latest observed state';

const c8Text =
  'api error InvalidParameterCombination: The ProductionVariant primary cannot use both ServerlessConfig and InstanceType.';
const c8 = makeEndpoint({
  configName: 'cfg-v2',
  status: {
    endpointStatus: 'InService',
    productionVariants: [runningVariant('primary', 2, 'repo/img:1')],
    conditions: [
      {
        type: 'ACK.ResourceSynced',
        status: 'True',
        message: 'Endpoint is in InService status.',
        lastTransitionTime: stamp,
      },
      { type: 'ACK.Terminal', status: 'True', message: c8Text },
      { type: 'Ready', status: 'False', message: c8Text, reason: 'ACK.Terminal', lastTransitionTime: stamp },
    ],
  },
});

const c10Text = "api error InvalidParameterValue: Invalid value 'ml.bogus.large' for InstanceType.";
const c10 = makeEndpoint({
  configName: 'cfg-v1',
  status: {
    ackResourceMetadata: { ownerAccountID: '123456789012', region: 'us-west-2' },
    conditions: [
      { type: 'ACK.Terminal', status: 'True', message: c10Text },
      {
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: 'Resource not synced',
        reason: 'resource is in terminal condition',
        lastTransitionTime: stamp,
      },
      { type: 'Ready', status: 'False', message: c10Text, reason: 'ACK.Terminal', lastTransitionTime: stamp },
    ],
  },
});

const c11Text = 'api error ThrottlingException: Rate exceeded';
const chain = `operation error SageMaker: DescribeEndpoint, https response error StatusCode: 400, RequestID: 5b1c0c4e-6a8e-4f57-9d0e-2f1d3c4b5a69, ${c11Text}`;
// The conditions are new; everything else is what the last Describe that worked wrote.
const c11 = makeEndpoint({
  configName: 'cfg-v1',
  status: {
    endpointStatus: 'InService',
    productionVariants: [runningVariant('primary', 2, 'repo/img:1')],
    conditions: [
      { type: 'ACK.Recoverable', status: 'True', message: c11Text },
      { type: 'ACK.ResourceSynced', status: 'Unknown', message: unknown, reason: chain, lastTransitionTime: stamp },
      { type: 'Ready', status: 'False', message: c11Text, reason: 'ACK.Recoverable', lastTransitionTime: stamp },
    ],
  },
});

const explained = (endpoint: Endpoint) =>
  explainConditions(endpoint.status?.conditions).map(({ title, status, tone, meaning }) => ({
    title,
    status,
    tone,
    meaning,
  }));

describe('C8: UpdateEndpoint answered a terminal code', () => {
  it('is critical: SageMaker refused the update and the controller will not try again', () => {
    expect(endpointHealth(c8)).toEqual({
      level: 'critical',
      reasons: [
        `SageMaker refused the update to cfg-v2, and the controller will not try again until the spec changes: ${c8Text}`,
      ],
    });
    expect(controllerError(c8.status?.conditions)).toEqual({ type: 'ACK.Terminal', message: c8Text });
  });

  it('explains that Synced True does not mean the spec is applied', () => {
    expect(explained(c8)).toEqual([
      expect.objectContaining({ title: 'Ready', status: 'False', tone: 'error' }),
      {
        title: 'Synced',
        status: 'True',
        tone: 'warning',
        meaning:
          "SageMaker is not changing the endpoint, but it does not run what the spec asks for: see Terminal error. ACK sets Synced from the endpoint's status alone.",
      },
      expect.objectContaining({
        title: 'Terminal error',
        status: 'True',
        tone: 'error',
        meaning: expect.stringMatching(/a parameter SageMaker rejects/),
      }),
    ]);
  });

  it('needs attention, critically, naming the config it will not apply', () => {
    expect(attentionFindings(summaryOf(c8), now)).toEqual([
      {
        kind: 'ACK.Terminal',
        reason: `The controller stopped on an error and will not apply cfg-v2 until the spec changes again: ${c8Text}`,
      },
    ]);
    expect(attentionItems([summaryOf(c8)], now)[0]).toMatchObject({ kind: 'ACK.Terminal', severity: 'critical' });
  });
});

describe('C10: CreateEndpoint answered a terminal code', () => {
  it('is critical: SageMaker refused to create the endpoint', () => {
    expect(endpointHealth(c10)).toEqual({
      level: 'critical',
      reasons: [
        `SageMaker refused to create the endpoint, and the controller will not try again until the spec changes: ${c10Text}`,
      ],
    });
    expect(controllerError(c10.status?.conditions)).toEqual({ type: 'ACK.Terminal', message: c10Text });
  });

  it('explains Synced False as a refusal, in the colour of an error', () => {
    expect(explained(c10)).toEqual([
      expect.objectContaining({ title: 'Ready', status: 'False', tone: 'error' }),
      expect.objectContaining({
        title: 'Synced',
        status: 'False',
        tone: 'error',
        meaning: expect.stringMatching(/refused a change/),
      }),
      expect.objectContaining({
        title: 'Terminal error',
        status: 'True',
        tone: 'error',
        meaning: expect.stringMatching(/gave up/),
      }),
    ]);
  });

  it('needs attention, critically', () => {
    // Its words are checked in attention.test.ts.
    expect(attentionFindings(summaryOf(c10), now).map((finding) => finding.kind)).toEqual(['ACK.Terminal']);
    expect(attentionItems([summaryOf(c10)], now)[0]).toMatchObject({ severity: 'critical' });
  });
});

describe('C11: DescribeEndpoint failed', () => {
  it('warns that the controller retries and that the status shown may be stale', () => {
    expect(endpointHealth(c11)).toEqual({
      level: 'warning',
      reasons: [
        `The controller is retrying: ${c11Text}`,
        'The controller could not read the endpoint from SageMaker; the status shown is from its last successful read.',
      ],
    });
    expect(controllerError(c11.status?.conditions)).toEqual({ type: 'ACK.Recoverable', message: c11Text });
  });

  it('explains Synced Unknown as a failed read and Retrying as an error, not a wait', () => {
    expect(explained(c11)).toEqual([
      expect.objectContaining({ title: 'Ready', status: 'False', tone: 'warning' }),
      expect.objectContaining({
        title: 'Synced',
        status: 'Unknown',
        tone: 'warning',
        meaning: 'The controller could not read the endpoint from SageMaker; it retries.',
      }),
      expect.objectContaining({
        title: 'Retrying',
        status: 'True',
        tone: 'warning',
        meaning: expect.stringMatching(/retries with growing back-off/),
      }),
    ]);
    // The SDK error chain is kept as the reason, for whoever needs the request ID.
    expect(explainConditions(c11.status?.conditions)[1]).toMatchObject({ reason: chain });
  });

  it('needs attention as a warning, with the error', () => {
    expect(attentionFindings(summaryOf(c11), now)).toEqual([
      { kind: 'ACK.Recoverable', reason: `The controller is retrying: ${c11Text}` },
    ]);
    expect(attentionItems([summaryOf(c11)], now)[0]).toMatchObject({ severity: 'warning' });
  });
});
