'use client';

import { Button } from '@/components/ui/button';
import { RelativeTime } from '@/components/ui/relative-time';
import { ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { toneClasses } from '@/components/ui/tone';
import type { Tone } from '@/lib/format/tone';
import type { HistoryEntry, HistoryOutcome } from '@/lib/api/rollout-views';
import { presets, presetIds, type PresetId } from '@/lib/rollout/presets';
import type { EndpointConfigSpec } from '@/lib/schemas/endpoint-config';

const outcomeDisplay: Record<HistoryOutcome['kind'], { label: string; tone: Tone }> = {
  'in-progress': { label: 'In progress', tone: 'progress' },
  completed: { label: 'Completed', tone: 'ok' },
  'rolled-back': { label: 'Rolled back', tone: 'warning' },
  failed: { label: 'Failed', tone: 'error' },
  'not-applied': { label: 'Not applied', tone: 'neutral' },
  unknown: { label: 'Unknown', tone: 'neutral' },
};

const outcomeDetail = (outcome: HistoryOutcome) =>
  outcome.failureReason ??
  outcome.detail ??
  (outcome.kind === 'not-applied' ? 'The config was created, but the endpoint was never pointed at it.' : undefined);

const presetName = (id: string | undefined) =>
  id && (presetIds as readonly string[]).includes(id) ? presets[id as PresetId].name : id;

interface HistoryListProps {
  entries: HistoryEntry[];
  /** The variants of a config, where the page has them. */
  configSpecOf: (configName: string) => EndpointConfigSpec | undefined;
  /** Set when the draft cannot be edited (read-only user, Failed endpoint): the id of the visible text saying why. */
  disabled?: { reasonId: string };
  onRollBack: (config: EndpointConfigSpec) => void;
}

/**
 * The rollouts Fleetdeck made on this endpoint, newest first: config, who, when, preset, reason and outcome,
 * with "Roll back to this config" on those the endpoint's spec does not name, which loads their variants into
 * the draft (the same plan, diff and dry run as any rollout).
 */
export function HistoryList({ entries, configSpecOf, disabled, onRollBack }: HistoryListProps) {
  if (entries.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        No rollouts were made through Fleetdeck on this endpoint yet.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <Table caption="Rollouts of this endpoint, newest first">
        <TableHeader>
          <ColumnHeader>Config</ColumnHeader>
          <ColumnHeader>Who</ColumnHeader>
          <ColumnHeader>When</ColumnHeader>
          <ColumnHeader>Preset</ColumnHeader>
          <ColumnHeader>Reason</ColumnHeader>
          <ColumnHeader>Outcome</ColumnHeader>
          <ColumnHeader>
            <span className="sr-only">Action</span>
          </ColumnHeader>
        </TableHeader>
        <tbody>
          {entries.map((entry) => {
            const display = outcomeDisplay[entry.outcome.kind];
            const detail = outcomeDetail(entry.outcome);
            const spec = configSpecOf(entry.configName);
            const reasonId = `history-${entry.objectName}-reason`;
            return (
              <TableRow
                key={entry.objectName}
                data-testid="history-entry"
                data-config={entry.configName}
                data-outcome={entry.outcome.kind}
                data-current={entry.current ? 'true' : 'false'}
              >
                <th scope="row" className="break-all py-2 pr-3 font-mono font-normal">
                  {entry.configName}
                  {entry.current && (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-sans text-xs font-medium text-slate-900 dark:bg-slate-800 dark:text-slate-100">
                      current
                    </span>
                  )}
                </th>
                <td className="py-2 pr-3" data-author-verified={entry.authorVerified ? 'true' : 'false'}>
                  {entry.createdBy ?? '—'}
                  {entry.createdBy && !entry.authorVerified && (
                    <span className="ml-1 text-xs text-slate-600 dark:text-slate-300">(unverified)</span>
                  )}
                </td>
                <td className="py-2 pr-3">
                  <RelativeTime iso={entry.createdAt} />
                </td>
                <td className="py-2 pr-3">{presetName(entry.preset) ?? '—'}</td>
                <td className="break-words py-2 pr-3">{entry.reason ?? '—'}</td>
                <td className="py-2 pr-3">
                  <span
                    className={`whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${toneClasses[display.tone]}`}
                  >
                    {display.label}
                  </span>
                  {detail && <span className="mt-1 block break-words text-xs">{detail}</span>}
                </td>
                <td className="py-2">
                  {!entry.current && (
                    <>
                      <Button
                        className="whitespace-nowrap"
                        disabled={disabled !== undefined || spec === undefined}
                        aria-describedby={disabled ? disabled.reasonId : spec === undefined ? reasonId : undefined}
                        onClick={() => spec && onRollBack(spec)}
                      >
                        Roll back to this config
                      </Button>
                      {!disabled && spec === undefined && (
                        <span id={reasonId} className="mt-1 block max-w-48 text-xs text-slate-600 dark:text-slate-300">
                          Its variants are not available on this page; only the live config&apos;s are.
                        </span>
                      )}
                    </>
                  )}
                </td>
              </TableRow>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
