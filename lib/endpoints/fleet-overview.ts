import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { type HealthLevel, healthLevels } from './health';
import { type DeploymentProgress, deploymentProgress } from './deployment-progress';

export type HealthCounts = Record<HealthLevel, number> & { total: number };

/** How many endpoints are at each health level, every level present (zero when none). */
export function healthCounts(summaries: EndpointSummary[]): HealthCounts {
  const counts = Object.fromEntries(healthLevels.map((level) => [level, 0])) as Record<HealthLevel, number>;
  for (const summary of summaries) counts[summary.health.level] += 1;
  return { ...counts, total: summaries.length };
}

export interface RollingOut {
  summary: EndpointSummary;
  /** Absent when SageMaker is busy with no deployment to show (a system update, a rollback, autoscaling). */
  progress?: DeploymentProgress;
}

const inMotion = new Set(['Creating', 'Updating', 'SystemUpdating', 'RollingBack']);
const startOf = (entry: RollingOut) => {
  const time = Date.parse(entry.progress?.startedAt ?? entry.summary.lastChange ?? '');
  return Number.isNaN(time) ? Infinity : time;
};

/**
 * Endpoints SageMaker is changing now (a deployment, or a status in motion; not Deleting), each with its
 * progress at `now`, the longest-running first.
 */
export function rollingOutNow(summaries: EndpointSummary[], now: Date): RollingOut[] {
  return summaries
    .filter((summary) => summary.deployment !== undefined || inMotion.has(summary.status ?? ''))
    .map((summary) => {
      const progress = deploymentProgress(summary, now);
      return progress ? { summary, progress } : { summary };
    })
    .sort(
      (a, b) =>
        startOf(a) - startOf(b) ||
        `${a.summary.namespace}/${a.summary.name}`.localeCompare(`${b.summary.namespace}/${b.summary.name}`),
    );
}

export interface RecentChange {
  summary: EndpointSummary;
  changedAt: string;
  /** Seconds from the change to `now`; 0 for a time ahead of `now` (clock skew). */
  secondsAgo: number;
}

/** The `limit` endpoints whose status changed last (SageMaker's lastModifiedTime, else creation), newest first. */
export function recentlyChanged(summaries: EndpointSummary[], now: Date, limit = 10): RecentChange[] {
  return summaries
    .flatMap((summary) => {
      const time = summary.lastChange === undefined ? NaN : Date.parse(summary.lastChange);
      return Number.isNaN(time) ? [] : [{ summary, changedAt: summary.lastChange!, time }];
    })
    .sort(
      (a, b) =>
        b.time - a.time ||
        `${a.summary.namespace}/${a.summary.name}`.localeCompare(`${b.summary.namespace}/${b.summary.name}`),
    )
    .slice(0, Math.max(0, limit))
    .map(({ summary, changedAt, time }) => ({
      summary,
      changedAt,
      secondsAgo: Math.max(0, Math.floor((now.getTime() - time) / 1000)),
    }));
}
