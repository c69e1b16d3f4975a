import { Badge } from '@/components/ui/badge';
import { Cell, ColumnHeader, RowHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { TitledSection } from '@/components/ui/titled-section';
import type { Verdict } from '@/lib/api/endpoint-metrics';
import { judgementDisplay, verdictDisplay } from './alarm-view';

/**
 * The advisory verdict on the new fleet while a canary bakes and for a while after: how its metrics compare with
 * the baseline the body's `compared` names (the old fleet, or the window before the deployment). It decides nothing; SageMaker rolls back on its alarms alone.
 */
export function VerdictPanel({ verdict }: { verdict: Verdict }) {
  const outcome = verdictDisplay[verdict.outcome];
  return (
    // TitledSection takes no data attributes, so the outcome sits on a wrapper around the landmark.
    <div data-testid="verdict-panel" data-outcome={verdict.outcome}>
      <TitledSection id="verdict-heading" title="Canary verdict">
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-3">
            <Badge tone={outcome.tone} label={outcome.label} wrap="nowrap" />
            {verdict.score !== undefined && (
              <span data-testid="verdict-score" className="text-sm">
                Score {Math.round(verdict.score)} of 100
              </span>
            )}
          </p>
          <p className="font-medium">{verdict.summary}</p>
          <p className="text-sm text-slate-600 dark:text-slate-300">{verdict.compared}</p>
        </div>
        {verdict.metrics.length > 0 && (
          <div className="mt-3 overflow-x-auto">
            <Table caption={`Each metric: ${verdict.compared}`} density="compact">
              <TableHeader>
                <ColumnHeader>Metric</ColumnHeader>
                <ColumnHeader>Outcome</ColumnHeader>
                <ColumnHeader>Why</ColumnHeader>
              </TableHeader>
              <tbody>
                {verdict.metrics.map((judgement) => {
                  const display = judgementDisplay(judgement);
                  return (
                    <TableRow key={judgement.metric} data-testid="verdict-metric" data-outcome={judgement.outcome}>
                      <RowHeader>
                        {judgement.label}
                        {judgement.critical && (
                          <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">critical</span>
                        )}
                      </RowHeader>
                      <Cell>
                        <Badge tone={display.tone} label={display.label} wrap="nowrap" />
                      </Cell>
                      <Cell className="break-words">{judgement.reason}</Cell>
                    </TableRow>
                  );
                })}
              </tbody>
            </Table>
          </div>
        )}
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
          This verdict is advice from Fleetdeck. SageMaker decides whether to roll back, on its rollback alarms alone.
        </p>
      </TitledSection>
    </div>
  );
}
