import { describe, expect, it } from 'vitest';
import { ackConditionTypes } from '@/lib/schemas/ack';
import { conditionMeanings, explainConditions } from './conditions-explained';
import { condition, referenceEndpoint } from './fixtures.test-support';

describe('conditionMeanings', () => {
  it('explains every condition type ACK writes on these kinds', () => {
    expect(conditionMeanings.map((entry) => entry.type).sort()).toEqual(Object.values(ackConditionTypes).sort());
  });

  it('warns that Synced True is not healthy (docs/ack-behaviour.md §2.4)', () => {
    expect(conditionMeanings.find((entry) => entry.type === 'ACK.ResourceSynced')?.note).toMatch(/not mean healthy.*Failed/);
  });
});

describe('explainConditions', () => {
  it.each([
    ['Ready True', condition('Ready', 'True'), 'ok', /nothing left to do/],
    ['Ready False from a terminal error', condition('Ready', 'False', 'x', 'ACK.Terminal'), 'error', /Something stands between/],
    ['Ready False from a retried error', condition('Ready', 'False', 'x', 'ACK.Recoverable'), 'warning', /Something stands between/],
    ['Ready False while updating', condition('Ready', 'False', 'Endpoint is in Updating status.'), 'progress', /Something stands between/],
    ['Synced True', condition('ACK.ResourceSynced', 'True', 'Endpoint is in Failed status.'), 'ok', /runs what the spec asks for/],
    ['Synced False while updating', condition('ACK.ResourceSynced', 'False', 'Endpoint is in Updating status.'), 'progress', /changing the endpoint/],
    ['Synced False on a refused update', condition('ACK.ResourceSynced', 'False', 'api error EndpointUpdateError: unable to update endpoint.'), 'error', /refused a change/],
    ['Synced False on a terminal error', condition('ACK.ResourceSynced', 'False', 'Resource not synced', 'resource is in terminal condition'), 'error', /refused/],
    ['Synced Unknown', condition('ACK.ResourceSynced', 'Unknown', 'Unable to determine'), 'warning', /could not read/],
    ['Terminal True', condition('ACK.Terminal', 'True', 'not implemented'), 'error', /gave up/],
    ['Terminal False', condition('ACK.Terminal', 'False'), 'neutral', /No terminal error/],
    ['Recoverable True', condition('ACK.Recoverable', 'True', 'api error ThrottlingException: x'), 'warning', /retries with growing back-off/],
    ['Recoverable True as a wait', condition('ACK.Recoverable', 'True', 'Endpoint in Updating state cannot be modified or deleted.'), 'progress', /Not an error/],
    ['Recoverable True on a delete', condition('ACK.Recoverable', 'True', 'Endpoint is Deleting.'), 'progress', /Not an error/],
    ['LateInitialized True', condition('ACK.LateInitialized', 'True', 'Late initialization successful'), 'ok', /copied a default/],
    ['LateInitialized False', condition('ACK.LateInitialized', 'False', 'Late initialization did not complete'), 'progress', /5 s/],
    ['Advisory True', condition('ACK.Advisory', 'True', 'x', 'CrossNamespaceOptInRequired'), 'neutral', /needs no action/],
    ['a type Fleetdeck does not know', condition('ACK.Fancy', 'True'), 'neutral', /does not know/],
  ])('%s', (_name, input, tone, meaning) => {
    const [explained] = explainConditions([input]);
    expect(explained?.tone).toBe(tone);
    expect(explained?.meaning).toMatch(meaning);
    expect(explained?.message).toBe(input.message);
  });

  it('orders by the table, unknown types last, and keeps what the controller wrote (controller fixture)', () => {
    const endpoint = referenceEndpoint('readone/observed/failed_status_on_describe.yaml');
    const explained = explainConditions([condition('ACK.Fancy', 'True'), ...(endpoint.status?.conditions ?? []), condition('Ready', 'False', 'x', 'ACK.Terminal')]);
    expect(explained.map((entry) => `${entry.title}=${entry.status}`)).toEqual(['Ready=False', 'Synced=True', 'Terminal error=True', 'ACK.Fancy=True']);
    expect(explained[2]).toMatchObject({ message: 'Endpoint status reached terminal state: Failed. Check the FailureReason.', lastTransitionTime: '0001-01-01T00:00:00Z', tone: 'error' });
  });

  it('drops the empty reason ACK serialises', () => {
    expect(explainConditions([condition('Ready', 'True', 'Resource synced successfully', '')])[0]).not.toHaveProperty('reason');
  });

  it('is empty without conditions', () => {
    expect(explainConditions(undefined)).toEqual([]);
  });
});
