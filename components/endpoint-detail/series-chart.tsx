'use client';

import dynamic from 'next/dynamic';
import { useId, useState } from 'react';
import { ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { formatClockTime } from '@/lib/format/clock-time';
import type { ChartMarker } from './chart-markers';
import { describeChart, type ChartData } from './series-rows';

// recharts is most of the page's script: it loads after the page, in the browser only, while a box of the
// drawing's own height (h-64, its parent's) holds its place so nothing below moves when it arrives.
const SeriesChartDrawing = dynamic(() => import('./series-chart-drawing'), {
  ssr: false,
  loading: () => (
    <div data-testid="chart-loading" className="h-full animate-pulse rounded bg-slate-100 dark:bg-slate-900" />
  ),
});

interface SeriesChartProps {
  title: string;
  /** What the values are, for the description: "Traffic share". */
  what: string;
  data: ChartData;
  format: (value: number) => string;
  yDomain?: [number, number];
  testId: string;
  /** Steps (default) hold a state until the next row; periods are CloudWatch's points, one row per period. */
  kind?: 'steps' | 'periods';
  /** The deployment's steps and alarm changes, drawn on the time axis. */
  markers?: ChartMarker[];
  /** Replaces the default sentence (the steps' changes and the values now). */
  description?: string;
  /** What a row of the data table is, for its caption. */
  rowMeaning?: string;
  /** Said instead of the drawing when there is no line. */
  empty?: string;
}

/**
 * A step chart of a series with a title, a one-sentence description of what it shows now, and the same data as a
 * table behind a toggle for anyone who cannot use the chart. The drawing itself is an image to assistive
 * technology; the table is the accessible form.
 */
export function SeriesChart({
  title,
  what,
  data,
  format,
  yDomain,
  testId,
  kind = 'steps',
  markers,
  description = describeChart(data, what, format),
  rowMeaning = 'each row is the state from that time until the next row',
  empty = 'SageMaker has reported nothing to draw for this endpoint yet.',
}: SeriesChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <figure
      data-testid={testId}
      aria-labelledby={titleId}
      className="min-w-0 flex-1 text-slate-700 [--chart-border:#cbd5e1] [--chart-surface:#ffffff] dark:text-slate-300 dark:[--chart-border:#334155] dark:[--chart-surface:#0f172a]"
    >
      <figcaption>
        <h3 id={titleId} className="font-medium text-slate-900 dark:text-slate-100">
          {title}
        </h3>
        <p id={descriptionId} className="text-sm">
          {description}
        </p>
      </figcaption>
      {data.lines.length === 0 ? (
        <p className="mt-2 text-sm">{empty}</p>
      ) : (
        <div role="img" aria-labelledby={titleId} aria-describedby={descriptionId} className="mt-2 h-64">
          <SeriesChartDrawing data={data} format={format} yDomain={yDomain} kind={kind} markers={markers} />
        </div>
      )}
      <SeriesTable
        title={title}
        data={data}
        format={format}
        caption={`${title}: ${rowMeaning}`}
        now={kind === 'steps'}
      />
    </figure>
  );
}

interface SeriesTableProps {
  title: string;
  data: ChartData;
  format: (value: number) => string;
  caption: string;
  /** Whether the last row is the state now (steps), as opposed to the last period CloudWatch reported. */
  now: boolean;
}

/**
 * The chart's data as a table, behind a native disclosure (keyboard and screen-reader friendly). Rendered only
 * while open: a series holds up to 720 points, and a closed table re-rendered on every live change would grow
 * a page kept open for hours by thousands of hidden rows.
 */
function SeriesTable(props: SeriesTableProps) {
  const [open, setOpen] = useState(false);
  if (props.data.lines.length === 0) return null;
  return (
    <details className="mt-2 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
        Show the data as a table
      </summary>
      {open && <SeriesRows {...props} />}
    </details>
  );
}

function SeriesRows({ data, format, caption, now }: SeriesTableProps) {
  const notes = data.rows.some((row) => row.note !== undefined);
  return (
    <>
      {/* Focusable, so the scrolled table can be read with the keyboard. */}
      <div tabIndex={0} className="mt-2 max-h-80 overflow-auto">
        <Table caption={caption}>
          <TableHeader>
            <ColumnHeader>From</ColumnHeader>
            {data.lines.map((line) => (
              <ColumnHeader key={line.key} className="text-right">
                {line.label}
              </ColumnHeader>
            ))}
            {notes && <ColumnHeader>How it is known</ColumnHeader>}
          </TableHeader>
          <tbody>
            {data.rows.map((row, index) => (
              <TableRow key={`${row.at}-${index}`}>
                <th scope="row" className="py-1 pr-3 font-normal tabular-nums">
                  {now && index === data.rows.length - 1 ? `${formatClockTime(row.at)} (now)` : formatClockTime(row.at)}
                </th>
                {data.lines.map((line) => {
                  const value = row.values[line.key];
                  return (
                    <td key={line.key} className="py-1 pr-3 text-right tabular-nums last:pr-0">
                      {value === undefined ? '—' : format(value)}
                    </td>
                  );
                })}
                {notes && <td className="py-1 pr-3 last:pr-0">{row.note ?? 'reported by SageMaker'}</td>}
              </TableRow>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
