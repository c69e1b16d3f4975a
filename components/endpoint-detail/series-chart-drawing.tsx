'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Tone } from '@/lib/format/tone';
import { formatClockTime } from '@/lib/format/clock-time';
import type { ChartMarker } from './chart-markers';
import type { ChartData, ChartRow } from './series-rows';

// Mid-luminance colours that keep 3:1 against both the light (white) and the dark (slate-950) background.
const palette = ['#0284c7', '#d97706', '#059669', '#c026d3', '#dc2626', '#8b5cf6', '#0d9488', '#64748b'];
const colourOf = (index: number) => palette[index % palette.length]!;
// The tone scale's colours at the same luminance, for the markers drawn over the lines.
const markerColour: Record<Tone, string> = {
  ok: '#059669',
  progress: '#0284c7',
  warning: '#d97706',
  error: '#dc2626',
  neutral: '#64748b',
};

export interface SeriesChartDrawingProps {
  data: ChartData;
  format: (value: number) => string;
  yDomain?: [number, number];
  /** Steps hold a state until the next row; periods are CloudWatch's points, with gaps where it has none. */
  kind: 'steps' | 'periods';
  markers?: ChartMarker[];
}

/**
 * The recharts drawing of a series chart. It is most of the detail page's script, so it is loaded on its own
 * (series-chart.tsx) once a chart is on screen, not with the page.
 */
export default function SeriesChartDrawing({ data, format, yDomain, kind, markers = [] }: SeriesChartDrawingProps) {
  return (
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
          allowDecimals={kind === 'periods'}
          tickFormatter={(value: number) => format(value)}
          tick={{ fill: 'currentColor', fontSize: 12 }}
          stroke="currentColor"
          width={56}
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
        {markers.map((marker) =>
          marker.until !== undefined ? (
            <ReferenceArea
              key={`${marker.kind}-${marker.at}-${marker.label}`}
              x1={marker.at}
              x2={marker.until}
              fill={markerColour[marker.tone]}
              fillOpacity={0.12}
              label={{ value: marker.label, position: 'insideTopRight', fill: 'currentColor', fontSize: 11 }}
            />
          ) : (
            <ReferenceLine
              key={`${marker.kind}-${marker.at}-${marker.label}`}
              x={marker.at}
              stroke={markerColour[marker.tone]}
              strokeDasharray="4 3"
              label={{ value: marker.label, position: 'insideTopLeft', fill: 'currentColor', fontSize: 11 }}
            />
          ),
        )}
        {data.lines.map((line) => (
          <Line
            key={line.key}
            type={kind === 'steps' ? 'stepAfter' : 'linear'}
            dataKey={(row: ChartRow) => row.values[line.key]}
            name={line.label}
            stroke={colourOf(line.colour)}
            strokeWidth={2}
            strokeDasharray={line.dashed ? '6 4' : undefined}
            dot={kind === 'periods' && data.rows.length < 3}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
