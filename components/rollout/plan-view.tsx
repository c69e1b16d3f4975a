import { formatDuration } from '@/lib/format/duration';
import { formatPercent } from '@/lib/format/percent';
import { ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import type { RolloutPlan } from '@/lib/rollout/plan';
import { PlanTimeline } from './plan-timeline';

/**
 * The plan of the draft, step by step: traffic on the new fleet, instances of both fleets, bake and start of
 * each step and the instances it runs beyond the old fleet, the termination wait, the expected total, and how
 * long both fleets are billed (blue/green) or the most extra instances at once (rolling: one batch).
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
          <dd data-testid="plan-total" className="text-lg font-semibold">
            {formatDuration(plan.expectedTotalSeconds)}
          </dd>
        </div>
        {plan.bothFleetsBilledSeconds !== undefined ? (
          <div>
            <dt className="text-slate-600 dark:text-slate-300">Both fleets billed for</dt>
            <dd data-testid="plan-both-billed" className="text-lg font-semibold">
              {formatDuration(plan.bothFleetsBilledSeconds)}
            </dd>
          </div>
        ) : (
          <div>
            <dt className="text-slate-600 dark:text-slate-300">Extra instances at most (one batch)</dt>
            <dd data-testid="plan-peak-extra" className="text-lg font-semibold">
              {plan.peakExtraInstances}
            </dd>
          </div>
        )}
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Termination wait</dt>
          <dd data-testid="plan-termination-wait" className="text-lg font-semibold">
            {formatDuration(plan.terminationWaitSeconds)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600 dark:text-slate-300">Most instances at once</dt>
          <dd data-testid="plan-peak" className="text-lg font-semibold">
            {plan.peakInstances}
          </dd>
        </div>
      </dl>
      <PlanTimeline plan={plan} />
      <div className="overflow-x-auto">
        <Table
          caption={`Steps (${plan.kind}); times include an allowance for launching instances and shifting traffic`}
          captionStyle="title"
        >
          <TableHeader>
            <ColumnHeader>Step</ColumnHeader>
            <ColumnHeader>What happens</ColumnHeader>
            <ColumnHeader>Traffic on the new fleet</ColumnHeader>
            <ColumnHeader>New fleet instances</ColumnHeader>
            <ColumnHeader>Old fleet instances</ColumnHeader>
            <ColumnHeader>Extra instances</ColumnHeader>
            <ColumnHeader>Bake</ColumnHeader>
            <ColumnHeader>Starts after</ColumnHeader>
          </TableHeader>
          <tbody>
            {plan.steps.map((step, index) => (
              <TableRow key={index} data-testid="plan-step">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {index + 1}
                </th>
                <td className="py-1 pr-3">{step.label}</td>
                <td className="py-1 pr-3">
                  <span className="flex items-center gap-2">
                    <span
                      aria-hidden="true"
                      className="inline-block h-2 w-16 overflow-hidden rounded bg-slate-200 dark:bg-slate-700"
                    >
                      <span
                        className="block h-full bg-sky-600 dark:bg-sky-400"
                        style={{ width: formatPercent(step.trafficShareNew) }}
                      />
                    </span>
                    {formatPercent(step.trafficShareNew)}
                  </span>
                </td>
                <td className="py-1 pr-3">{step.newFleetInstances}</td>
                <td className="py-1 pr-3">{step.oldFleetInstances}</td>
                <td className="py-1 pr-3">{step.extraInstances}</td>
                <td className="py-1 pr-3">{step.bakeSeconds > 0 ? formatDuration(step.bakeSeconds) : '—'}</td>
                <td className="py-1">{formatDuration(step.startsAtSeconds)}</td>
              </TableRow>
            ))}
            {plan.terminationWaitSeconds > 0 && (
              <TableRow data-testid="plan-termination">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {plan.steps.length + 1}
                </th>
                <td className="py-1 pr-3">
                  Wait {formatDuration(plan.terminationWaitSeconds)} before stopping the old fleet
                </td>
                <td className="py-1 pr-3">100%</td>
                <td className="py-1 pr-3">{plan.steps.at(-1)?.newFleetInstances ?? 0}</td>
                <td className="py-1 pr-3">{plan.steps.at(-1)?.oldFleetInstances ?? 0}</td>
                <td className="py-1 pr-3">{plan.steps.at(-1)?.extraInstances ?? 0}</td>
                <td className="py-1 pr-3">—</td>
                <td className="py-1">{formatDuration(plan.expectedTotalSeconds - plan.terminationWaitSeconds)}</td>
              </TableRow>
            )}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
