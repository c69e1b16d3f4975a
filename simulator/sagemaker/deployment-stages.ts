import type { DeploymentConfig } from '../../lib/schemas/deployment-config';
import { scaledMs, type Timings } from '../timings';
import { instanceTotal } from './fleet';
import { activatedText, allAtOnce, canarySteps, linearSteps, stepInstances, type TrafficShare } from './traffic-steps';
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

const none = (fleet: SimVariant[]): TrafficShare =>
  Object.fromEntries(fleet.map((variant) => [variant.variantName, 0]));

/**
 * Whether a deployment bakes at all. The Developer Guide's "Auto-Rollback Configuration and Monitoring" page:
 * "Amazon CloudWatch alarms are a prerequisite for using baking periods in deployment guardrails", so without
 * alarms SageMaker moves on after each step without waiting, for blue/green and rolling deployments alike.
 */
const bakes = (config: DeploymentConfig | undefined) => (config?.autoRollbackConfiguration?.alarms?.length ?? 0) > 0;

function launchStage(fleet: SimVariant[], timings: Timings): StageInput {
  const instances = instanceTotal(fleet);
  return {
    status: 'Creating',
    message: instances > 0 ? `Launching ${instances} instance(s).` : 'Creating serverless capacity.',
    durationMs: scaledMs(timings, timings.instanceLaunchSeconds),
    newFleetFraction: 1,
    oldFleetFraction: 1,
    trafficShare: none(fleet),
    monitored: false,
  };
}

/**
 * Blue/green: launch the whole new fleet, then turn traffic on in the routing's steps (TrafficRoutingConfig:
 * all at once, canary then the rest, or linear steps of each variant's capacity), with a bake of
 * waitIntervalInSeconds after each step when alarms are named. After the last step comes the final bake and
 * then terminationWaitInSeconds before the old fleet goes (guides "Use canary traffic shifting", "Use linear
 * traffic shifting"). SageMaker documents no variant status for that wait, and StatusMessage is free text, so
 * the simulator reports the final bake and the termination wait as one Baking stage with one start time: a
 * reader tells it from the earlier bakes by the documented weights, all of the traffic being on the new fleet.
 * Without guardrails (no policy, or instances and containers they do not support) it is all at once with no
 * bake and no alarm watch (guide "Exclusions").
 */
export function blueGreenStages(
  config: DeploymentConfig | undefined,
  fleet: SimVariant[],
  timings: Timings,
  guardrailsApply: boolean,
): Stage[] {
  const policy = guardrailsApply ? config?.blueGreenUpdatePolicy : undefined;
  const routing = policy?.trafficRoutingConfiguration;
  const bakeSeconds = bakes(config) ? (routing?.waitIntervalInSeconds ?? 0) : 0;
  const finalWaitSeconds = bakeSeconds + (policy?.terminationWaitInSeconds ?? 0);
  const monitored = policy !== undefined;
  const steps =
    routing?.type_ === 'CANARY'
      ? canarySteps(routing.canarySize, fleet)
      : routing?.type_ === 'LINEAR'
        ? linearSteps(routing.linearStepSize, fleet)
        : allAtOnce(fleet);

  const stages: StageInput[] = [launchStage(fleet, timings)];
  steps.forEach((trafficShare, index) => {
    const active = activatedText(trafficShare, fleet);
    const common = { newFleetFraction: 1, oldFleetFraction: 1, trafficShare, monitored };
    stages.push({
      ...common,
      status: 'ActivatingTraffic',
      message: `Turning on traffic for ${active}.`,
      durationMs: scaledMs(timings, timings.trafficStepSeconds),
    });
    const last = index === steps.length - 1;
    const wait = last ? finalWaitSeconds : bakeSeconds;
    if (wait <= 0) return;
    const message = last
      ? `Baking for ${wait} seconds with all traffic on the new fleet.`
      : `Baking for ${wait} seconds with traffic on ${active}.`;
    stages.push({ ...common, status: 'Baking', message, durationMs: scaledMs(timings, wait) });
  });
  return withStartTimes(stages);
}

/**
 * Rolling: batch by batch, launch new instances, turn traffic on for them, bake (with alarms only), then
 * terminate as many old instances. The old fleet shrinks as the new one grows. Batches are sized like linear
 * steps, against the variant's instances (RollingUpdatePolicy.MaximumBatchSize).
 */
export function rollingStages(config: DeploymentConfig, fleet: SimVariant[], timings: Timings): Stage[] {
  const policy = config.rollingUpdatePolicy;
  const total = Math.max(1, instanceTotal(fleet));
  const batch = stepInstances(policy?.maximumBatchSize, total);
  const wait = bakes(config) ? (policy?.waitIntervalInSeconds ?? 0) : 0;
  const shareOf = (launched: number) =>
    Object.fromEntries(fleet.map((variant) => [variant.variantName, launched / total]));
  const stages: StageInput[] = [];
  for (let launched = 0; launched < total;) {
    const size = Math.min(batch, total - launched);
    const oldFleetFraction = (total - launched) / total;
    const before = shareOf(launched);
    launched += size;
    const newFleetFraction = launched / total;
    const common = { newFleetFraction, oldFleetFraction, trafficShare: shareOf(launched) };
    stages.push({
      ...common,
      trafficShare: before,
      status: 'Creating',
      message: `Launching ${size} instance(s).`,
      durationMs: scaledMs(timings, timings.instanceLaunchSeconds),
      monitored: false,
    });
    stages.push({
      ...common,
      status: 'ActivatingTraffic',
      message: `Turning on traffic for ${launched} of ${total} new instance(s).`,
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
export const stagesEndMs = (stages: Stage[]) =>
  stages.reduce((end, stage) => Math.max(end, stage.startMs + stage.durationMs), 0);

/** The stage running `elapsedMs` into the deployment, or undefined once all have ended. */
export const stageAt = (stages: Stage[], elapsedMs: number) =>
  stages.find((stage) => elapsedMs >= stage.startMs && elapsedMs < stage.startMs + stage.durationMs);
