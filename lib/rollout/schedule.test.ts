import { describe, expect, it } from 'vitest';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import {
  INSTANCE_LAUNCH_ALLOWANCE_SECONDS as LAUNCH,
  TRAFFIC_SHIFT_ALLOWANCE_SECONDS as SHIFT,
  rolloutSchedule,
} from './schedule';

const fleet = (oldInstances: number, newInstances = oldInstances) => ({ oldInstances, newInstances });
// Alarms named, so waitIntervalInSeconds is a bake (SageMaker bakes only while it watches alarms).
const alarms = { autoRollbackConfiguration: { alarms: [{ alarmName: 'p99' }] } };
const blueGreen = (routing: Record<string, unknown>, terminationWaitInSeconds?: number): DeploymentConfig => ({
  ...alarms,
  blueGreenUpdatePolicy: {
    ...(terminationWaitInSeconds !== undefined ? { terminationWaitInSeconds } : {}),
    trafficRoutingConfiguration: routing,
  },
});
const rolling = (
  maximumBatchSize: { type_: string; value: number },
  waitIntervalInSeconds: number,
): DeploymentConfig => ({
  ...alarms,
  rollingUpdatePolicy: { maximumBatchSize, waitIntervalInSeconds },
});
const percent = (value: number) => ({ type_: 'CAPACITY_PERCENT', value });
const count = (value: number) => ({ type_: 'INSTANCE_COUNT', value });

describe('rolloutSchedule: traffic shares after each step', () => {
  it.each<[string, DeploymentConfig | undefined, number, number[]]>([
    ['no deploymentConfig', undefined, 4, [0, 1]],
    [
      'alarms only (blue/green all at once by default)',
      { autoRollbackConfiguration: { alarms: [{ alarmName: 'a' }] } },
      4,
      [0, 1],
    ],
    ['all at once', blueGreen({ type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 600 }), 4, [0, 1]],
    [
      'canary of 25% of 4',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: percent(25) }),
      4,
      [0, 0.25, 1],
    ],
    [
      'canary of 10% of 4 (rounds to 1 instance)',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: percent(10) }),
      4,
      [0, 0.25, 1],
    ],
    [
      'canary of 1 instance of 5',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 0, canarySize: count(1) }),
      5,
      [0, 0.2, 1],
    ],
    [
      'canary of the whole fleet (one shift, not two)',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 0, canarySize: count(1) }),
      1,
      [0, 1],
    ],
    [
      'canary of 30% on no instances (serverless)',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 0, canarySize: percent(30) }),
      0,
      [0, 0.3, 1],
    ],
    [
      'linear 20% of 10',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 300, linearStepSize: percent(20) }),
      10,
      [0, 0.2, 0.4, 0.6, 0.8, 1],
    ],
    [
      'linear 20% of 4 (1 instance a step)',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 300, linearStepSize: percent(20) }),
      4,
      [0, 0.25, 0.5, 0.75, 1],
    ],
    [
      'linear 2 instances of 5',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 300, linearStepSize: count(2) }),
      5,
      [0, 0.4, 0.8, 1],
    ],
    [
      'linear 50% on no instances',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 300, linearStepSize: percent(50) }),
      0,
      [0, 0.5, 1],
    ],
    ['rolling 25% of 4', rolling(percent(25), 300), 4, [0.25, 0.5, 0.75, 1]],
    ['rolling 50% of 3 (1 instance a batch)', rolling(percent(50), 300), 3, [1 / 3, 2 / 3, 1]],
    ['rolling 2 instances of 5', rolling(count(2), 0), 5, [0.4, 0.8, 1]],
  ])('%s', (_, config, instances, expected) => {
    const shares = rolloutSchedule(config, fleet(instances)).steps.map((step) => step.trafficShareNew);
    expect(shares.map((share) => Number(share.toFixed(6)))).toEqual(expected.map((share) => Number(share.toFixed(6))));
  });
});

describe('rolloutSchedule: kind, guardrails and timing', () => {
  it.each<[string, DeploymentConfig | undefined, boolean, string, boolean, number, number]>([
    ['no policy', undefined, true, 'all-at-once', false, LAUNCH + SHIFT, 0],
    [
      'all at once, bake 600, termination wait 300',
      blueGreen({ type_: 'ALL_AT_ONCE', waitIntervalInSeconds: 600 }, 300),
      true,
      'all-at-once',
      true,
      LAUNCH + SHIFT + 600 + 300,
      900,
    ],
    [
      'canary, bake 600 after each of 2 steps',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: percent(25) }),
      true,
      'canary',
      true,
      LAUNCH + 2 * (SHIFT + 600),
      1200,
    ],
    [
      'linear 20% of 4: 4 steps of 300',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 300, linearStepSize: percent(20) }, 60),
      true,
      'linear',
      true,
      LAUNCH + 4 * (SHIFT + 300) + 60,
      1260,
    ],
    ['rolling 4 batches of 300', rolling(percent(25), 300), true, 'rolling', true, 4 * (LAUNCH + SHIFT + 300), 1200],
    [
      'canary without guardrails (Inf1)',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: percent(25) }, 300),
      false,
      'all-at-once',
      false,
      LAUNCH + SHIFT,
      0,
    ],
    ['rolling without guardrails', rolling(percent(25), 300), false, 'all-at-once', false, LAUNCH + SHIFT, 0],
  ])('%s', (_, config, guardrails, kind, applied, total, waits) => {
    const schedule = rolloutSchedule(config, fleet(4, 4), guardrails);
    expect(schedule).toMatchObject({ kind, guardrailsApplied: applied, expectedTotalSeconds: total });
    // A rolling update never runs two whole fleets, so it reports no "both fleets billed" time.
    expect(schedule.bothFleetsBilledSeconds).toBe(kind === 'rolling' ? undefined : total);
    // The waits it plans: the bakes (only with alarms) and the termination wait.
    expect(schedule.steps.reduce((sum, step) => sum + step.bakeSeconds, 0) + schedule.terminationWaitSeconds).toBe(
      waits,
    );
    // Steps follow each other without gaps; the termination wait comes after the last.
    schedule.steps.forEach((step, index) => {
      const previous = schedule.steps[index - 1];
      expect(step.startsAtSeconds).toBe(previous ? previous.startsAtSeconds + previous.durationSeconds : 0);
    });
    const last = schedule.steps.at(-1);
    expect((last?.startsAtSeconds ?? 0) + (last?.durationSeconds ?? 0) + schedule.terminationWaitSeconds).toBe(total);
  });

  it('blue/green launches the whole new fleet first and keeps the old one to the end', () => {
    const schedule = rolloutSchedule(
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: count(1) }),
      fleet(4, 6),
    );
    expect(schedule.steps.map((step) => [step.newFleetInstances, step.oldFleetInstances, step.bakeSeconds])).toEqual([
      [6, 4, 0],
      [6, 4, 600],
      [6, 4, 600],
    ]);
    expect(schedule.steps.map((step) => step.label)).toEqual([
      'Launch the new fleet (6 instances)',
      'Shift 17% of traffic to the canary (1 instance), then bake 10 min',
      'Shift the rest of the traffic (100%), then bake 10 min',
    ]);
    expect(schedule.peakInstances).toBe(10);
  });

  it('rolling shrinks the old fleet as the new one grows, one batch over the fleet at most', () => {
    const schedule = rolloutSchedule(rolling(count(2), 120), fleet(5));
    expect(schedule.steps.map((step) => [step.newFleetInstances, step.oldFleetInstances])).toEqual([
      [2, 5],
      [4, 3],
      [5, 1],
    ]);
    expect(schedule.steps[0]?.label).toBe(
      'Batch 1 of 3: launch 2 instances, shift their traffic, bake 2 min, then stop as many old ones',
    );
    expect(schedule.peakInstances).toBe(7);
    expect(schedule.terminationWaitSeconds).toBe(0);
  });

  it('bakes only when alarms are named, for blue/green and rolling alike', () => {
    const { autoRollbackConfiguration: _alarms, ...unwatchedCanary } = blueGreen(
      { type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: percent(25) },
      300,
    );
    const { autoRollbackConfiguration: _same, ...unwatchedRolling } = rolling(percent(25), 300);
    const canary = rolloutSchedule(unwatchedCanary, fleet(4));
    expect(canary.steps.map((step) => step.bakeSeconds)).toEqual([0, 0, 0]);
    expect(canary.steps.map((step) => step.label)).toEqual([
      'Launch the new fleet (4 instances)',
      'Shift 25% of traffic to the canary (25%)',
      'Shift the rest of the traffic (100%)',
    ]);
    // The termination wait is not a bake: it stays.
    expect(canary).toMatchObject({ terminationWaitSeconds: 300, expectedTotalSeconds: LAUNCH + 2 * SHIFT + 300 });
    expect(rolloutSchedule(unwatchedRolling, fleet(4)).steps.map((step) => step.bakeSeconds)).toEqual([0, 0, 0, 0]);
    expect(
      rolloutSchedule(
        blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: percent(25) }, 300),
        fleet(4),
      ).steps.map((step) => step.bakeSeconds),
    ).toEqual([0, 600, 600]);
  });

  it('reports the instances each step runs beyond the old fleet: a whole fleet for blue/green, one batch for rolling', () => {
    const rolled = rolloutSchedule(rolling(count(2), 120), fleet(5));
    expect(rolled.steps.map((step) => step.extraInstances)).toEqual([2, 2, 1]);
    expect(rolled.peakExtraInstances).toBe(2);
    expect(rolled.bothFleetsBilledSeconds).toBeUndefined();
    const blue = rolloutSchedule(
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 600, canarySize: count(1) }),
      fleet(4, 6),
    );
    expect(blue.steps.map((step) => step.extraInstances)).toEqual([6, 6, 6]);
    expect(blue.peakExtraInstances).toBe(6);
    expect(blue.bothFleetsBilledSeconds).toBe(blue.expectedTotalSeconds);
  });

  it.each<[string, DeploymentConfig, number[], number[]]>([
    // Each variant's step is measured against its own 3 instances: 50% is 1 of each, not 3 of all 6.
    [
      'canary 50% on two variants of 3',
      blueGreen({ type_: 'CANARY', waitIntervalInSeconds: 0, canarySize: percent(50) }),
      [3, 3],
      [0, 1 / 3, 1],
    ],
    [
      'linear 20% on two variants of 3 (1 instance of each a step)',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 0, linearStepSize: percent(20) }),
      [3, 3],
      [0, 1 / 3, 2 / 3, 1],
    ],
    [
      'linear 1 instance on variants of 4 and 2',
      blueGreen({ type_: 'LINEAR', waitIntervalInSeconds: 0, linearStepSize: count(1) }),
      [4, 2],
      [0, 2 / 6, 4 / 6, 5 / 6, 1],
    ],
  ])('sizes blue/green steps against each variant: %s', (_, config, variants, expected) => {
    const shares = rolloutSchedule(config, {
      oldInstances: 6,
      newInstances: 6,
      newVariantInstances: variants,
    }).steps.map((step) => Number(step.trafficShareNew.toFixed(6)));
    expect(shares).toEqual(expected.map((share) => Number(share.toFixed(6))));
  });

  it('a rolling policy on an endpoint with no instances is one step, not an endless loop', () => {
    expect(rolloutSchedule(rolling(percent(25), 0), fleet(0)).steps).toHaveLength(1);
  });
});
