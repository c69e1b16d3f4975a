import 'server-only';
import type { AlarmTransition, AlarmView, EndpointMetrics, VariantMetrics, Verdict } from '@/lib/api/endpoint-metrics';
import { sourceOf, type CloudWatchRead } from './cloudwatch-read';

/** The reads behind one endpoint's metrics; the optional ones are absent when there was nothing to read. */
export interface EndpointReads {
  series: CloudWatchRead<VariantMetrics[]>;
  /** Absent when the endpoint names no rollback alarms. */
  alarms?: CloudWatchRead<AlarmView[]>;
  history?: CloudWatchRead<AlarmTransition[]>;
  /** Absent outside a deployment and the time just after one. */
  verdict?: CloudWatchRead<Verdict>;
}

/**
 * The body from what could be read: each part that succeeded is shown, whatever failed beside it. `source` is the
 * series' (the charts), `alarmsSource` the alarms' and their history's; a failed verdict is left out (the client
 * logged its failure), being advisory. `readAt` is the oldest of the reads shown.
 */
export function endpointMetricsBody(base: Omit<EndpointMetrics, 'source'>, reads: EndpointReads): EndpointMetrics {
  const { series, alarms, history, verdict } = reads;
  const alarmReads = [alarms, history].filter((read) => read !== undefined);
  const shown = [series, ...alarmReads].filter((read) => read.ok);
  const oldest = Math.min(...shown.map((read) => read.at));
  return {
    ...base,
    ...(shown.length > 0 ? { readAt: new Date(oldest).toISOString() } : {}),
    source: sourceOf([series]),
    ...(alarmReads.length > 0 ? { alarmsSource: sourceOf(alarmReads) } : {}),
    variants: series.ok ? series.value : [],
    alarms: alarms?.ok ? alarms.value : [],
    alarmHistory: history?.ok ? history.value : [],
    ...(verdict?.ok ? { verdict: verdict.value } : {}),
  };
}
