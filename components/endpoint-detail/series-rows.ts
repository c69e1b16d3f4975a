import type { EndpointSeries, SeriesFleet, SeriesPoint, SeriesVariant } from '@/lib/api/endpoint-series';
import { formatClockTime } from '@/lib/format/clock-time';

/** One line of a chart: a variant of a fleet, and for capacity whether it is the current or the desired count. */
export interface ChartLine {
  key: string;
  label: string;
  fleet: SeriesFleet;
  variant: string;
  dashed: boolean;
  /** Index into the chart palette: the same variant of the same fleet keeps its colour in both charts. */
  colour: number;
}

export interface ChartRow {
  /** ms since the epoch; the state holds from here until the next row (a step). */
  at: number;
  values: Record<string, number | undefined>;
  /** How the row's values are known, when it needs saying (derived values); shown in the data table. */
  note?: string;
}

export interface ChartData {
  lines: ChartLine[];
  rows: ChartRow[];
  from: number;
  to: number;
}

type Measure = {
  suffix: string;
  label: string;
  dashed: boolean;
  read: (variant: SeriesVariant) => number | undefined;
  /** Appended to the label of a new fleet's line: its values are derived. */
  newFleetLabel?: string;
};

const variantKey = (variant: Pick<SeriesVariant, 'fleet' | 'name'>) => `${variant.fleet}:${variant.name}`;
const variantLabel = (variant: Pick<SeriesVariant, 'fleet' | 'name'>) =>
  variant.fleet === 'new' ? `${variant.name}, new fleet` : variant.name;

function chartData(
  series: EndpointSeries,
  measures: Measure[],
  noteOf: (point: SeriesPoint) => string | undefined = () => undefined,
): ChartData {
  const colours = new Map<string, number>();
  const lines = new Map<string, ChartLine>();
  const rows = series.points.map((point) => {
    const values: Record<string, number | undefined> = {};
    for (const variant of point.variants) {
      const base = variantKey(variant);
      if (!colours.has(base)) colours.set(base, colours.size);
      for (const measure of measures) {
        const value = measure.read(variant);
        if (value === undefined) continue;
        const key = `${base}${measure.suffix}`;
        values[key] = value;
        if (!lines.has(key)) {
          lines.set(key, {
            key,
            label: `${variantLabel(variant)}${measure.label}${variant.fleet === 'new' ? (measure.newFleetLabel ?? '') : ''}`,
            fleet: variant.fleet,
            variant: variant.name,
            dashed: measure.dashed,
            colour: colours.get(base)!,
          });
        }
      }
    }
    const note = noteOf(point);
    return { at: Date.parse(point.at), values, ...(note ? { note } : {}) };
  });
  return { lines: [...lines.values()], rows, from: Date.parse(series.from), to: Date.parse(series.to) };
}

/** What the data table says of a point's traffic values during an update. */
export const derivedNote = 'derived: split between fleets from the stage and the policy';
export const unknownSplitNote = 'split between fleets not known';

/**
 * Each variant's share of the endpoint's traffic over time, in percent. With one fleet it is SageMaker's weights
 * (docs/ack-behaviour.md §6.4); during an update the split between the old and the new fleet is derived (the
 * series' newFleetShare), so the new fleet's lines are labelled derived and so is each such row of the table.
 */
export function trafficData(series: EndpointSeries): ChartData {
  const updating = (point: SeriesPoint) => point.variants.some((variant) => variant.fleet === 'new');
  return chartData(
    series,
    [
      {
        suffix: '',
        label: '',
        dashed: false,
        read: (variant) => (variant.endpointShare === undefined ? undefined : variant.endpointShare * 100),
        newFleetLabel: ' (derived)',
      },
    ],
    (point) => (!updating(point) ? undefined : point.newFleetShare === undefined ? unknownSplitNote : derivedNote),
  );
}

/** Each variant's current instance count over time, and its desired count as a dashed line. Serverless variants have none. */
export function capacityData(series: EndpointSeries): ChartData {
  return chartData(series, [
    { suffix: ':current', label: ', running', dashed: false, read: (variant) => variant.currentInstanceCount },
    { suffix: ':desired', label: ', desired', dashed: true, read: (variant) => variant.desiredInstanceCount },
  ]);
}

/** The chart in a sentence, for its accessible description: the window and the values at its end. */
export function describeChart(data: ChartData, what: string, format: (value: number) => string): string {
  const span = `${formatClockTime(data.from)} to ${formatClockTime(data.to)}`;
  const last = data.rows[data.rows.length - 1];
  if (!last || data.lines.length === 0) return `${what} from ${span}: nothing to show.`;
  const now = data.lines.flatMap((line) => {
    const value = last.values[line.key];
    return value === undefined ? [] : [`${line.label} ${format(value)}`];
  });
  // The last point repeats the state at `to`, so changes are the points before it, less the first.
  const changes = Math.max(0, data.rows.length - 2);
  return `${what} from ${span}, ${changes === 1 ? '1 change' : `${changes} changes`}. Now: ${now.length > 0 ? now.join('; ') : 'none'}.`;
}
