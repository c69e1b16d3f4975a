import { sizeAsInstances, type CapacitySize } from '@/lib/rollout/capacity';
import type { DeploymentConfig } from '@/lib/schemas/deployment-config';
import type { Endpoint, PendingVariantSummary } from '@/lib/schemas/endpoint';

// A weight read back from float32 storage or a JSON number can sit a hair below the step it reached.
const EPSILON = 1e-6;

/** One step's share of a variant's capacity: a count of its instances, or a percentage (docs/ack-behaviour.md §13.4). */
function stepShare(size: CapacitySize | undefined, instances: number | undefined): number | undefined {
  if (instances !== undefined && instances > 0) return sizeAsInstances(size ?? {}, instances) / instances;
  // A serverless variant has no instances; only a percentage relates to its capacity.
  if (size?.type_ === 'CAPACITY_PERCENT' && (size.value ?? 0) > 0) return Math.min(1, size.value! / 100);
  return undefined;
}

/** 1/4 → [0.25, 0.5, 0.75, 1]: the share of the variant turned on after each step. */
const stepsOf = (share: number) =>
  Array.from({ length: Math.ceil(1 / share - EPSILON) }, (_, index) => Math.min(1, share * (index + 1)));

/**
 * The share of one new variant's capacity turned on after each step of the policy, ascending and ending at 1, or
 * undefined when the policy's size cannot be related to the variant. Sizes are per variant (§13.4). Rolling:
 * batches of maximumBatchSize; blue/green canary: the canary then the rest; linear: steps of linearStepSize; all
 * at once, or no policy: one step. Endpoints excluded from guardrails (Inf1, Marketplace) fall back to all at
 * once (§13.4); Inf1 is told by the instance type, and a Marketplace fallback shows in the weights alone.
 */
export function planSteps(policy: DeploymentConfig | undefined, variant: PendingVariantSummary): number[] | undefined {
  const instances = variant.desiredInstanceCount;
  if (variant.instanceType?.startsWith('ml.inf1.')) return [1];
  const rolling = policy?.rollingUpdatePolicy;
  if (rolling) {
    const batch = stepShare(rolling.maximumBatchSize, instances);
    return batch === undefined ? undefined : stepsOf(batch);
  }
  const routing = policy?.blueGreenUpdatePolicy?.trafficRoutingConfiguration;
  if (routing?.type_ === 'CANARY') {
    const canary = stepShare(routing.canarySize, instances);
    return canary === undefined ? undefined : canary >= 1 ? [1] : [canary, 1];
  }
  if (routing?.type_ === 'LINEAR') {
    const step = stepShare(routing.linearStepSize, instances);
    return step === undefined ? undefined : stepsOf(step);
  }
  return [1];
}

// The share of one new variant's capacity taking traffic. The stage says whether traffic moves at all: blue/green
// launches the whole new fleet before any step (Creating), turns a step on in ActivatingTraffic and waits in
// Baking, and Deleting is the old fleet going once all of it moved. Which step is read from the variant's
// CurrentWeight against its DesiredWeight (documented PendingProductionVariantSummary fields; 0 while launching,
// the desired weight once the last step is on), rounded down to a whole step of the plan, because only whole
// steps move (§13.4). Counting the stages as they pass would not do: ACK samples the status every 30 s (§2.6),
// so a short step is never seen, and a replica that starts mid-update has seen none.
function variantShare(policy: DeploymentConfig | undefined, variant: PendingVariantSummary): number | undefined {
  const stage = variant.variantStatus?.[0]?.status;
  if (stage === 'Deleting') return 1;
  const rolling = Boolean(policy?.rollingUpdatePolicy);
  if (!rolling && (stage === undefined || stage === 'Creating' || stage === 'Updating')) return 0;
  const desired = variant.desiredWeight;
  const current = variant.currentWeight;
  const observed =
    desired !== undefined && desired > 0 && current !== undefined
      ? Math.min(1, Math.max(0, current / desired))
      : undefined;
  const plan = planSteps(policy, variant);
  if (!plan) return observed;
  const reached = observed === undefined ? 0 : (plan.filter((share) => share <= observed + EPSILON).at(-1) ?? 0);
  // Once SageMaker reports a step being turned on or baked, at least the first step carries traffic.
  return stage === 'ActivatingTraffic' || stage === 'Baking' ? Math.max(plan[0]!, reached) : reached;
}

/**
 * The share of the endpoint's traffic on the new fleet during an update, 0..1, derived: SageMaker reports each
 * fleet's weights but not how traffic is split between the old and the new fleet. It is the sum, over the new
 * fleet's variants, of each variant's share of the endpoint (its DesiredWeight over the fleet's, §6.4) times the
 * share of its capacity turned on (above); the old fleet has the rest, as blue/green turns off the same portion
 * of the old fleet that it turns on in the new (Developer Guide, linear traffic shifting). Undefined when no
 * update is in flight, during a create (no old fleet), and when it cannot be derived.
 */
export function newFleetShare(endpoint: Pick<Endpoint, 'spec' | 'status'>): number | undefined {
  const status = endpoint.status;
  const pending = status?.pendingDeploymentSummary?.productionVariants ?? [];
  if (pending.length === 0 || status?.endpointStatus === 'Creating') return undefined;
  if ((status?.productionVariants ?? []).length === 0) return undefined;
  const total = pending.reduce((sum, variant) => sum + (variant.desiredWeight ?? 0), 0);
  if (!(total > 0)) return undefined;
  let share = 0;
  for (const variant of pending) {
    const weight = (variant.desiredWeight ?? 0) / total;
    if (weight === 0) continue;
    const on = variantShare(endpoint.spec.deploymentConfig, variant);
    if (on === undefined) return undefined;
    share += weight * on;
  }
  return Math.min(1, share);
}
