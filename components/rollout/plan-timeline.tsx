import { formatDuration } from '@/lib/format/duration';
import { formatPercent } from '@/lib/format/percent';
import type { RolloutPlan } from '@/lib/rollout/plan';

/**
 * The plan as one bar: each step as wide as its share of the expected duration, shaded by the traffic on the
 * new fleet, then the termination wait. A picture of the table beside it, so it is one labelled image.
 */
export function PlanTimeline({ plan }: { plan: RolloutPlan }) {
  const total = Math.max(1, plan.expectedTotalSeconds);
  const segments = [
    ...plan.steps.map((step, index) => ({
      key: `step-${index}`,
      label: `${index + 1}`,
      seconds: step.durationSeconds,
      share: step.trafficShareNew,
      title: step.label,
    })),
    ...(plan.terminationWaitSeconds > 0
      ? [
          {
            key: 'termination',
            label: 'T',
            seconds: plan.terminationWaitSeconds,
            share: 1,
            title: 'Wait before stopping the old fleet',
          },
        ]
      : []),
  ];
  const description = segments
    .map(
      (segment) =>
        `${segment.title}: ${formatDuration(segment.seconds)}, ${formatPercent(segment.share)} of traffic on the new fleet`,
    )
    .join('; ');
  return (
    <div
      data-testid="plan-timeline"
      role="img"
      aria-label={`Timeline of the rollout, ${formatDuration(plan.expectedTotalSeconds)} in all. ${description}.`}
      className="space-y-1"
    >
      <div className="flex h-8 w-full overflow-hidden rounded border border-slate-300 dark:border-slate-600">
        {segments.map((segment) => (
          <div
            key={segment.key}
            title={`${segment.title} (${formatDuration(segment.seconds)})`}
            className="relative flex items-center justify-center border-r border-white text-xs font-medium text-slate-950 last:border-r-0 dark:border-slate-950"
            style={{
              width: `${(segment.seconds / total) * 100}%`,
              minWidth: '1.25rem',
              background: `color-mix(in srgb, #38bdf8 ${Math.round(segment.share * 100)}%, #e2e8f0)`,
            }}
          >
            {segment.label}
          </div>
        ))}
      </div>
      <div className="flex justify-between text-xs text-slate-600 dark:text-slate-300">
        <span>0</span>
        <span>{formatDuration(plan.expectedTotalSeconds)}</span>
      </div>
    </div>
  );
}
