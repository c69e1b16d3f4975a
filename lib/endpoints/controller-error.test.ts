import { describe, expect, it } from 'vitest';
import type { AckCondition } from '@/lib/schemas/ack';
import { controllerError, isRequeueMessage, terminalErrorReason } from './controller-error';
import { condition } from './fixtures.test-support';

describe('controllerError', () => {
  it.each<[string, AckCondition[] | undefined, ReturnType<typeof controllerError>]>([
    [
      'a terminal error',
      [condition('ACK.Terminal', 'True', ' not implemented ')],
      { type: 'ACK.Terminal', message: 'not implemented' },
    ],
    [
      'a retried error',
      [condition('ACK.Recoverable', 'True', 'api error AccessDeniedException: no')],
      { type: 'ACK.Recoverable', message: 'api error AccessDeniedException: no' },
    ],
    [
      'terminal before recoverable',
      [condition('ACK.Recoverable', 'True', 'r'), condition('ACK.Terminal', 'True', 't')],
      { type: 'ACK.Terminal', message: 't' },
    ],
    ['a terminal condition flipped False by a delete', [condition('ACK.Terminal', 'False')], undefined],
    [
      'the wait while SageMaker is busy',
      [condition('ACK.Recoverable', 'True', 'Endpoint in RollingBack state cannot be modified or deleted.')],
      undefined,
    ],
    ['the delete pass', [condition('ACK.Recoverable', 'True', 'Endpoint is Deleting.')], undefined],
    [
      'a terminal error with no message',
      [condition('ACK.Terminal', 'True')],
      { type: 'ACK.Terminal', message: 'terminal error' },
    ],
    ['no conditions', undefined, undefined],
  ])('%s', (_name, conditions, expected) => {
    expect(controllerError(conditions)).toEqual(expected);
  });

  it('knows a requeue only by its whole message', () => {
    expect(isRequeueMessage('Endpoint in Updating state cannot be modified or deleted.')).toBe(true);
    expect(isRequeueMessage('api error X: Endpoint in Updating state cannot be modified or deleted. retry')).toBe(
      false,
    );
    expect(isRequeueMessage(undefined)).toBe(false);
  });
});

describe('terminalErrorReason', () => {
  it.each([
    [
      'a terminal code from CreateEndpoint (C10)',
      'api error InvalidParameterValue: bad',
      undefined,
      'SageMaker refused to create the endpoint, and the controller will not try again until the spec changes: api error InvalidParameterValue: bad',
    ],
    [
      'a terminal code from UpdateEndpoint (C8)',
      'api error MissingParameter: x',
      'InService',
      'SageMaker refused the update to cfg-v2, and the controller will not try again until the spec changes: api error MissingParameter: x',
    ],
    [
      'the refusal of an update that failed before (C6)',
      'api error EndpointUpdateError: unable to update endpoint.',
      'InService',
      'The controller stopped trying: api error EndpointUpdateError: unable to update endpoint.',
    ],
    [
      'an endpoint that exists outside ACK (C13)',
      'Resource already exists',
      undefined,
      'The controller stopped trying: Resource already exists',
    ],
  ])('%s', (_name, message, status, expected) => {
    expect(terminalErrorReason(message, status, 'cfg-v2')).toBe(expected);
  });
});
