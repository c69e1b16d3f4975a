import type { RollingOut } from '@/lib/endpoints/fleet-overview';
import { EndpointLink } from '@/components/ui/endpoint-link';
import { formatDuration } from '@/lib/format/duration';
import { ProgressBar } from '@/components/ui/progress-bar';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';

/** One endpoint SageMaker is changing: where it is going, the stage it is in, and for how long. */
export function RolloutItem({ entry }: { entry: RollingOut }) {
  const { summary, progress } = entry;
  const current = progress?.steps.find((step) => step.state === 'current');
  const stageName = current?.label ?? progress?.stage?.status ?? 'Waiting for SageMaker';
  const elapsed = progress ? formatDuration(progress.elapsedSeconds) : undefined;
  const expected =
    progress?.expectedSeconds !== undefined ? ` of about ${formatDuration(progress.expectedSeconds)}` : '';
  const timing = elapsed ? `${elapsed} elapsed${expected}${progress?.overdue ? ', overdue' : ''}` : undefined;
  const target = summary.deployment?.configName;
  return (
    <li data-testid="rollout-item" data-overdue={progress?.overdue ? 'true' : undefined} className="py-2">
      <div className="flex flex-wrap items-center gap-2">
        <EndpointLink namespace={summary.namespace} name={summary.name} />
        <StatusBadge status={summary.status} />
        {target && (
          <span className="text-sm">
            to <span className="font-mono">{target}</span>
          </span>
        )}
        {summary.policy && <span className="text-sm text-slate-600 dark:text-slate-300">{summary.policy}</span>}
      </div>
      {progress ? (
        <div className="mt-2 space-y-1">
          <ProgressBar
            fraction={progress.fraction}
            overdue={progress.overdue}
            label={`${summary.namespace}/${summary.name} deployment`}
            valueText={`${stageName}; ${timing}`}
          />
          <p className="flex flex-wrap gap-x-3 text-sm">
            <span data-testid="rollout-stage">
              Stage: <span className="font-medium">{stageName}</span>
              {current && progress.stage && (
                <span className="text-slate-600 dark:text-slate-300"> ({progress.stage.status})</span>
              )}
            </span>
            <span data-testid="rollout-elapsed">{timing}</span>
            {progress.bakeRemainingSeconds !== undefined && (
              <span>bake ends in {formatDuration(progress.bakeRemainingSeconds)}</span>
            )}
          </p>
          {progress.stage?.message && (
            <p className="break-words text-sm text-slate-600 dark:text-slate-300">{progress.stage.message}</p>
          )}
        </div>
      ) : (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          No deployment reported; status changed <RelativeTime iso={summary.lastChange} />.
        </p>
      )}
    </li>
  );
}
