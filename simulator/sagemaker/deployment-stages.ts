import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import { scaledMs, type Timings } from '../timings';
import { instanceTotal } from './fleet';
import type { SimVariant, Stage } from './types';

// The steps SageMaker takes to deploy a new config, written from the documented behaviour of blue/green
// (all at once, canary, linear) and rolling deployments. Independent of the dashboard's own planner on
// purpose: a test of one against the other must be able to find a disagreement.

type StageInput = Omit<Stage, 'startMs'>;

function withStartTimes(stages: StageInput[]): Stage[] {
  let startMs = 0;
  return stages.map((stage) => {
    const timed = { ...stage, startMs };
    startMs += stage.durationMs;
    return timed;
  });
}

/** The size of a canary or linear step as a percentage of the fleet. */
export function sizeAsPercent(size: { type_?: string; value?: number } | undefined, fleetInstances: number): number {
  const value = size?.value ?? 0;
  if (size?.type_ === 'INSTANCE_COUNT') return fleetInstances > 0 ? (value / fleetInstances) * 100 : 100;
  return value;
}

function launchStage(fleet: SimVariant[], timings: Timings): StageInput {
  const instances = instanceTotal(fleet);
  return {
    status: 'Creating',
    message: instances > 0 ? `Launching ${instances} instance(s).` : 'Creating serverless capacity.',
    durationMs: scaledMs(timings, timings.instanceLaunchSeconds),
    newFleetFraction: 1,
    oldFleetFraction: 1,
    monitored: false,
  };
}

function shiftAndBake(percent: number, waitSeconds: number, timings: Timings, monitored: boolean): StageInput[] {
  const share = Math.round(Math.min(100, percent));
  const shift: StageInput = {
    status: 'ActivatingTraffic',
    message: `Shifting ${share}% of traffic to the new fleet.`,
    durationMs: scaledMs(timings, timings.trafficStepSeconds),
    newFleetFraction: 1,
    oldFleetFraction: 1,
    monitored,
  };
  if (waitSeconds <= 0 || !monitored) return [shift];
  const bake: StageInput = {
    ...shift,
    status: 'Baking',
    message: `Baking for ${waitSeconds} seconds with ${share}% of traffic on the new fleet.`,
    durationMs: scaledMs(timings, waitSeconds),
  };
  return [shift, bake];
}

/**
 * Blue/green: launch the whole new fleet, shift traffic in the policy's steps with a bake after each, then
 * wait terminationWaitInSeconds before the old fleet goes. Without guardrails (no policy, or instance types
 * and containers SageMaker does not support them for) it is all at once with no bake and no alarm watch.
 */
export function blueGreenStages(
  config: DeploymentConfig | undefined,
  fleet: SimVariant[],
  timings: Timings,
  guardrailsApply: boolean,
): Stage[] {
  const policy = guardrailsApply ? config?.blueGreenUpdatePolicy : undefined;
  const routing = policy?.trafficRoutingConfiguration;
  // Without alarms there is nothing to watch, so SageMaker does not bake between steps (docs/ack-behaviour.md §13.4).
  const alarmed = (config?.autoRollbackConfiguration?.alarms?.length ?? 0) > 0;
  const wait = alarmed ? (routing?.waitIntervalInSeconds ?? 0) : 0;
  const monitored = policy !== undefined;
  const stages: StageInput[] = [launchStage(fleet, timings)];
  const fleetInstances = instanceTotal(fleet);

  if (routing?.type_ === 'CANARY') {
    stages.push(...shiftAndBake(sizeAsPercent(routing.canarySize, fleetInstances), wait, timings, true));
    stages.push(...shiftAndBake(100, wait, timings, true));
  } else if (routing?.type_ === 'LINEAR') {
    const step = Math.max(1, sizeAsPercent(routing.linearStepSize, fleetInstances));
    for (let percent = step; ; percent += step) {
      stages.push(...shiftAndBake(percent, wait, timings, true));
      if (percent >= 100) break;
    }
  } else {
    stages.push(...shiftAndBake(100, wait, timings, monitored));
  }

  const terminationWait = policy?.terminationWaitInSeconds ?? 0;
  if (terminationWait > 0) {
    stages.push({
      status: 'Baking',
      message: `Waiting ${terminationWait} seconds before terminating the old fleet.`,
      durationMs: scaledMs(timings, terminationWait),
      newFleetFraction: 1,
      oldFleetFraction: 1,
      monitored,
    });
  }
  return withStartTimes(stages);
}

/** Instances per batch of a rolling update: a count, or a share of the fleet rounded down, at least one. */
export function batchInstances(size: { type_?: string; value?: number } | undefined, fleetInstances: number): number {
  const value = size?.value ?? 1;
  const count = size?.type_ === 'CAPACITY_PERCENT' ? Math.floor((fleetInstances * value) / 100) : value;
  return Math.max(1, Math.min(fleetInstances, count));
}

/**
 * Rolling: batch by batch, launch new instances, shift their share of traffic, wait, then terminate as many
 * old instances. The old fleet shrinks as the new one grows.
 */
export function rollingStages(config: DeploymentConfig, fleet: SimVariant[], timings: Timings): Stage[] {
  const policy = config.rollingUpdatePolicy;
  const total = Math.max(1, instanceTotal(fleet));
  const batch = batchInstances(policy?.maximumBatchSize, total);
  const wait = policy?.waitIntervalInSeconds ?? 0;
  const stages: StageInput[] = [];
  for (let launched = 0; launched < total; ) {
    const size = Math.min(batch, total - launched);
    const oldFleetFraction = (total - launched) / total;
    launched += size;
    const newFleetFraction = launched / total;
    const common = { newFleetFraction, oldFleetFraction };
    stages.push({
      ...common,
      status: 'Creating',
      message: `Launching ${size} instance(s).`,
      durationMs: scaledMs(timings, timings.instanceLaunchSeconds),
      monitored: false,
    });
    stages.push({
      ...common,
      status: 'ActivatingTraffic',
      message: `Shifting traffic to ${launched} of ${total} new instance(s).`,
      durationMs: scaledMs(timings, timings.trafficStepSeconds),
      monitored: true,
    });
    if (wait > 0) {
      stages.push({
        ...common,
        status: 'Baking',
        message: `Baking for ${wait} seconds with ${launched} of ${total} new instance(s) in service.`,
        durationMs: scaledMs(timings, wait),
        monitored: true,
      });
    }
  }
  return withStartTimes(stages);
}

/** When the last stage ends, relative to the start of the deployment. */
export const stagesEndMs = (stages: Stage[]) => stages.reduce((end, stage) => Math.max(end, stage.startMs + stage.durationMs), 0);

/** The stage running `elapsedMs` into the deployment, or undefined once all have ended. */
export const stageAt = (stages: Stage[], elapsedMs: number) =>
  stages.find((stage) => elapsedMs >= stage.startMs && elapsedMs < stage.startMs + stage.durationMs);
