import { RelativeTime } from '@/components/ui/relative-time';
import { Cell, ColumnHeader, RowHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { Badge } from '@/components/ui/badge';
import { conditionMeanings, explainConditions, lastTransitionTimeNote } from '@/lib/endpoints/conditions-explained';
import { ackConditionTypes, type AckCondition } from '@/lib/schemas/ack';
import { TitledSection } from '@/components/ui/titled-section';

// The four types every Endpoint reader needs to know, explained even when absent (docs/ack-behaviour.md §8.2).
const coreTypes: string[] = [
  ackConditionTypes.ready,
  ackConditionTypes.synced,
  ackConditionTypes.terminal,
  ackConditionTypes.recoverable,
];

/** The ACK conditions on the Endpoint, each with what it means here, its message and reason. */
export function ConditionsTable({ conditions }: { conditions: AckCondition[] | undefined }) {
  const explained = explainConditions(conditions);
  const present = new Set(explained.map((condition) => condition.type));
  const errorsAbsent = !present.has(ackConditionTypes.terminal) && !present.has(ackConditionTypes.recoverable);
  return (
    <TitledSection id="conditions-heading" title="Controller conditions" testId="conditions">
      {explained.length === 0 ? (
        <p>The controller has not written any conditions yet: it has not reconciled this endpoint.</p>
      ) : (
        <div className="overflow-x-auto">
          <Table
            caption={`What the ACK controller reports about this endpoint. ${lastTransitionTimeNote}`}
            captionStyle="note"
          >
            <TableHeader>
              <ColumnHeader>Condition</ColumnHeader>
              <ColumnHeader>Status</ColumnHeader>
              <ColumnHeader>What it means here</ColumnHeader>
              <ColumnHeader>Last look</ColumnHeader>
            </TableHeader>
            <tbody>
              {explained.map((condition, index) => (
                <TableRow
                  key={`${condition.type}-${index}`}
                  data-testid="condition-row"
                  data-type={condition.type}
                  data-status={condition.status}
                >
                  <RowHeader>
                    {condition.title}
                    <span className="block font-mono text-xs font-normal text-slate-600 dark:text-slate-300">
                      {condition.type}
                    </span>
                  </RowHeader>
                  <Cell>
                    <Badge tone={condition.tone} label={condition.status} size="inherit" />
                  </Cell>
                  <Cell className="space-y-1">
                    <p>{condition.meaning}</p>
                    {condition.message && (
                      <p className="break-words">
                        <span className="text-slate-600 dark:text-slate-300">Message:</span>{' '}
                        <span className="font-mono text-xs">{condition.message}</span>
                      </p>
                    )}
                    {condition.reason && (
                      <p className="break-words">
                        <span className="text-slate-600 dark:text-slate-300">Reason:</span>{' '}
                        <span className="font-mono text-xs">{condition.reason}</span>
                      </p>
                    )}
                    {condition.note && <p className="text-slate-600 dark:text-slate-300">{condition.note}</p>}
                  </Cell>
                  <Cell>
                    <RelativeTime iso={condition.lastTransitionTime} />
                  </Cell>
                </TableRow>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {explained.length > 0 && errorsAbsent && (
        <p className="mt-2 text-sm">No Terminal or Recoverable condition: the controller reports no error.</p>
      )}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
          What these conditions mean
        </summary>
        <dl className="mt-2 space-y-2">
          {conditionMeanings
            .filter((meaning) => coreTypes.includes(meaning.type))
            .map((meaning) => (
              <div key={meaning.type}>
                <dt className="font-medium">
                  {meaning.title} <span className="font-mono text-xs font-normal">({meaning.type})</span>
                </dt>
                <dd>True: {meaning.whenTrue}</dd>
                <dd>False: {meaning.whenFalse}</dd>
                {meaning.whenUnknown && <dd>Unknown: {meaning.whenUnknown}</dd>}
                {meaning.note && <dd className="text-slate-600 dark:text-slate-300">{meaning.note}</dd>}
              </div>
            ))}
        </dl>
      </details>
    </TitledSection>
  );
}
