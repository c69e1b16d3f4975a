// AWS errors through the simulated controller, with the conditions it writes for them (docs/ack-behaviour.md
// §8.4): a terminal code from CreateEndpoint (C10) and UpdateEndpoint (C8), a failing DescribeEndpoint (C11), and
// the ValidationException SageMaker answers for a real-time endpoint moved to serverless (C7). Each case is also
// read by the dashboard's own pure functions, so the words a person sees are checked against real output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controllerError } from '@/lib/endpoints/controller-error';
import { endpointHealth } from '@/lib/endpoints/health';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { SimWorld } from '../support/sagemaker-world';

let world: SimWorld;
beforeAll(async () => {
  world = await SimWorld.start('sim-errors');
});
afterAll(() => world?.stop());

const lastConfig = 'sagemaker.services.k8s.aws/last-endpoint-config-for-update';
const unknown = 'Unable to determine if desired resource state matches latest observed state';
const endpointFaults: Record<string, object> = {};
const setEndpointFaults = (name: string, faults: object) =>
  world.setFaults({ endpoints: Object.assign(endpointFaults, { [name]: faults }) });
const hasCondition = (type: string) => (e: Endpoint) =>
  e.status?.conditions?.some((c) => c.type === type && c.status === 'True') === true;

/** The controller does not look at the object again: nothing changes for a while (about ten 30-second resyncs, scaled). */
async function expectNoRequeue(name: string, seen: Endpoint) {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect((await world.endpoint(name)).metadata.resourceVersion).toBe(seen.metadata.resourceVersion);
}

describe('a terminal error code', () => {
  it('from CreateEndpoint gives C10: Terminal, Synced False, no endpoint status, the finalizer kept, no requeue', async () => {
    const message = "Invalid value 'ml.bogus.large' for InstanceType.";
    await setEndpointFaults('c10', { createError: { code: 'InvalidParameterValue', message } });
    await world.createModel('c10-model');
    await world.createConfig('c10-v1', [{ name: 'primary', model: 'c10-model' }]);
    await world.configReady('c10-v1');
    await world.createEndpoint('c10', 'c10-v1');
    const refused = await world.waitForEndpoint('c10', hasCondition('ACK.Terminal'), 'C10');
    const text = `api error InvalidParameterValue: ${message}`;
    expect(refused.status?.conditions).toEqual([
      { type: 'ACK.Terminal', status: 'True', message: text },
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'False',
        message: 'Resource not synced',
        reason: 'resource is in terminal condition',
      }),
      expect.objectContaining({ type: 'Ready', status: 'False', message: text, reason: 'ACK.Terminal' }),
    ]);
    expect(refused.status?.endpointStatus).toBeUndefined();
    expect(refused.status?.ackResourceMetadata?.arn).toBeUndefined();
    expect(refused.metadata.finalizers).toContain('finalizers.sagemaker.services.k8s.aws/Endpoint');
    expect(endpointHealth(refused)).toMatchObject({
      level: 'critical',
      reasons: [
        `SageMaker refused to create the endpoint, and the controller will not try again until the spec changes: ${text}`,
      ],
    });
    await expectNoRequeue('c10', refused);
  });

  it('from UpdateEndpoint gives C8: Synced True on the running endpoint, Terminal, no annotation, no requeue', async () => {
    await world.inServiceEndpoint('c8', [{ name: 'primary', count: 2 }]);
    await world.createModel('c8-model-v2', '123456789012.dkr.ecr.us-west-2.amazonaws.com/c8:2');
    await world.createConfig('c8-v2', [{ name: 'primary', model: 'c8-model-v2', count: 2 }]);
    await world.configReady('c8-v2');
    const message = 'The ProductionVariant primary cannot use both ServerlessConfig and InstanceType.';
    await setEndpointFaults('c8', { updateError: { code: 'InvalidParameterCombination', message } });
    await world.patch('Endpoint', 'c8', { spec: { endpointConfigName: 'c8-v2' } });
    const refused = await world.waitForEndpoint('c8', hasCondition('ACK.Terminal'), 'C8');
    const text = `api error InvalidParameterCombination: ${message}`;
    expect(refused.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'True',
        message: 'Endpoint is in InService status.',
      }),
      { type: 'ACK.Terminal', status: 'True', message: text },
      expect.objectContaining({ type: 'Ready', status: 'False', message: text, reason: 'ACK.Terminal' }),
    ]);
    expect(refused.status?.endpointStatus).toBe('InService');
    expect(refused.metadata.annotations?.[lastConfig]).toBeUndefined();
    expect(endpointHealth(refused)).toMatchObject({
      level: 'critical',
      reasons: [
        `SageMaker refused the update to c8-v2, and the controller will not try again until the spec changes: ${text}`,
      ],
    });
    await expectNoRequeue('c8', refused);
  });
});

describe('a failing DescribeEndpoint', () => {
  it('gives C11: Recoverable and Synced Unknown with the SDK error chain, the rest of the status as it was; then recovers', async () => {
    const before = await world.inServiceEndpoint('c11', [{ name: 'primary', count: 2 }]);
    await setEndpointFaults('c11', { describeError: { code: 'ThrottlingException', message: 'Rate exceeded' } });
    const failing = await world.waitForEndpoint('c11', hasCondition('ACK.Recoverable'), 'C11');
    expect(failing.status?.conditions).toEqual([
      { type: 'ACK.Recoverable', status: 'True', message: 'api error ThrottlingException: Rate exceeded' },
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'Unknown',
        message: unknown,
        reason: expect.stringMatching(
          /^operation error SageMaker: DescribeEndpoint, https response error StatusCode: 400, RequestID: [0-9a-f-]{36}, api error ThrottlingException: Rate exceeded$/,
        ),
      }),
      expect.objectContaining({
        type: 'Ready',
        status: 'False',
        message: 'api error ThrottlingException: Rate exceeded',
        reason: 'ACK.Recoverable',
      }),
    ]);
    const { conditions: _now, ...rest } = failing.status ?? {};
    const { conditions: _then, ...restBefore } = before.status ?? {};
    expect(rest).toEqual(restBefore);
    expect(controllerError(failing.status?.conditions)).toEqual({
      type: 'ACK.Recoverable',
      message: 'api error ThrottlingException: Rate exceeded',
    });
    expect(endpointHealth(failing)).toMatchObject({
      level: 'warning',
      reasons: [
        'The controller is retrying: api error ThrottlingException: Rate exceeded',
        'The controller could not read the endpoint from SageMaker; the status shown is from its last successful read.',
      ],
    });

    await setEndpointFaults('c11', {});
    const recovered = await world.waitForEndpoint(
      'c11',
      (e) => e.status?.conditions?.[0]?.status === 'True' && !hasCondition('ACK.Recoverable')(e),
      'C2 again',
      30_000,
    );
    expect(recovered.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'ACK.ResourceSynced=True',
      'Ready=True',
    ]);
  });
});

describe('a real-time endpoint moved to serverless', () => {
  it('is answered with a ValidationException, which the controller retries (C7)', async () => {
    await world.inServiceEndpoint('to-serverless', [{ name: 'primary', count: 2 }]);
    await world.createModel('to-serverless-model-v2');
    await world.createConfig('to-serverless-v2', [
      { name: 'primary', model: 'to-serverless-model-v2', serverless: { memorySizeInMB: 2048, maxConcurrency: 5 } },
    ]);
    await world.configReady('to-serverless-v2');
    await world.patch('Endpoint', 'to-serverless', { spec: { endpointConfigName: 'to-serverless-v2' } });
    const retried = await world.waitForEndpoint('to-serverless', hasCondition('ACK.Recoverable'), 'C7');
    expect(retried.status?.conditions).toEqual([
      expect.objectContaining({
        type: 'ACK.ResourceSynced',
        status: 'True',
        message: 'Endpoint is in InService status.',
      }),
      {
        type: 'ACK.Recoverable',
        status: 'True',
        message: expect.stringMatching(
          /^api error ValidationException: .*real-time endpoint to a serverless endpoint is not supported\.$/,
        ),
      },
      expect.objectContaining({ type: 'Ready', status: 'False', reason: 'ACK.Recoverable' }),
    ]);
    expect(retried.status?.endpointStatus).toBe('InService');
    expect(retried.metadata.annotations?.[lastConfig]).toBeUndefined();
  });
});
