import { describe, expect, it } from 'vitest';
import { gateRollout } from './gating';

describe('gateRollout', () => {
  it.each(['InService', 'OutOfService', 'UpdateRollbackFailed'])(
    'allows a rollout when the endpoint is %s (docs/ack-behaviour.md §7.2)',
    (endpointStatus) => {
      expect(gateRollout({ endpointStatus })).toEqual({ allowed: true });
    },
  );

  it.each(['Creating', 'Updating', 'SystemUpdating', 'RollingBack', 'Deleting'])(
    'holds a rollout back while %s and says ACK would too',
    (endpointStatus) => {
      const gate = gateRollout({ endpointStatus });
      expect(gate.allowed).toBe(false);
      if (!gate.allowed) {
        expect(gate.reason).toContain(`The endpoint is ${endpointStatus}`);
        expect(gate.reason).toMatch(/ACK holds any change back/);
      }
    },
  );

  it.each([
    ['Failed', /can never be updated.*Delete the endpoint and create it again/],
    [undefined, /has not reported this endpoint's status yet/],
    ['Exploding', /status Fleetdeck does not know \(Exploding\)/],
    ['toString', /status Fleetdeck does not know \(toString\)/],
  ])('refuses a rollout when the status is %s', (endpointStatus, reason) => {
    const gate = gateRollout({ endpointStatus });
    expect(gate).toMatchObject({ allowed: false });
    expect(gate.allowed ? '' : gate.reason).toMatch(reason);
  });
});
