import { describe, expect, it } from 'vitest';
import { ackConditionTypes } from '@/lib/schemas/ack';
import { conditionMeanings, explainConditions } from './conditions-explained';
import { condition, referenceEndpoint } from './fixtures.test-support';

describe('conditionMeanings', () => {
  it('explains every condition type ACK writes on these kinds', () => {
    expect(conditionMeanings.map((entry) => entry.type).sort()).toEqual(Object.values(ackConditionTypes).sort());
  });

  it('warns that Synced True is not healthy (docs/ack-behaviour.md §2.4)', () => {
    expect(conditionMeanings.find((entry) => entry.type === 'ACK.ResourceSynced')?.note).toMatch(
      /not mean healthy.*Failed/,
    );
  });
});

describe('explainConditions', () => {
  it.each([
    ['Ready True', condition('Ready', 'True'), 'ok', /nothing left to do/],
    [
      'Ready False from a terminal error',
      condition('Ready', 'False', 'x', 'ACK.Terminal'),
      'error',
      /Something stands between/,
    ],
    [
      'Ready False from a retried error',
      condition('Ready', 'False', 'x', 'ACK.Recoverable'),
      'warning',
      /Something stands between/,
    ],
    [
      'Ready False while updating',
      condition('Ready', 'False', 'Endpoint is in Updating status.'),
      'progress',
      /Something stands between/,
    ],
    [
      'Synced True',
      condition('ACK.ResourceSynced', 'True', 'Endpoint is in InService status.'),
      'ok',
      /not changing the endpoint, and the controller found nothing in the spec left to apply/,
    ],
    [
      'Synced False while updating',
      condition('ACK.ResourceSynced', 'False', 'Endpoint is in Updating status.'),
      'progress',
      /changing the endpoint/,
    ],
    [
      'Synced False on a refused update',
      condition('ACK.ResourceSynced', 'False', 'api error EndpointUpdateError: unable to update endpoint.'),
      'error',
      /refused a change/,
    ],
    [
      'Synced False on a terminal error',
      condition('ACK.ResourceSynced', 'False', 'Resource not synced', 'resource is in terminal condition'),
      'error',
      /refused/,
    ],
    [
      'Synced Unknown',
      condition('ACK.ResourceSynced', 'Unknown', 'Unable to determine'),
      'warning',
      /cannot tell whether SageMaker runs what the spec asks for/,
    ],
    ['Terminal True', condition('ACK.Terminal', 'True', 'not implemented'), 'error', /gave up/],
    ['Terminal False', condition('ACK.Terminal', 'False'), 'neutral', /No terminal error/],
    [
      'Recoverable True',
      condition('ACK.Recoverable', 'True', 'api error ThrottlingException: x'),
      'warning',
      /retries with growing back-off/,
    ],
    [
      'Recoverable True as a wait',
      condition('ACK.Recoverable', 'True', 'Endpoint in Updating state cannot be modified or deleted.'),
      'progress',
      /Not an error/,
    ],
    [
      'Recoverable True on a delete',
      condition('ACK.Recoverable', 'True', 'Endpoint is Deleting.'),
      'progress',
      /Not an error/,
    ],
    [
      'LateInitialized True',
      condition('ACK.LateInitialized', 'True', 'Late initialization successful'),
      'ok',
      /copied a default/,
    ],
    [
      'LateInitialized False',
      condition('ACK.LateInitialized', 'False', 'Late initialization did not complete'),
      'progress',
      /5 s/,
    ],
    [
      'Advisory True',
      condition('ACK.Advisory', 'True', 'x', 'CrossNamespaceOptInRequired'),
      'neutral',
      /needs no action/,
    ],
    ['a type Fleetdeck does not know', condition('ACK.Fancy', 'True'), 'neutral', /does not know/],
  ])('%s', (_name, input, tone, meaning) => {
    const [explained] = explainConditions([input]);
    expect(explained?.tone).toBe(tone);
    expect(explained?.meaning).toMatch(meaning);
    expect(explained?.message).toBe(input.message);
  });

  it('does not say Synced True means the spec is applied (docs/ack-behaviour.md §2.4, §6.1 step 5)', () => {
    const synced = conditionMeanings.find((entry) => entry.type === 'ACK.ResourceSynced');
    expect(synced?.whenTrue).not.toMatch(/^SageMaker runs what the spec asks for/);
    expect(synced?.whenTrue).toMatch(/not changing the endpoint.*beside a Terminal error or Retrying/);
  });

  it('orders by the table, unknown types last, and keeps what the controller wrote (controller fixture)', () => {
    const endpoint = referenceEndpoint('readone/observed/failed_status_on_describe.yaml');
    const explained = explainConditions([
      condition('ACK.Fancy', 'True'),
      ...(endpoint.status?.conditions ?? []),
      condition('Ready', 'False', 'x', 'ACK.Terminal'),
    ]);
    expect(explained.map((entry) => `${entry.title}=${entry.status}`)).toEqual([
      'Ready=False',
      'Synced=True',
      'Terminal error=True',
      'ACK.Fancy=True',
    ]);
    expect(explained[2]).toMatchObject({
      message: 'Endpoint status reached terminal state: Failed. Check the FailureReason.',
      lastTransitionTime: '0001-01-01T00:00:00Z',
      tone: 'error',
    });
  });

  it('drops the empty reason ACK serialises', () => {
    expect(explainConditions([condition('Ready', 'True', 'Resource synced successfully', '')])[0]).not.toHaveProperty(
      'reason',
    );
  });

  it('is empty without conditions', () => {
    expect(explainConditions(undefined)).toEqual([]);
  });
});

// Every combination of ACK.ResourceSynced True, False and Unknown with no error, a Recoverable wait, a Recoverable
// error and a Terminal error, with the messages and reasons the controller writes (docs/ack-behaviour.md §8.4 and
// §8.5). Combinations §8.4 does not list get the permissive reading: what the two conditions say together.
describe('explainConditions: Synced beside the other conditions', () => {
  const chain = (operation: string) =>
    `operation error SageMaker: ${operation}, https response error StatusCode: 400, RequestID: 1, api error ThrottlingException: slow`;
  const refusal =
    'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is cfg-v1';
  const unknown = 'Unable to determine if desired resource state matches latest observed state';
  const synced = (status: string, message: string, reason?: string) =>
    condition('ACK.ResourceSynced', status, message, reason);
  const waiting = (state: string) =>
    condition('ACK.Recoverable', 'True', `Endpoint in ${state} state cannot be modified or deleted.`);
  const retrying = condition('ACK.Recoverable', 'True', 'api error ThrottlingException: slow');
  const terminal = (message: string) => condition('ACK.Terminal', 'True', message);

  it.each([
    // Synced True: SageMaker reports a state outside the modifying set.
    [
      'True alone (C2)',
      [synced('True', 'Endpoint is in InService status.')],
      'ok',
      /^SageMaker is not changing the endpoint, and the controller found nothing in the spec left to apply\.$/,
    ],
    [
      'True on a Failed endpoint (C3)',
      [
        synced('True', 'Endpoint is in Failed status.'),
        terminal('Endpoint status reached terminal state: Failed. Check the FailureReason.'),
      ],
      'warning',
      /not changing the endpoint, but it is Failed: see Terminal error\. ACK sets Synced/,
    ],
    [
      'True beside a retried update call (C7)',
      [synced('True', 'Endpoint is in InService status.'), retrying],
      'warning',
      /does not run what the spec asks for: see Retrying\. ACK sets Synced/,
    ],
    [
      'True beside a refused update call (C8)',
      [synced('True', 'Endpoint is in InService status.'), terminal('api error InvalidParameterValue: bad')],
      'warning',
      /does not run what the spec asks for: see Terminal error\. ACK sets Synced/,
    ],
    [
      'True beside a wait',
      [synced('True', 'Endpoint is in InService status.'), waiting('Updating')],
      'progress',
      /not changing the endpoint, but the controller is holding a change back: see Retrying/,
    ],
    // Synced False: SageMaker is changing the endpoint, or the controller refused the spec.
    [
      'False while updating (C1, C5)',
      [synced('False', 'Endpoint is in Updating status.')],
      'progress',
      /^SageMaker is changing the endpoint \(Updating\); the controller looks again every 30 s\.$/,
    ],
    [
      'False with a change held back (C4)',
      [synced('False', 'Endpoint is in Updating status.'), waiting('Updating')],
      'progress',
      /changing the endpoint \(Updating\).*holds the spec's change back until SageMaker finishes: see Retrying/,
    ],
    [
      'False while deleting (C12)',
      [
        synced('False', 'Endpoint is in Deleting status.'),
        condition('ACK.Recoverable', 'True', 'Endpoint is Deleting.'),
      ],
      'progress',
      /^SageMaker is deleting the endpoint\.$/,
    ],
    [
      'False on a refused update (C6)',
      [synced('False', refusal), terminal(refusal)],
      'error',
      /refused a change: it will not submit a config that already failed, or any change to a Failed endpoint: see Terminal error/,
    ],
    [
      'False on a terminal error (C10)',
      [
        terminal('api error InvalidParameterValue: bad'),
        synced('False', 'Resource not synced', 'resource is in terminal condition'),
      ],
      'error',
      /refused a change: it stopped on an error it will not retry until the spec changes: see Terminal error/,
    ],
    [
      'False beside a retried error',
      [synced('False', 'Resource not synced'), retrying],
      'warning',
      /does not run what the spec asks for yet, and the controller is retrying an error: see Retrying/,
    ],
    [
      'False with a message of its own',
      [synced('False', 'Resource not synced')],
      'progress',
      /changing the endpoint, or the controller has not applied the spec yet/,
    ],
    // Synced Unknown: a call to SageMaker failed, so the controller cannot tell.
    [
      'Unknown after a failed create (C9)',
      [retrying, synced('Unknown', unknown, chain('CreateEndpoint'))],
      'warning',
      /^SageMaker has not created it: the create call failed, and the controller retries: see Retrying\.$/,
    ],
    [
      'Unknown after a failed read (C11)',
      [retrying, synced('Unknown', unknown, chain('DescribeEndpoint'))],
      'warning',
      /^The controller could not read the endpoint from SageMaker; it retries\.$/,
    ],
    [
      'Unknown beside an error naming no call',
      [retrying, synced('Unknown', unknown)],
      'warning',
      /call to SageMaker failed.*cannot tell whether the spec is applied: see Retrying/,
    ],
    [
      'Unknown beside a terminal error',
      [terminal('Resource already exists'), synced('Unknown', unknown)],
      'warning',
      /cannot tell whether the spec is applied, and it stopped on an error: see Terminal error/,
    ],
    [
      'Unknown beside a wait',
      [waiting('Updating'), synced('Unknown', unknown)],
      'warning',
      /cannot tell whether SageMaker runs what the spec asks for/,
    ],
    [
      'Unknown alone',
      [synced('Unknown', unknown)],
      'warning',
      /cannot tell whether SageMaker runs what the spec asks for/,
    ],
  ])('Synced %s', (_name, conditions, tone, meaning) => {
    const explained = explainConditions(conditions).find((entry) => entry.type === 'ACK.ResourceSynced');
    expect(explained?.meaning).toMatch(meaning);
    expect(explained?.tone).toBe(tone);
  });
});
