import { formatDuration } from '@/components/ui/format-time';
import type { RolloutPlan } from '@/lib/rollout/plan';
import { PlanTimeline } from './plan-timeline';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The plan of the draft, step by step: traffic on the new fleet, instances of both fleets, bake and start of
 * each step, the termination wait, the expected total and how long both fleets are billed.
 */
export function PlanView({ plan, hasPolicy }: { plan: RolloutPlan; hasPolicy: boolean }) {
  return (
    <div className="space-y-4">
      {!plan.guardrailsApplied && (
        <p data-testid="plan-no-guardrails" className="text-sm">
          {hasPolicy
            ? 'SageMaker will not apply deployment guardrails to this endpoint (see the warnings): it moves all traffic at once, with no bake.'
            : 'No deployment policy: SageMaker launches the new fleet and moves all traffic at once, with no bake and no alarm watch.'}
        </p>
      )}
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Expected total duration</dt>
          <dd data-testid="plan-total" className="text-lg font-semibold">{formatDuration(plan.expectedTotalSeconds)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Both fleets billed for</dt>
          <dd data-testid="plan-both-billed" className="text-lg font-semibold">{formatDuration(plan.bothFleetsBilledSeconds)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Termination wait</dt>
          <dd data-testid="plan-termination-wait" className="text-lg font-semibold">{formatDuration(plan.terminationWaitSeconds)}</dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Most instances at once</dt>
          <dd data-testid="plan-peak" className="text-lg font-semibold">{plan.peakInstances}</dd>
        </div>
      </dl>
      <PlanTimeline plan={plan} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left font-medium">Steps ({plan.kind}); times include an allowance for launching instances and shifting traffic</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <th scope="col" className="py-1 pr-3">Step</th>
              <th scope="col" className="py-1 pr-3">What happens</th>
              <th scope="col" className="py-1 pr-3">Traffic on the new fleet</th>
              <th scope="col" className="py-1 pr-3">New fleet instances</th>
              <th scope="col" className="py-1 pr-3">Old fleet instances</th>
              <th scope="col" className="py-1 pr-3">Bake</th>
              <th scope="col" className="py-1">Starts after</th>
            </tr>
          </thead>
          <tbody>
            {plan.steps.map((step, index) => (
              <tr key={index} data-testid="plan-step" className="border-b border-slate-100 align-top dark:border-slate-800">
                <th scope="row" className="py-1 pr-3 font-normal">{index + 1}</th>
                <td className="py-1 pr-3">{step.label}</td>
                <td className="py-1 pr-3">
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className="inline-block h-2 w-16 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
                      <span className="block h-full bg-sky-600 dark:bg-sky-400" style={{ width: percent(step.trafficShareNew) }} />
                    </span>
                    {percent(step.trafficShareNew)}
                  </span>
                </td>
                <td className="py-1 pr-3">{step.newFleetInstances}</td>
                <td className="py-1 pr-3">{step.oldFleetInstances}</td>
                <td className="py-1 pr-3">{step.bakeSeconds > 0 ? formatDuration(step.bakeSeconds) : '—'}</td>
                <td className="py-1">{formatDuration(step.startsAtSeconds)}</td>
              </tr>
            ))}
            {plan.terminationWaitSeconds > 0 && (
              <tr data-testid="plan-termination" className="align-top">
                <th scope="row" className="py-1 pr-3 font-normal">{plan.steps.length + 1}</th>
                <td className="py-1 pr-3">Wait {formatDuration(plan.terminationWaitSeconds)} before stopping the old fleet</td>
                <td className="py-1 pr-3">100%</td>
                <td className="py-1 pr-3">{plan.steps.at(-1)?.newFleetInstances ?? 0}</td>
                <td className="py-1 pr-3">{plan.steps.at(-1)?.oldFleetInstances ?? 0}</td>
                <td className="py-1 pr-3">—</td>
                <td className="py-1">{formatDuration(plan.expectedTotalSeconds - plan.terminationWaitSeconds)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
