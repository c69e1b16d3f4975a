'use client';

import { formatDuration } from '@/lib/format/duration';
import { ProgressBar } from '@/components/ui/progress-bar';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { deploymentProgress, type ProgressStep } from '@/lib/endpoints/deployment-progress';
import { useSecondClock } from './use-second-clock';

const stateText: Record<ProgressStep['state'], string> = { done: 'Done', current: 'In progress', todo: 'Not started' };
const stateClasses: Record<ProgressStep['state'], string> = {
  done: 'border-emerald-600 bg-emerald-50 dark:border-emerald-400 dark:bg-emerald-950',
  current: 'border-sky-700 bg-sky-50 font-medium dark:border-sky-300 dark:bg-sky-950',
  todo: 'border-slate-300 dark:border-slate-700',
};

/**
 * The steps of the deployment under way (Launch, Shift traffic, Bake), the current one marked with
 * aria-current="step", with elapsed time against the policy's plan and the bake's countdown; ticks every second.
 */
export function DeploymentStepper({ summary }: { summary: EndpointSummary }) {
  const now = useSecondClock();
  const progress = deploymentProgress(summary, new Date(now));
  if (!progress) return null;
  const current = progress.steps.find((step) => step.state === 'current');
  const elapsed = formatDuration(progress.elapsedSeconds);
  const planned =
    progress.expectedSeconds !== undefined ? ` of about ${formatDuration(progress.expectedSeconds)} planned` : '';
  const timing = `${elapsed} elapsed${planned}${progress.overdue ? ', longer than planned' : ''}`;
  return (
    <div data-testid="deployment-stepper" data-overdue={progress.overdue ? 'true' : undefined} className="space-y-3">
      <ol aria-label="Deployment steps" className="grid gap-2 sm:grid-cols-3">
        {progress.steps.map((step, index) => (
          <li
            key={step.name}
            aria-current={step.state === 'current' ? 'step' : undefined}
            data-state={step.state}
            data-step={step.name}
            className={`rounded border-l-4 p-2 ${stateClasses[step.state]}`}
          >
            <span className="block text-sm">
              Step {index + 1}: {step.label}
            </span>
            <span className="block text-xs text-slate-700 dark:text-slate-300">
              {stateText[step.state]} <span className="font-mono">({step.name})</span>
            </span>
          </li>
        ))}
      </ol>
      <ProgressBar
        fraction={progress.fraction}
        overdue={progress.overdue}
        label="Deployment progress"
        valueText={`${current?.label ?? 'Waiting for SageMaker'}; ${timing}`}
      />
      <p className="flex flex-wrap gap-x-4 text-sm">
        <span data-testid="deployment-elapsed">{timing}</span>
        {progress.bakeRemainingSeconds !== undefined && progress.bakeSeconds !== undefined && (
          <span data-testid="bake-countdown">
            Bake: {formatDuration(progress.bakeRemainingSeconds)} left of {formatDuration(progress.bakeSeconds)}
          </span>
        )}
      </p>
      {progress.stage?.message && (
        <p className="break-words text-sm">
          <span className="text-slate-600 dark:text-slate-300">SageMaker says:</span> {progress.stage.message}
        </p>
      )}
    </div>
  );
}
