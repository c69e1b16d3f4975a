import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import { formatDuration } from '@/lib/format/duration';
import { formatPercent } from '@/lib/format/percent';
import { describeSize, instances, sizeAsInstances, type CapacitySize } from './capacity';

// The one model of how long a deployment takes and what runs when, shared by planRollout (the form's preview)
// and expectedRolloutSeconds (the overview's "Updating for longer than its policy's plan allows").

/**
 * Time allowed for SageMaker to launch instances and pass their health checks, per launch step (the whole new
 * fleet of a blue/green deployment, or one rolling batch; instances of one step launch in parallel). Generous
 * on purpose: it feeds a "taking longer than planned" flag, which must not fire on a normal update. docs/ack-behaviour.md
 * §7.3 estimates a whole update at 6-10 minutes; a launch is most of that.
 */
export const INSTANCE_LAUNCH_ALLOWANCE_SECONDS = 600;
/** Time allowed for one traffic shift (routing change) before its bake starts. */
export const TRAFFIC_SHIFT_ALLOWANCE_SECONDS = 60;

export type RolloutKind = 'all-at-once' | 'canary' | 'linear' | 'rolling';

export interface PlanStep {
  label: string;
  /** Share of traffic on the new fleet once this step has shifted, 0..1. */
  trafficShareNew: number;
  /** Instances running on the new fleet during this step. */
  newFleetInstances: number;
  /** Instances still running on the old fleet during this step. */
  oldFleetInstances: number;
  /** Instances running beyond the fleet before the update: what this step adds to the bill. */
  extraInstances: number;
  /** Waiting after the shift, while alarms are watched (waitIntervalInSeconds; 0 without alarms). */
  bakeSeconds: number;
  startsAtSeconds: number;
  durationSeconds: number;
}

export interface RolloutSchedule {
  kind: RolloutKind;
  /** False when SageMaker runs the update all at once whatever the policy says (no policy, Inf1, Marketplace). */
  guardrailsApplied: boolean;
  steps: PlanStep[];
  /** Blue/green: waiting after the last step before the old fleet goes; counted in expectedTotalSeconds. */
  terminationWaitSeconds: number;
  expectedTotalSeconds: number;
  /**
   * Blue/green: from the first new instance's launch until the old fleet goes, both whole fleets are billed.
   * Undefined for a rolling update, which never runs two whole fleets: see each step's extraInstances.
   */
  bothFleetsBilledSeconds?: number;
  /** The most instances running at once, old and new together. */
  peakInstances: number;
  /** The most instances running beyond the old fleet at once (a rolling update: one batch). */
  peakExtraInstances: number;
}

/** Instances of the fleet before (old) and after (new) the update. */
export interface FleetSizes {
  oldInstances: number;
  newInstances: number;
  /**
   * The new fleet's instances per variant on instances (they add up to newInstances). Canary and linear sizes
   * are measured against each variant's own total instance count (API reference TrafficRoutingConfig); without
   * this the new fleet counts as one variant.
   */
  newVariantInstances?: number[];
}

type StepInput = Omit<PlanStep, 'startsAtSeconds' | 'durationSeconds' | 'extraInstances'> & { launches?: boolean };

function timed(
  kind: RolloutKind,
  guardrailsApplied: boolean,
  inputs: StepInput[],
  terminationWaitSeconds: number,
  oldInstances: number,
): RolloutSchedule {
  let at = 0;
  const steps = inputs.map(({ launches, ...step }) => {
    const durationSeconds =
      (launches ? INSTANCE_LAUNCH_ALLOWANCE_SECONDS : 0) +
      (step.trafficShareNew > 0 ? TRAFFIC_SHIFT_ALLOWANCE_SECONDS : 0) +
      step.bakeSeconds;
    const extraInstances = Math.max(0, step.newFleetInstances + step.oldFleetInstances - oldInstances);
    const timedStep = { ...step, extraInstances, startsAtSeconds: at, durationSeconds };
    at += durationSeconds;
    return timedStep;
  });
  const expectedTotalSeconds = at + terminationWaitSeconds;
  const peakInstances = Math.max(0, ...steps.map((step) => step.newFleetInstances + step.oldFleetInstances));
  const peakExtraInstances = Math.max(0, ...steps.map((step) => step.extraInstances));
  const billed = kind === 'rolling' ? {} : { bothFleetsBilledSeconds: expectedTotalSeconds };
  return {
    kind,
    guardrailsApplied,
    steps,
    terminationWaitSeconds,
    expectedTotalSeconds,
    ...billed,
    peakInstances,
    peakExtraInstances,
  };
}

// "Amazon CloudWatch alarms are a prerequisite for using baking periods in deployment guardrails" (Developer
// Guide, "Auto-Rollback Configuration and Monitoring"), for blue/green and rolling alike: without alarms
// nothing is watched, so waitIntervalInSeconds is not spent baking and traffic moves on.
const bakeOf = (config: DeploymentConfig, waitIntervalInSeconds: number | undefined) =>
  (config.autoRollbackConfiguration?.alarms?.length ?? 0) > 0 ? (waitIntervalInSeconds ?? 0) : 0;

/**
 * Traffic shares after each blue/green step. Each variant's step is the size measured against its own
 * instance count, in whole instances; the share is the instances taking traffic over the whole new fleet.
 * Without instances (serverless) the share is the percentage itself.
 */
function shares(size: CapacitySize | undefined, variantInstances: number[], repeat: boolean): number[] {
  const counts = variantInstances.filter((count) => count > 0);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (!size) return [1];
  if (total === 0) {
    const step = size.type_ === 'CAPACITY_PERCENT' ? Math.min(100, Math.max(1, size.value ?? 100)) / 100 : 1;
    if (!repeat) return step >= 1 ? [1] : [step, 1];
    const count = Math.ceil(1 / step - 1e-9);
    return Array.from({ length: count }, (_, index) => Math.min(1, (index + 1) * step));
  }
  const steps = counts.map((count) => sizeAsInstances(size, count));
  const shareAfter = (shifts: number) =>
    counts.reduce((sum, count, index) => sum + Math.min(count, shifts * (steps[index] ?? count)), 0) / total;
  if (!repeat) return shareAfter(1) >= 1 ? [1] : [shareAfter(1), 1];
  const count = Math.max(
    ...counts.map((variantCount, index) => Math.ceil(variantCount / (steps[index] ?? variantCount))),
  );
  return Array.from({ length: count }, (_, index) => shareAfter(index + 1));
}

function blueGreen(config: DeploymentConfig, fleet: FleetSizes): RolloutSchedule {
  const policy = config.blueGreenUpdatePolicy ?? {};
  const routing = policy.trafficRoutingConfiguration;
  const kind: RolloutKind =
    routing?.type_ === 'CANARY' ? 'canary' : routing?.type_ === 'LINEAR' ? 'linear' : 'all-at-once';
  const bakeSeconds = bakeOf(config, routing?.waitIntervalInSeconds);
  const { newInstances, oldInstances } = fleet;
  const variants = fleet.newVariantInstances ?? [newInstances];
  const trafficShares =
    kind === 'canary'
      ? shares(routing?.canarySize, variants, false)
      : kind === 'linear'
        ? shares(routing?.linearStepSize, variants, true)
        : [1];
  const launch: StepInput = {
    label: `Launch the new fleet (${instances(newInstances)})`,
    trafficShareNew: 0,
    newFleetInstances: newInstances,
    oldFleetInstances: oldInstances,
    bakeSeconds: 0,
    launches: true,
  };
  const shifts = trafficShares.map((share, index): StepInput => {
    const what =
      kind === 'canary' && index === 0
        ? `Shift ${formatPercent(share)} of traffic to the canary (${describeSize(routing?.canarySize ?? {})})`
        : share >= 1 && index > 0
          ? 'Shift the rest of the traffic (100%)'
          : `Shift ${formatPercent(share)} of traffic to the new fleet`;
    return {
      label: bakeSeconds > 0 ? `${what}, then bake ${formatDuration(bakeSeconds)}` : what,
      trafficShareNew: share,
      newFleetInstances: newInstances,
      oldFleetInstances: oldInstances,
      bakeSeconds,
    };
  });
  return timed(kind, true, [launch, ...shifts], policy.terminationWaitInSeconds ?? 0, oldInstances);
}

function rolling(config: DeploymentConfig, fleet: FleetSizes): RolloutSchedule {
  const policy = config.rollingUpdatePolicy ?? {};
  const total = fleet.newInstances;
  const bakeSeconds = bakeOf(config, policy.waitIntervalInSeconds);
  const batch =
    total > 0 ? sizeAsInstances(policy.maximumBatchSize ?? { type_: 'CAPACITY_PERCENT', value: 100 }, total) : 0;
  const count = batch > 0 ? Math.ceil(total / batch) : 1;
  const steps = Array.from({ length: count }, (_, index): StepInput => {
    const before = Math.min(total, index * batch);
    const launched = Math.min(total, before + batch);
    const label = `Batch ${index + 1} of ${count}: launch ${instances(launched - before)}, shift their traffic${bakeSeconds > 0 ? `, bake ${formatDuration(bakeSeconds)}` : ''}, then stop as many old ones`;
    // The old fleet shrinks as the new one grows: old instances of a batch stop once it has baked.
    const oldFleetInstances = Math.max(0, fleet.oldInstances - before);
    return {
      label,
      trafficShareNew: total > 0 ? launched / total : 1,
      newFleetInstances: launched,
      oldFleetInstances,
      bakeSeconds,
      launches: true,
    };
  });
  return timed('rolling', true, steps, 0, fleet.oldInstances);
}

function allAtOnceWithoutGuardrails(fleet: FleetSizes): RolloutSchedule {
  return timed(
    'all-at-once',
    false,
    [
      {
        label: `Launch the new fleet (${instances(fleet.newInstances)})`,
        trafficShareNew: 0,
        newFleetInstances: fleet.newInstances,
        oldFleetInstances: fleet.oldInstances,
        bakeSeconds: 0,
        launches: true,
      },
      {
        label: 'Shift all traffic to the new fleet',
        trafficShareNew: 1,
        newFleetInstances: fleet.newInstances,
        oldFleetInstances: fleet.oldInstances,
        bakeSeconds: 0,
      },
    ],
    0,
    fleet.oldInstances,
  );
}

/**
 * The steps of a deployment and their timing. Blue/green launches the whole new fleet first, then shifts
 * traffic in the policy's steps with a bake (waitIntervalInSeconds, only when alarms are named) after each, the
 * last included, then waits terminationWaitInSeconds before the old fleet goes. Rolling goes batch by batch:
 * launch, shift, bake (with alarms), stop as many old instances, so it runs at most one batch beyond the old fleet. No deploymentConfig, or guardrails not applied: all at once, no bake, no termination
 * wait (SageMaker deployment guardrails, "Exclusions").
 */
export function rolloutSchedule(
  config: DeploymentConfig | undefined,
  fleet: FleetSizes,
  guardrailsApply = true,
): RolloutSchedule {
  if (!guardrailsApply || !config) return allAtOnceWithoutGuardrails(fleet);
  if (config.rollingUpdatePolicy && !config.blueGreenUpdatePolicy) return rolling(config, fleet);
  // A deploymentConfig with no update policy is planned as blue/green all at once (docs/ack-behaviour.md §13.4).
  return blueGreen(config, fleet);
}
