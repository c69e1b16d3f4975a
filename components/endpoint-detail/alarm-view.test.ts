import { describe, expect, it } from 'vitest';
import { alarmStateDisplay, deploymentAlarms, judgementDisplay, rollbackCause } from './alarm-view';

describe('alarm views', () => {
  it('name an alarm CloudWatch does not have, and one not read at all, apart from its states', () => {
    expect(alarmStateDisplay({ state: 'ALARM' })).toEqual({ state: 'ALARM', label: 'ALARM', tone: 'error' });
    expect(alarmStateDisplay({ state: 'INSUFFICIENT_DATA' }).tone).toBe('warning');
    expect(alarmStateDisplay({})).toMatchObject({ state: 'missing', label: 'No such alarm in CloudWatch' });
    expect(alarmStateDisplay(undefined)).toMatchObject({ state: 'unknown' });
  });

  it('list the policy’s alarms in its order, with what CloudWatch said of each', () => {
    const policy = { autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }, { alarmName: 'errors' }] } };
    expect(deploymentAlarms(policy, [{ name: 'errors', state: 'OK' }])).toEqual([
      { name: 'p99' },
      { name: 'errors', view: { name: 'errors', state: 'OK' } },
    ]);
    expect(deploymentAlarms(undefined, undefined)).toEqual([]);
  });

  it('find the last transition to ALARM as the rollback’s cause', () => {
    const cause = rollbackCause([
      { alarmName: 'a', at: '2026-05-01T14:02:00Z', to: 'ALARM', summary: 's' },
      { alarmName: 'b', at: '2026-05-01T14:05:00Z', to: 'ALARM', summary: 's' },
      { alarmName: 'b', at: '2026-05-01T14:09:00Z', to: 'OK', summary: 's' },
    ]);
    expect(cause?.alarmName).toBe('b');
    expect(rollbackCause([])).toBeUndefined();
  });

  it('colour a metric out of bounds by whether it is critical', () => {
    expect(judgementDisplay({ outcome: 'high', critical: true })).toEqual({ label: 'Higher', tone: 'error' });
    expect(judgementDisplay({ outcome: 'low', critical: false })).toEqual({ label: 'Lower', tone: 'warning' });
  });
});
