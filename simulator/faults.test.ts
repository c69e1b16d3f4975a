import { describe, expect, it } from 'vitest';
import { FaultControls } from './faults';

describe('FaultControls', () => {
  it('hands each endpoint its API errors and failures, not its out-of-band deletion', () => {
    const controls = new FaultControls(() => {});
    controls.update({
      endpoints: JSON.stringify({
        ep: {
          failUpdate: 'reason',
          createError: { code: 'InvalidParameterValue', message: 'bad instance type' },
          updateError: { code: 'MissingParameter', message: 'no config' },
          describeError: { code: 'ThrottlingException', message: 'Rate exceeded' },
          deletedInAwsAfter: '2026-11-25T12:00:00Z',
        },
      }),
    });
    expect(controls.faultsFor('ep')).toEqual({
      failUpdate: 'reason',
      createError: { code: 'InvalidParameterValue', message: 'bad instance type' },
      updateError: { code: 'MissingParameter', message: 'no config' },
      describeError: { code: 'ThrottlingException', message: 'Rate exceeded' },
    });
    expect(controls.faultsFor('other')).toEqual({});
  });

  it('keeps the previous controls when an error lacks its code or message', () => {
    const logged: string[] = [];
    const controls = new FaultControls((message) => logged.push(message));
    controls.update({
      endpoints: JSON.stringify({ ep: { describeError: { code: 'ThrottlingException', message: 'Rate exceeded' } } }),
    });
    controls.update({ endpoints: JSON.stringify({ ep: { describeError: { code: 'ThrottlingException' } } }) });
    expect(controls.faultsFor('ep').describeError).toEqual({ code: 'ThrottlingException', message: 'Rate exceeded' });
    expect(logged).toEqual([expect.stringMatching(/^ignoring invalid fault controls/)]);
  });
});
