import { describe, expect, it } from 'vitest';
import { gateRollout } from '@/lib/rollout/gating';
import { endpointHealth } from './health';
import { failedMeaning, liveConfigInMessage, modifyingStatuses, usesModelPackage } from './status-facts';
import { displayEndpointStatus } from './status-vocabulary';

describe('status facts', () => {
  it('give Failed one meaning in the vocabulary, the gate and the health reason alike', () => {
    const failed = { metadata: { name: 'e' }, spec: { endpointConfigName: 'c' }, status: { endpointStatus: 'Failed' } };
    expect(displayEndpointStatus('Failed').description).toContain(failedMeaning);
    const gate = gateRollout({ endpointStatus: 'Failed' });
    expect(gate.allowed === false && gate.reason).toContain(failedMeaning);
    expect(endpointHealth(failed as never).reasons[0]).toContain(failedMeaning);
  });

  it('name the states every spec change waits out, each of which the gate holds back', () => {
    for (const status of modifyingStatuses) expect(gateRollout({ endpointStatus: status }).allowed, status).toBe(false);
    expect(modifyingStatuses.has('InService')).toBe(false);
  });

  it('read the running config from the controller message, and any model package', () => {
    const message =
      'api error EndpointUpdateError: unable to update endpoint. check FailureReason. latest EndpointConfigName is live-config';
    expect(liveConfigInMessage(message)).toBe('live-config');
    expect(liveConfigInMessage('api error ValidationException')).toBeUndefined();
    expect(liveConfigInMessage(undefined)).toBeUndefined();
    const model = (containers: object[]) => ({ spec: { modelName: 'm', containers } }) as never;
    expect(usesModelPackage(model([{ image: 'i' }, { modelPackageName: 'arn:aws:sagemaker:pkg' }]))).toBe(true);
    expect(usesModelPackage(model([{ image: 'i' }]))).toBe(false);
  });
});
