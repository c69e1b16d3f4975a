import type { FleetMetricsRow } from '@/lib/api/endpoint-metrics';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { formatPercent } from '@/lib/format/percent';
import { formatAge } from '@/lib/format/age';
import { updateAllowanceSeconds } from '@/lib/rollout/expected-duration';
import { terminalErrorReason } from './controller-error';
import { fleetMismatch } from './fleet-mismatch';
import { withStop } from './health';
import { failedMeaning } from './status-facts';

/** Why an endpoint needs a person, in order of how bad it is. */
export const attentionKinds = [
  'Failed',
  'UpdateRollbackFailed',
  'OutOfService',
  'RolledBack',
  'ACK.Terminal',
  'RollingBack',
  // What CloudWatch says about live traffic (the overview asks for it): requests failing now come before a change
  // that is merely slow, after the states that already mean the endpoint is broken or being undone.
  'AlarmInAlarm',
  'ErrorRateHigh',
  'UpdatingTooLong',
  'CreatingTooLong',
  'ACK.Recoverable',
  'HeldBack',
  'FleetMismatch',
  'LastUpdateFailed',
  'Other',
] as const;
export type AttentionKind = (typeof attentionKinds)[number];

export interface AttentionFinding {
  kind: AttentionKind;
  reason: string;
}

/** One endpoint in the "needs attention" queue: its worst finding first, the others after. */
export interface AttentionItem extends AttentionFinding {
  namespace: string;
  name: string;
  severity: 'critical' | 'warning';
  /** When the trouble started, as far as the status tells: the deployment's start or the last change. */
  since?: string;
  /** Further findings on the same endpoint, worst first. */
  more: AttentionFinding[];
}

const critical: ReadonlySet<AttentionKind> = new Set([
  'Failed',
  'UpdateRollbackFailed',
  'OutOfService',
  'RolledBack',
  'ACK.Terminal',
]);

/**
 * How long an update with no deployment policy may run before it counts as too long. SageMaker then deploys
 * blue/green all at once with no bake: a new fleet launches and traffic moves, minutes in practice
 * (docs/ack-behaviour.md §7.3); half an hour leaves room for slow instance types without hiding a stuck update.
 */
export const defaultUpdateAllowanceSeconds = 30 * 60;
/**
 * How long a create may run before it counts as too long: the upstream e2e suite waits 30 minutes for one,
 * and a misconfigured endpoint can sit in Creating for about an hour before it goes Failed (docs/ack-behaviour.md §7.3).
 */
export const defaultCreateAllowanceSeconds = 30 * 60;

const kindOrder = (a: AttentionFinding, b: AttentionFinding) =>
  attentionKinds.indexOf(a.kind) - attentionKinds.indexOf(b.kind);

const parse = (time: string | undefined) => (time === undefined ? NaN : Date.parse(time));

function tooLong(summary: EndpointSummary, now: Date): AttentionFinding | undefined {
  if (summary.status === 'Updating') {
    // Without a pending deployment (autoscaling outside ACK, or the moment after UpdateEndpoint) the last
    // change is the best start there is.
    const start = parse(summary.deployment?.startTime ?? summary.lastChange);
    const allowed = updateAllowanceSeconds(summary.expectedDeploymentSeconds, defaultUpdateAllowanceSeconds);
    const elapsed = (now.getTime() - start) / 1000;
    if (Number.isNaN(start) || elapsed <= allowed) return undefined;
    const plan =
      summary.expectedDeploymentSeconds !== undefined
        ? `its plan and launch timeouts allow about ${formatAge(allowed)}`
        : `an update without a policy is allowed ${formatAge(allowed)}`;
    return { kind: 'UpdatingTooLong', reason: `Updating for ${formatAge(elapsed)}; ${plan}.` };
  }
  if (summary.status === 'Creating') {
    const start = parse(summary.deployment?.startTime ?? summary.createdAt);
    const elapsed = (now.getTime() - start) / 1000;
    if (Number.isNaN(start) || elapsed <= defaultCreateAllowanceSeconds) return undefined;
    return {
      kind: 'CreatingTooLong',
      reason: `Creating for ${formatAge(elapsed)}; a create that takes this long often ends Failed.`,
    };
  }
  return undefined;
}

/** Every finding on one endpoint at `now`, worst first. Empty when it needs no one. */
export function attentionFindings(summary: EndpointSummary, now: Date): AttentionFinding[] {
  const findings: AttentionFinding[] = [];
  const { status, failureReason, health, heldBack, controllerError } = summary;
  const because = failureReason?.trim() ? `: ${withStop(failureReason.trim())}` : '.';
  if (status === 'Failed')
    findings.push({
      kind: 'Failed',
      reason: `The endpoint is Failed (${failedMeaning})${because} Delete it and create it again.`,
    });
  if (status === 'UpdateRollbackFailed')
    findings.push({
      kind: 'UpdateRollbackFailed',
      reason: `An update failed and so did its rollback${because} The fleet may run both configs.`,
    });
  if (status === 'OutOfService')
    findings.push({ kind: 'OutOfService', reason: 'The endpoint is out of service and takes no requests.' });
  if (health.rolledBack) {
    const live = health.rolledBack.liveConfigName ? `; it still runs ${health.rolledBack.liveConfigName}` : '';
    findings.push({
      kind: 'RolledBack',
      reason: `SageMaker rolled back the update to ${health.rolledBack.failedConfigName}${live}: ${health.rolledBack.failureReason.trim()}`,
    });
  }
  // Failed and a rolled-back update carry a Terminal condition of their own; it says nothing new.
  if (controllerError?.type === 'ACK.Terminal' && status !== 'Failed' && !health.rolledBack) {
    findings.push({
      kind: 'ACK.Terminal',
      reason:
        heldBack?.kind === 'refused'
          ? heldBack.reason
          : terminalErrorReason(controllerError.message, status, summary.configName),
    });
  }
  if (status === 'RollingBack') findings.push({ kind: 'RollingBack', reason: 'SageMaker is rolling an update back.' });
  const slow = tooLong(summary, now);
  if (slow) findings.push(slow);
  if (controllerError?.type === 'ACK.Recoverable' && status !== 'Deleting') {
    findings.push({
      kind: 'ACK.Recoverable',
      reason:
        heldBack?.kind === 'retrying' ? heldBack.reason : `The controller is retrying: ${controllerError.message}`,
    });
  }
  if (heldBack?.kind === 'waiting') findings.push({ kind: 'HeldBack', reason: heldBack.reason });
  const mismatch = fleetMismatch(summary);
  if (mismatch) findings.push({ kind: 'FleetMismatch', reason: mismatch });
  if (status === 'InService' && failureReason !== undefined && !health.rolledBack) {
    findings.push({
      kind: 'LastUpdateFailed',
      reason: `The last update failed${because} SageMaker kept the fleet it ran before.`,
    });
  }
  // Anything health flags that no rule above names, so the queue never hides a problem health shows.
  if (findings.length === 0 && (health.level === 'critical' || health.level === 'warning') && status !== 'Deleting') {
    findings.push({ kind: 'Other', reason: health.reasons[0] ?? 'Fleetdeck flags this endpoint.' });
  }
  return findings.sort(kindOrder);
}

/**
 * What one endpoint's last hour in CloudWatch adds to the queue: a rollback alarm in ALARM, and a 5XX rate above
 * `errorRateAbove` (0..1). Empty without numbers.
 */
export function metricFindings(row: FleetMetricsRow, errorRateAbove: number): AttentionFinding[] {
  const findings: AttentionFinding[] = [];
  const alarms = row.alarmsInAlarm;
  if (alarms.length > 0) {
    const named = alarms.join(', ');
    findings.push({
      kind: 'AlarmInAlarm',
      reason:
        alarms.length === 1
          ? `Rollback alarm ${named} is in ALARM; SageMaker rolls back an update while it is.`
          : `Rollback alarms ${named} are in ALARM; SageMaker rolls back an update while they are.`,
    });
  }
  if (row.errorRate !== undefined && row.errorRate > errorRateAbove) {
    const of = row.invocations !== undefined ? ` of ${row.invocations.toLocaleString('en')} invocations` : '';
    findings.push({
      kind: 'ErrorRateHigh',
      reason: `${formatPercent(row.errorRate)}${of} failed with a 5XX error in the last hour (above ${formatPercent(errorRateAbove)}).`,
    });
  }
  return findings;
}

// A finding from CloudWatch carries no start the status knows of: its item says no "since" rather than a wrong one.
const fromMetrics: ReadonlySet<AttentionKind> = new Set(['AlarmInAlarm', 'ErrorRateHigh']);

/**
 * The "needs attention" queue at `now`: one item per endpoint that needs a person, worst first (critical
 * before warning, then by kind, then the longest-standing first, then by namespace and name). `extra` adds
 * findings by "namespace/name" (CloudWatch's, from metricFindings): an endpoint already in the queue gains them
 * as reasons, placed by kind like its own, and one that was not joins it.
 */
export function attentionItems(
  summaries: EndpointSummary[],
  now: Date,
  extra?: ReadonlyMap<string, AttentionFinding[]>,
): AttentionItem[] {
  const items = summaries.flatMap((summary): AttentionItem[] => {
    const added = extra?.get(`${summary.namespace}/${summary.name}`) ?? [];
    const [worst, ...more] = [...attentionFindings(summary, now), ...added].sort(kindOrder);
    if (!worst) return [];
    const since = fromMetrics.has(worst.kind)
      ? undefined
      : worst.kind === 'UpdatingTooLong' || worst.kind === 'CreatingTooLong'
        ? (summary.deployment?.startTime ?? summary.lastChange)
        : summary.lastChange;
    return [
      {
        namespace: summary.namespace,
        name: summary.name,
        ...worst,
        severity: critical.has(worst.kind) ? 'critical' : 'warning',
        ...(since ? { since } : {}),
        more,
      },
    ];
  });
  const sinceOf = (item: AttentionItem) => {
    const time = parse(item.since);
    return Number.isNaN(time) ? Infinity : time;
  };
  return items.sort(
    (a, b) =>
      Number(b.severity === 'critical') - Number(a.severity === 'critical') ||
      attentionKinds.indexOf(a.kind) - attentionKinds.indexOf(b.kind) ||
      sinceOf(a) - sinceOf(b) ||
      a.namespace.localeCompare(b.namespace) ||
      a.name.localeCompare(b.name),
  );
}
