import type { Endpoint } from '@/lib/schemas/endpoint';

/** One observed step of a deployment: the new fleet's first variant status. */
export interface ObservedStage {
  status: string;
  message: string;
  startTime: string;
}

/** The distinct stages the pending deployment went through, in order, from recorded versions. */
export function observedStages(versions: Endpoint[]): ObservedStage[] {
  const stages: ObservedStage[] = [];
  for (const version of versions) {
    const current = version.status?.pendingDeploymentSummary?.productionVariants?.[0]?.variantStatus?.[0];
    if (!current?.status) continue;
    const stage = { status: current.status, message: current.statusMessage ?? '', startTime: current.startTime ?? '' };
    const last = stages[stages.length - 1];
    if (!last || last.status !== stage.status || last.message !== stage.message || last.startTime !== stage.startTime)
      stages.push(stage);
  }
  return stages;
}

/** Values of one number over the versions, consecutive repeats removed. */
export function distinctRun(versions: Endpoint[], pick: (endpoint: Endpoint) => number | undefined): number[] {
  const values: number[] = [];
  for (const version of versions) {
    const value = pick(version);
    if (value !== undefined && values[values.length - 1] !== value) values.push(value);
  }
  return values;
}
