import type { AlarmTransition } from '@/lib/api/endpoint-metrics';
import type { EndpointSeries } from '@/lib/api/endpoint-series';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Tone } from '@/lib/format/tone';
import { formatPercent } from '@/lib/format/percent';

/** A deployment step or an alarm's change drawn on the charts' time axis: a line at `at`, an area up to `until`. */
export interface ChartMarker {
  kind: 'update' | 'shift' | 'bake' | 'finished' | 'rollback' | 'alarm';
  at: number;
  until?: number;
  label: string;
  tone: Tone;
}

interface MarkerSources {
  summary: Pick<EndpointSummary, 'deployment' | 'health'>;
  /** The traffic split this server recorded: when updates began and ended, and each derived shift between them. */
  series?: EndpointSeries;
  alarmHistory: AlarmTransition[];
  from: number;
  to: number;
}

const alarmTone = { OK: 'ok', ALARM: 'error', INSUFFICIENT_DATA: 'warning' } as const;

function seriesMarkers(series: EndpointSeries, rolledBack: boolean): ChartMarker[] {
  const markers: ChartMarker[] = [];
  let updating = false;
  let share: number | undefined;
  for (const point of series.points) {
    const at = Date.parse(point.at);
    const now = point.variants.some((variant) => variant.fleet === 'new');
    if (now && !updating) markers.push({ kind: 'update', at, label: 'Update began', tone: 'progress' });
    if (!now && updating) markers.push({ kind: 'finished', at, label: 'Update ended', tone: 'ok' });
    if (now && point.newFleetShare !== undefined && point.newFleetShare !== share && point.newFleetShare > 0) {
      markers.push({
        kind: 'shift',
        at,
        label: `${formatPercent(point.newFleetShare)} to new fleet`,
        tone: 'progress',
      });
    }
    updating = now;
    share = now ? point.newFleetShare : undefined;
  }
  // Only the last update's end can be the rollback the summary reports now.
  const ended = markers.findLast((marker) => marker.kind === 'finished');
  if (rolledBack && ended) Object.assign(ended, { kind: 'rollback', label: 'Rolled back', tone: 'error' });
  return markers;
}

/**
 * What happened during the window, in time order: updates beginning and ending (or rolled back), each traffic
 * shift to the new fleet, the bake under way, and the rollback alarms' changes of state. Outside the window
 * nothing is drawn; a bake begun before it is cut at its start.
 */
export function chartMarkers({ summary, series, alarmHistory, from, to }: MarkerSources): ChartMarker[] {
  const markers = series ? seriesMarkers(series, summary.health.rolledBack !== undefined) : [];
  const stage = summary.deployment?.stage;
  const bakeStart = stage?.status === 'Baking' && stage.startTime ? Date.parse(stage.startTime) : NaN;
  if (!Number.isNaN(bakeStart))
    markers.push({ kind: 'bake', at: bakeStart, until: to, label: 'Bake', tone: 'warning' });
  for (const transition of alarmHistory) {
    if (!transition.to) continue;
    markers.push({
      kind: 'alarm',
      at: Date.parse(transition.at),
      label: `${transition.alarmName}: ${transition.to}`,
      tone: alarmTone[transition.to],
    });
  }
  return markers
    .filter((marker) => (marker.until ?? marker.at) >= from && marker.at <= to)
    .map((marker) => (marker.at < from ? { ...marker, at: from } : marker))
    .sort((a, b) => a.at - b.at);
}
