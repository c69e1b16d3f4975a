import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { whatTheControllerWaitsFor } from './controller-waiting';
import { condition, makeEndpoint, referenceEndpoint } from './fixtures.test-support';

const synced = (status: string, message = 'Endpoint is in InService status.') =>
  condition('ACK.ResourceSynced', status, message);
const updateError = (live: string) =>
  `api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is ${live}`;

const cases: [string, Endpoint, RegExp | undefined][] = [
  [
    'a change held back while SageMaker updates',
    makeEndpoint({
      configName: 'cfg-v3',
      submitted: 'cfg-v2',
      status: {
        endpointStatus: 'Updating',
        conditions: [condition('ACK.Recoverable', 'True', 'Endpoint in Updating state cannot be modified or deleted.')],
        pendingDeploymentSummary: { endpointConfigName: 'cfg-v2' },
      },
    }),
    /asks for cfg-v3, but the endpoint is Updating/,
  ],
  [
    'an update SageMaker rolled back, which the controller will not retry',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v2',
      status: {
        endpointStatus: 'InService',
        failureReason: 'alarm p99',
        conditions: [synced('False', updateError('cfg-v1')), condition('ACK.Terminal', 'True', updateError('cfg-v1'))],
      },
    }),
    /rolled back the update to cfg-v2 \(alarm p99\) and kept cfg-v1.*will not try cfg-v2 again.*back at cfg-v1/,
  ],
  [
    'a change asked of a Failed endpoint (controller fixture)',
    referenceEndpoint('update/observed/no_update_on_failed.yaml'),
    /cannot update a Failed endpoint/,
  ],
  [
    'a Failed endpoint (controller fixture)',
    referenceEndpoint('readone/observed/failed_status_on_describe.yaml'),
    /^The endpoint is Failed \(SageMaker could not create, update or re-scale it\).*deleted and created again/,
  ],
  [
    'a refusal naming the live config (controller fixture)',
    referenceEndpoint('update/observed/no_retry_on_failed_update.yaml'),
    /will not retry a config that already failed/,
  ],
  [
    'a terminal parameter error',
    makeEndpoint({
      configName: 'cfg-v2',
      submitted: 'cfg-v1',
      status: {
        endpointStatus: 'InService',
        conditions: [synced('True'), condition('ACK.Terminal', 'True', 'api error InvalidParameterValue: no')],
      },
    }),
    /will not apply cfg-v2 until the spec changes again: api error InvalidParameterValue: no/,
  ],
  [
    'a terminal error before any status',
    makeEndpoint({ status: { conditions: [condition('ACK.Terminal', 'True', 'Resource already exists')] } }),
    /stopped on an error.*Resource already exists/,
  ],
  [
    'an update call retried (controller fixture)',
    referenceEndpoint('update/observed/error_on_update.yaml'),
    /has not applied .* yet.*ServiceUnavailable/,
  ],
  [
    'a Describe error retried',
    makeEndpoint({
      status: {
        endpointStatus: 'InService',
        conditions: [
          condition('ACK.Recoverable', 'True', 'api error ThrottlingException: slow'),
          synced('Unknown', 'Unable to determine'),
        ],
      },
    }),
    /retrying after an error, waiting longer each time.*ThrottlingException/,
  ],
  [
    'an update under way with nothing held back (controller fixture)',
    referenceEndpoint('readone/observed/updating_deployment.yaml'),
    undefined,
  ],
  ['a delete in progress (controller fixture)', referenceEndpoint('delete/observed/deleting_no_error.yaml'), undefined],
  [
    'a healthy endpoint (controller fixture)',
    referenceEndpoint('readone/observed/inservice_no_failure_after_describe.yaml'),
    undefined,
  ],
];

describe('whatTheControllerWaitsFor', () => {
  it.each(cases)('%s', (_name, endpoint, expected) => {
    const waiting = whatTheControllerWaitsFor(endpoint);
    if (expected === undefined) expect(waiting).toBeUndefined();
    else expect(waiting).toMatch(expected);
  });
});
