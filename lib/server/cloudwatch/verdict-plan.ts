import 'server-only';
import { endpointHealth } from '@/lib/endpoints/health';
import { runningConfigOf, type RunningConfigMemory } from '@/lib/endpoints/running-config';
import type { RecordedPoint } from '@/lib/endpoints/series-sample';
import { newFleetShare } from '@/lib/endpoints/traffic-split';
import type { Endpoint } from '@/lib/schemas/endpoint';

/** How long after a deployment ended its verdict is still shown. */
export const VERDICT_AFTER_MS = 3600_000;

const TRAFFIC_STAGES = new Set(['ActivatingTraffic', 'Baking']);

export interface Window {
  from: number;
  to: number;
}

/** What the canary verdict compares: the new config's series with the old config's, or with the endpoint before. */
export interface VerdictPlan {
  newConfig: string;
  newVariants: string[];
  canary: Window;
  baseline:
    | { kind: 'old-fleet'; config: string; variants: string[]; window: Window }
    | { kind: 'before-deployment'; variants: string[]; window: Window };
  /** The deployment has ended (within the hour): its verdict as it stood when it ended. */
  ended: boolean;
}

const names = (variants: { variantName?: string }[] | undefined) => [
  ...new Set((variants ?? []).flatMap((variant) => (variant.variantName ? [variant.variantName] : []))),
];

const time = (value: string | undefined) => (value ? Date.parse(value) : NaN);

/** The whole periods inside the window (its start rounded up, its end down): a sample covers a full period. */
export function wholePeriodsWithin(window: Window, periodMs: number): Window {
  return { from: Math.ceil(window.from / periodMs) * periodMs, to: Math.floor(window.to / periodMs) * periodMs };
}

/** When the new fleet started taking traffic: the earliest traffic stage SageMaker reported, else the recording. */
function trafficStart(endpoint: Endpoint, recorded: RecordedPoint[]): number | undefined {
  const pending = endpoint.status?.pendingDeploymentSummary;
  const stageTimes = (pending?.productionVariants ?? [])
    .flatMap((variant) => variant.variantStatus ?? [])
    .filter((stage) => TRAFFIC_STAGES.has(stage.status ?? ''))
    .map((stage) => time(stage.startTime))
    .filter(Number.isFinite);
  const run = currentRun(recorded);
  const recordedStart = run.find((point) => (point.newFleetShare ?? 0) > 0)?.at;
  const candidates = [...stageTimes, ...(recordedStart !== undefined ? [recordedStart] : [])];
  if (candidates.length > 0) return Math.min(...candidates);
  if ((newFleetShare(endpoint) ?? 0) > 0) return time(pending?.startTime) || undefined;
  return undefined;
}

const deploying = (point: RecordedPoint) => point.variants.some((variant) => variant.fleet === 'new');

/** The recorded points of the deployment now in flight (the trailing run of points with a new fleet). */
function currentRun(recorded: RecordedPoint[]): RecordedPoint[] {
  let start = recorded.length;
  while (start > 0 && deploying(recorded[start - 1]!)) start--;
  return recorded.slice(start);
}

function baselineFor(
  oldConfig: string | undefined,
  oldVariants: string[],
  canary: Window,
  deploymentStart: number,
): VerdictPlan['baseline'] {
  if (oldConfig) return { kind: 'old-fleet', config: oldConfig, variants: oldVariants, window: canary };
  const length = canary.to - canary.from;
  return {
    kind: 'before-deployment',
    variants: oldVariants,
    window: { from: deploymentStart - length, to: deploymentStart },
  };
}

/**
 * What the verdict compares for the endpoint now, or undefined when there is nothing to judge: only while it is
 * Updating with a new fleet taking traffic, or within an hour after such a deployment ended (as this replica
 * recorded it). The canary is the new config's series since the new fleet took traffic; the baseline is the old
 * config's over the same window when this replica knows the old config, else the endpoint's (mixed) series over
 * an equal window before the deployment started.
 */
export function planVerdict(
  endpoint: Endpoint,
  memory: RunningConfigMemory | undefined,
  recorded: RecordedPoint[],
  now: number,
): VerdictPlan | undefined {
  const status = endpoint.status;
  const pending = status?.pendingDeploymentSummary;
  if (pending && status?.endpointStatus === 'Updating') {
    const newConfig = pending.endpointConfigName ?? endpoint.spec.endpointConfigName;
    const from = trafficStart(endpoint, recorded);
    if (from === undefined || from > now) return undefined;
    const running = runningConfigOf(endpoint, memory);
    const oldConfig = running && 'name' in running && running.name !== newConfig ? running.name : undefined;
    const canary = { from, to: now };
    const started = Math.min(time(pending.startTime) || from, currentRun(recorded)[0]?.at ?? from);
    return {
      newConfig,
      newVariants: names(pending.productionVariants),
      canary,
      baseline: baselineFor(oldConfig, names(status.productionVariants), canary, started),
      ended: false,
    };
  }
  // Ended, or being rolled back (SageMaker drops the new fleet from the status as the rollback starts, and the
  // verdict on what it served is what a person looking at the rollback wants).
  if (pending || !['InService', 'RollingBack'].includes(status?.endpointStatus ?? '')) return undefined;
  // The last recorded run of points with a new fleet, and the first point after it.
  let last = recorded.length - 1;
  while (last >= 0 && !deploying(recorded[last]!)) last--;
  if (last < 0 || last === recorded.length - 1) return undefined;
  const endedAt = recorded[last + 1]!.at;
  if (now - endedAt > VERDICT_AFTER_MS) return undefined;
  let first = last;
  while (first > 0 && deploying(recorded[first - 1]!)) first--;
  const run = recorded.slice(first, last + 1);
  const from = run.find((point) => (point.newFleetShare ?? 0) > 0)?.at;
  if (from === undefined) return undefined;
  const rolledBack = endpointHealth(endpoint).rolledBack;
  // While SageMaker rolls back, the config it runs is still the old one and the spec names the one that failed.
  const newConfig =
    rolledBack?.failedConfigName ??
    (status?.endpointStatus === 'RollingBack'
      ? endpoint.spec.endpointConfigName
      : (memory?.liveConfigName ?? endpoint.spec.endpointConfigName));
  // During a rollback the health does not say yet which config stays: what this replica saw running does.
  const running = runningConfigOf(endpoint, memory);
  const oldConfig =
    rolledBack?.liveConfigName ??
    (running && 'name' in running && running.name !== newConfig ? running.name : undefined);
  const fleet = (which: 'current' | 'new') => [
    ...new Set(run.flatMap((point) => point.variants.filter((v) => v.fleet === which).map((v) => v.name))),
  ];
  const canary = { from, to: endedAt };
  return {
    newConfig,
    newVariants: fleet('new'),
    canary,
    baseline: baselineFor(oldConfig, fleet('current'), canary, run[0]!.at),
    ended: true,
  };
}
