import { describe, expect, it } from 'vitest';
import { policyText } from './policy-text';

describe('policyText', () => {
  it('says that without a policy the update is all at once and nothing watches alarms, even alarms that are named', () => {
    const text = policyText({ autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] } });
    expect(text.title).toBe('No deployment policy: all at once');
    expect(text.steps.join(' ')).toMatch(/all traffic to it at once, with no bake/);
    expect(text.safeguards).toEqual([
      'No alarms are watched without a blue/green or rolling policy: nothing rolls an update back automatically.',
    ]);
    expect(policyText(undefined).title).toBe('No deployment policy: all at once');
  });

  it('describes a blue/green canary: canary size, the bake after each shift, termination wait, alarms and timeout', () => {
    const text = policyText({
      autoRollbackConfiguration: { alarms: [{ alarmName: 'fraud-5xx-rate' }, { alarmName: 'fraud-latency' }] },
      blueGreenUpdatePolicy: {
        terminationWaitInSeconds: 300,
        maximumExecutionTimeoutInSeconds: 7200,
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 600,
          canarySize: { type_: 'CAPACITY_PERCENT', value: 25 },
        },
      },
    });
    expect(text).toEqual({
      title: 'Blue/green, canary',
      steps: [
        'Launch a complete new fleet beside the old one.',
        'Shift 25% of capacity (the canary) to the new fleet, then bake for 10 min while the alarms are watched.',
        'Shift the rest of the traffic, then bake for 10 min while the alarms are watched.',
        'Wait 5 min, then terminate the old fleet.',
      ],
      safeguards: [
        'Rolls back automatically when any of these CloudWatch alarms goes into ALARM during the update: fraud-5xx-rate, fraud-latency.',
        'Rolls back if the update takes longer than 2 h.',
      ],
    });
  });

  it('describes linear steps in instances, and a blue/green all at once without a bake', () => {
    const linear = policyText({
      autoRollbackConfiguration: { alarms: [{ alarmName: 'ranking-latency' }] },
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: {
          type_: 'LINEAR',
          waitIntervalInSeconds: 300,
          linearStepSize: { type_: 'INSTANCE_COUNT', value: 2 },
        },
      },
    });
    expect(linear.title).toBe('Blue/green, linear');
    expect(linear.steps[1]).toBe(
      'Shift traffic to the new fleet in steps of 2 instances of capacity, baking for 5 min after each step while the alarms are watched, until it has all of it.',
    );
    expect(linear.safeguards).toEqual([
      'Rolls back automatically when any of these CloudWatch alarms goes into ALARM during the update: ranking-latency.',
    ]);

    const allAtOnce = policyText({
      blueGreenUpdatePolicy: { trafficRoutingConfiguration: { type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 0 } },
    });
    expect(allAtOnce.title).toBe('Blue/green, all at once');
    expect(allAtOnce.steps).toEqual([
      'Launch a complete new fleet beside the old one.',
      'Shift all traffic to the new fleet at once.',
      'Terminate the old fleet.',
    ]);
  });

  it('says a blue/green policy without alarms does not bake between shifts', () => {
    const text = policyText({
      blueGreenUpdatePolicy: {
        trafficRoutingConfiguration: {
          type_: 'CANARY',
          waitIntervalInSeconds: 600,
          canarySize: { type_: 'INSTANCE_COUNT', value: 1 },
        },
      },
    });
    expect(text.steps).toEqual([
      'Launch a complete new fleet beside the old one.',
      'Shift 1 instance of capacity (the canary) to the new fleet.',
      'Shift the rest of the traffic.',
      'No alarms are named, so SageMaker does not bake between shifts (the 10 min wait interval goes unused).',
      'Terminate the old fleet.',
    ]);
    expect(text.safeguards).toEqual(['No CloudWatch alarms are watched: nothing rolls an update back automatically.']);
  });

  it('describes rolling batches, the rollback batch size and the timeout', () => {
    const text = policyText({
      autoRollbackConfiguration: { alarms: [{ alarmName: 'churn-errors' }] },
      rollingUpdatePolicy: {
        maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 25 },
        rollbackMaximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 },
        waitIntervalInSeconds: 300,
        maximumExecutionTimeoutInSeconds: 5400,
      },
    });
    expect(text.title).toBe('Rolling, in batches of at most 25%');
    expect(text.steps).toEqual([
      'Replace the fleet in batches of at most 25%: launch a batch on the new config, shift its traffic, then bake for 5 min while the alarms are watched, then stop as many old instances.',
      'Repeat until every instance runs the new config.',
      'A rollback restores the old instances in batches of at most 1 instance.',
    ]);
    expect(text.safeguards[1]).toBe('Rolls back if the update takes longer than 1 h 30 min.');
  });

  it('does not bake between rolling batches without alarms, and says the wait goes unused', () => {
    const text = policyText({
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'CAPACITY_PERCENT', value: 25 }, waitIntervalInSeconds: 300 },
    });
    expect(text.steps).toEqual([
      'Replace the fleet in batches of at most 25%: launch a batch on the new config, shift its traffic, then stop as many old instances.',
      'Repeat until every instance runs the new config.',
      'No alarms are named, so SageMaker does not bake between batches (the 5 min wait interval goes unused).',
      'A rollback restores the old instances all at once.',
    ]);
  });

  it('says a rolling rollback without its own batch size is all at once', () => {
    const text = policyText({
      rollingUpdatePolicy: { maximumBatchSize: { type_: 'INSTANCE_COUNT', value: 1 }, waitIntervalInSeconds: 0 },
    });
    expect(text.title).toBe('Rolling, in batches of at most 1 instance');
    expect(text.steps[0]).toBe(
      'Replace the fleet in batches of at most 1 instance: launch a batch on the new config, shift its traffic, then stop as many old instances.',
    );
    expect(text.steps[2]).toBe('A rollback restores the old instances all at once.');
  });
});
