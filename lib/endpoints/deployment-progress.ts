import type { EndpointSummary, VariantView } from '@/lib/api/endpoint-summary';

/** The steps of a deployment as SageMaker reports them in variantStatus (docs/ack-behaviour.md §4.3, §13.4). */
export const deploymentSteps = [
  { name: 'Creating', label: 'Launch the new fleet' },
  { name: 'ActivatingTraffic', label: 'Shift traffic' },
  { name: 'Baking', label: 'Bake' },
] as const;
export type DeploymentStepName = (typeof deploymentSteps)[number]['name'];

export interface ProgressStep {
  name: DeploymentStepName;
  label: string;
  state: 'done' | 'current' | 'todo';
  startedAt?: string;
}

export interface DeploymentProgress {
  steps: ProgressStep[];
  /** The stage SageMaker reports now, as it words it; absent before it reports one. */
  stage?: { status: string; message?: string; startedAt?: string };
  startedAt?: string;
  elapsedSeconds: number;
  /** From the policy's plan; absent for a create, which follows no policy. */
  expectedSeconds?: number;
  /** True once elapsedSeconds passes expectedSeconds. */
  overdue: boolean;
  /** The length of the bake under way, from the policy. */
  bakeSeconds?: number;
  bakeRemainingSeconds?: number;
  /** 0..1; stays below 1 while the deployment runs, since only SageMaker says when it is over. */
  fraction: number;
}

type ProgressInput = Pick<
  EndpointSummary,
  'status' | 'deployment' | 'deploymentConfig' | 'expectedDeploymentSeconds' | 'createdAt'
>;

// Where each variantStatus value sits among the steps. Updating is a fleet being changed in place, so it counts
// as launching; Deleting is the old fleet going once traffic has moved, so every step is done.
const stepIndex: Record<string, number> = { Creating: 0, Updating: 0, ActivatingTraffic: 1, Baking: 2, Deleting: 3 };

const seconds = (from: string | undefined, now: Date): number | undefined => {
  const start = from === undefined ? NaN : Date.parse(from);
  return Number.isNaN(start) ? undefined : Math.max(0, Math.floor((now.getTime() - start) / 1000));
};

// Whether every variant of the new fleet carries its whole desired weight: all of the traffic has moved. Read
// from the documented PendingProductionVariantSummary fields (CurrentWeight, DesiredWeight); the weight is 0
// while the fleet launches (the controller's fixture updating_deployment.yaml) and reaches the desired weight
// once its last step is turned on.
function allTrafficMoved(variants: VariantView[] | undefined): boolean {
  return (
    variants !== undefined &&
    variants.length > 0 &&
    variants.every(
      (variant) =>
        variant.desiredWeight !== undefined &&
        variant.currentWeight !== undefined &&
        variant.currentWeight >= variant.desiredWeight,
    )
  );
}

// The bake a policy plans for the Baking stage under way. Bakes need alarms (Developer Guide, "Auto-Rollback
// Configuration and Monitoring"; docs/ack-behaviour.md §13.4), for blue/green and rolling alike. Rolling, with
// alarms: the wait after each batch; without, it never bakes (it has no termination wait). Blue/green, with
// alarms, before the last step: the wait between steps; once all of the traffic has moved: the final bake and
// then terminationWaitInSeconds before the old fleet goes, which SageMaker reports as part of the last Baking
// stage (it documents no variant status of its own for that wait). Without alarms the termination wait is the
// only Baking stage there is. Only documented fields decide this, never StatusMessage, whose wording SageMaker
// does not document.
function plannedBake(summary: ProgressInput): number | undefined {
  const policy = summary.deploymentConfig;
  const alarmed = (policy?.autoRollbackConfiguration?.alarms?.length ?? 0) > 0;
  const rolling = policy?.rollingUpdatePolicy;
  if (rolling) return (alarmed && rolling.waitIntervalInSeconds) || undefined;
  const blueGreen = policy?.blueGreenUpdatePolicy;
  const interval = alarmed ? (blueGreen?.trafficRoutingConfiguration?.waitIntervalInSeconds ?? 0) : 0;
  if (alarmed && !allTrafficMoved(summary.deployment?.variants)) return interval || undefined;
  return interval + (blueGreen?.terminationWaitInSeconds ?? 0) || undefined;
}

/**
 * The stepper model of the deployment in a summary at `now`, or undefined when nothing is being deployed.
 * A create before SageMaker reports a pending deployment counts from the object's creation.
 */
export function deploymentProgress(summary: ProgressInput, now: Date): DeploymentProgress | undefined {
  const deployment = summary.deployment;
  if (!deployment && summary.status !== 'Creating') return undefined;
  const startedAt = deployment ? deployment.startTime : summary.createdAt;
  const stage = deployment ? deployment.stage : { status: 'Creating' };
  const current = stage ? (stepIndex[stage.status] ?? -1) : -1;
  const steps: ProgressStep[] = deploymentSteps.map((step, index) => {
    const state = index < current ? 'done' : index === current ? 'current' : 'todo';
    const stepStart =
      index === current
        ? (stage?.startTime ?? (index === 0 ? startedAt : undefined))
        : index === 0
          ? startedAt
          : undefined;
    return {
      name: step.name,
      label: step.label,
      state,
      ...(stepStart !== undefined && state !== 'todo' ? { startedAt: stepStart } : {}),
    };
  });

  const elapsedSeconds = seconds(startedAt, now) ?? 0;
  const expectedSeconds = summary.status === 'Creating' ? undefined : summary.expectedDeploymentSeconds;
  const bakeSeconds = stage?.status === 'Baking' ? plannedBake(summary) : undefined;
  const inStage = seconds(stage?.startTime, now);
  const bakeRemainingSeconds =
    bakeSeconds !== undefined && inStage !== undefined ? Math.max(0, bakeSeconds - inStage) : undefined;

  const within = bakeSeconds && inStage !== undefined ? Math.min(1, inStage / bakeSeconds) : 0.5;
  const byStep = current < 0 ? 0 : current >= deploymentSteps.length ? 1 : (current + within) / deploymentSteps.length;
  const floor = current < 0 ? 0 : Math.min(1, current / deploymentSteps.length);
  const byTime = expectedSeconds ? elapsedSeconds / expectedSeconds : undefined;
  const fraction = Math.min(0.99, byTime === undefined ? byStep : Math.max(floor, byTime));

  return {
    steps,
    ...(stage
      ? {
          stage: {
            status: stage.status,
            ...(stage.message !== undefined ? { message: stage.message } : {}),
            ...(stage.startTime !== undefined ? { startedAt: stage.startTime } : {}),
          },
        }
      : {}),
    ...(startedAt !== undefined ? { startedAt } : {}),
    elapsedSeconds,
    ...(expectedSeconds !== undefined ? { expectedSeconds } : {}),
    overdue: expectedSeconds !== undefined && elapsedSeconds > expectedSeconds,
    ...(bakeSeconds !== undefined ? { bakeSeconds } : {}),
    ...(bakeRemainingSeconds !== undefined ? { bakeRemainingSeconds } : {}),
    fraction,
  };
}
