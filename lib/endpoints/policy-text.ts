import { formatDuration } from '@/lib/format/duration';
import { describeSize } from '@/lib/rollout/capacity';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';

/** A deployment policy in words: a short title, what happens in order, and what protects the update. */
export interface PolicyText {
  title: string;
  steps: string[];
  safeguards: string[];
}

const alarmNames = (config: DeploymentConfig | undefined) =>
  (config?.autoRollbackConfiguration?.alarms ?? []).flatMap((alarm) => (alarm.alarmName ? [alarm.alarmName] : []));

// SageMaker bakes only while it watches alarms (docs/ack-behaviour.md §13.4), for blue/green and rolling alike,
// so a bake is only ever worded with alarms; callers pass no seconds without them.
const bake = (seconds: number | undefined) =>
  seconds ? `, then bake for ${formatDuration(seconds)} while the alarms are watched` : '';

/** The step that says a wait interval goes unused without alarms, or nothing. */
const unusedWaitStep = (seconds: number | undefined, between: string): string[] =>
  seconds
    ? [
        `No alarms are named, so SageMaker does not bake between ${between} (the ${formatDuration(seconds)} wait interval goes unused).`,
      ]
    : [];

function safeguards(config: DeploymentConfig | undefined, timeout: number | undefined): string[] {
  const alarms = alarmNames(config);
  return [
    alarms.length > 0
      ? `Rolls back automatically when any of these CloudWatch alarms goes into ALARM during the update: ${alarms.join(', ')}.`
      : 'No CloudWatch alarms are watched: nothing rolls an update back automatically.',
    ...(timeout ? [`Rolls back if the update takes longer than ${formatDuration(timeout)}.`] : []),
  ];
}

/**
 * The deployment policy of spec.deploymentConfig in plain words, in the same order of steps as
 * lib/rollout/schedule.ts plans them: blue/green launches a whole new fleet, shifts traffic (all at once, a
 * canary then the rest, or linear steps) with a bake after each shift, waits terminationWaitInSeconds and then
 * terminates the old fleet; rolling replaces the fleet batch by batch, baking after each. Bakes only with alarms
 * named. Without a policy SageMaker updates all at once with no bake and no alarm watch.
 */
export function policyText(config: DeploymentConfig | undefined): PolicyText {
  const blueGreen = config?.blueGreenUpdatePolicy;
  const rolling = config?.rollingUpdatePolicy;
  const watched = alarmNames(config).length > 0;

  if (rolling && !blueGreen) {
    const batch = rolling.maximumBatchSize ? describeSize(rolling.maximumBatchSize) : 'the whole fleet';
    return {
      title: `Rolling, in batches of at most ${batch}`,
      steps: [
        `Replace the fleet in batches of at most ${batch}: launch a batch on the new config, shift its traffic${bake(watched ? rolling.waitIntervalInSeconds : undefined)}, then stop as many old instances.`,
        'Repeat until every instance runs the new config.',
        ...unusedWaitStep(watched ? undefined : rolling.waitIntervalInSeconds, 'batches'),
        rolling.rollbackMaximumBatchSize
          ? `A rollback restores the old instances in batches of at most ${describeSize(rolling.rollbackMaximumBatchSize)}.`
          : 'A rollback restores the old instances all at once.',
      ],
      safeguards: safeguards(config, rolling.maximumExecutionTimeoutInSeconds),
    };
  }

  if (blueGreen) {
    const routing = blueGreen.trafficRoutingConfiguration;
    // With no alarms named, traffic moves on at once (docs/ack-behaviour.md §13.4).
    const wait = watched ? routing?.waitIntervalInSeconds : undefined;
    const unusedWait = !watched && routing?.waitIntervalInSeconds ? routing.waitIntervalInSeconds : undefined;
    const shifts =
      routing?.type_ === 'CANARY'
        ? [
            `Shift ${describeSize(routing.canarySize ?? {})} of capacity (the canary) to the new fleet${bake(wait)}.`,
            `Shift the rest of the traffic${bake(wait)}.`,
          ]
        : routing?.type_ === 'LINEAR'
          ? [
              `Shift traffic to the new fleet in steps of ${describeSize(routing.linearStepSize ?? {})} of capacity${wait ? `, baking for ${formatDuration(wait)} after each step while the alarms are watched` : ''}, until it has all of it.`,
            ]
          : [`Shift all traffic to the new fleet at once${bake(wait)}.`];
    const termination = blueGreen.terminationWaitInSeconds;
    const kind = routing?.type_ === 'CANARY' ? 'canary' : routing?.type_ === 'LINEAR' ? 'linear' : 'all at once';
    return {
      title: `Blue/green, ${kind}`,
      steps: [
        'Launch a complete new fleet beside the old one.',
        ...shifts,
        ...unusedWaitStep(unusedWait, 'shifts'),
        termination ? `Wait ${formatDuration(termination)}, then terminate the old fleet.` : 'Terminate the old fleet.',
      ],
      safeguards: safeguards(config, blueGreen.maximumExecutionTimeoutInSeconds),
    };
  }

  return {
    title: 'No deployment policy: all at once',
    steps: ['Launch a new fleet, then shift all traffic to it at once, with no bake.', 'Terminate the old fleet.'],
    // Guardrails (alarm watch, bakes) come with a policy; alarms named without one are not watched.
    safeguards: [
      'No alarms are watched without a blue/green or rolling policy: nothing rolls an update back automatically.',
    ],
  };
}
