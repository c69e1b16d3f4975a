'use client';

import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ColumnHeader, Table, TableHeader, TableRow } from '@/components/ui/table';
import { formatClockTime } from '@/lib/format/clock-time';
import { describeChart, type ChartData, type ChartRow } from './series-rows';

// Mid-luminance colours that keep 3:1 against both the light (white) and the dark (slate-950) background.
const palette = ['#0284c7', '#d97706', '#059669', '#c026d3', '#dc2626', '#8b5cf6', '#0d9488', '#64748b'];
const colourOf = (index: number) => palette[index % palette.length]!;

interface SeriesChartProps {
  title: string;
  /** What the values are, for the description: "Traffic share". */
  what: string;
  data: ChartData;
  format: (value: number) => string;
  yDomain?: [number, number];
  testId: string;
}

/**
 * A step chart of a series with a title, a one-sentence description of what it shows now, and the same data as a
 * table behind a toggle for anyone who cannot use the chart. The drawing itself is an image to assistive
 * technology; the table is the accessible form.
 */
export function SeriesChart({ title, what, data, format, yDomain, testId }: SeriesChartProps) {
  const titleId = useId();
  const descriptionId = useId();
  const description = describeChart(data, what, format);
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
        <p className="mt-2 text-sm">SageMaker has reported nothing to draw for this endpoint yet.</p>
      ) : (
        <div role="img" aria-labelledby={titleId} aria-describedby={descriptionId} className="mt-2 h-64">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data.rows} accessibilityLayer={false} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke="currentColor" strokeOpacity={0.15} strokeDasharray="3 3" />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={[data.from, data.to]}
                tickFormatter={(value: number) => formatClockTime(value)}
                tick={{ fill: 'currentColor', fontSize: 12 }}
                stroke="currentColor"
                minTickGap={40}
              />
              <YAxis
                domain={yDomain ?? [0, 'auto']}
                allowDecimals={false}
                tickFormatter={(value: number) => format(value)}
                tick={{ fill: 'currentColor', fontSize: 12 }}
                stroke="currentColor"
                width={48}
              />
              <Tooltip
                labelFormatter={(value) => formatClockTime(Number(value))}
                formatter={(value) => format(Number(value))}
                contentStyle={{
                  background: 'var(--chart-surface)',
                  borderColor: 'var(--chart-border)',
                  color: 'inherit',
                }}
              />
              <Legend formatter={(value) => <span className="text-slate-800 dark:text-slate-200">{value}</span>} />
              {data.lines.map((line) => (
                <Line
                  key={line.key}
                  type="stepAfter"
                  dataKey={(row: ChartRow) => row.values[line.key]}
                  name={line.label}
                  stroke={colourOf(line.colour)}
                  strokeWidth={2}
                  strokeDasharray={line.dashed ? '6 4' : undefined}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <SeriesTable title={title} data={data} format={format} />
    </figure>
  );
}

/**
 * The chart's data as a table, behind a native disclosure (keyboard and screen-reader friendly). Rendered only
 * while open: a series holds up to 720 points, and a closed table re-rendered on every live change would grow
 * a page kept open for hours by thousands of hidden rows.
 */
function SeriesTable({ title, data, format }: { title: string; data: ChartData; format: (value: number) => string }) {
  const [open, setOpen] = useState(false);
  if (data.lines.length === 0) return null;
  return (
    <details className="mt-2 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
        Show the data as a table
      </summary>
      {open && <SeriesRows title={title} data={data} format={format} />}
    </details>
  );
}

function SeriesRows({ title, data, format }: { title: string; data: ChartData; format: (value: number) => string }) {
  const notes = data.rows.some((row) => row.note !== undefined);
  return (
    <>
      {/* Focusable, so the scrolled table can be read with the keyboard. */}
      <div tabIndex={0} className="mt-2 max-h-80 overflow-auto">
        <Table caption={`${title}: each row is the state from that time until the next row`}>
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
                  {index === data.rows.length - 1 ? `${formatClockTime(row.at)} (now)` : formatClockTime(row.at)}
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
