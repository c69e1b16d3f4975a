'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/load-state';
import { SafeLink } from '@/components/ui/safe-link';
import { TitledSection } from '@/components/ui/titled-section';
import {
  metricRanges,
  type EndpointMetrics,
  type MetricRange,
  type VariantMetricName,
} from '@/lib/api/endpoint-metrics';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { formatClockTime } from '@/lib/format/clock-time';
import { formatDateTime } from '@/lib/format/date-time';
import { variantMetricSpecs } from '@/lib/endpoints/metric-specs';
import { formatDuration } from '@/lib/format/duration';
import { metricsLive, useEndpointMetrics } from '@/lib/query/use-endpoint-metrics';
import { useEndpointSeries } from '@/lib/query/use-endpoint-series';
import { metricConsoleUrl } from './aws-console';
import { chartMarkers, type ChartMarker } from './chart-markers';
import { countValue, latencyValue, percentValue } from './chart-values';
import {
  describeMetricChart,
  errorRateData,
  invocationsData,
  latencyData,
  perInstanceData,
  utilizationData,
} from './metric-rows';
import { MetricsSource } from './metrics-source';
import { SeriesChart } from './series-chart';
import type { ChartData } from './series-rows';
import { useMetricRange } from './use-metric-range';

const rangeLabels: Record<MetricRange, string> = { '1h': '1 hour', '6h': '6 hours', '24h': '24 hours', '7d': '7 days' };

function RangePicker({ range, onChange }: { range: MetricRange; onChange: (range: MetricRange) => void }) {
  return (
    <div role="group" aria-label="Time range" data-testid="metrics-range" className="mb-3 flex flex-wrap gap-2">
      {(Object.keys(metricRanges) as MetricRange[]).map((option) => (
        <Button
          key={option}
          size="sm"
          variant={option === range ? 'primary' : 'secondary'}
          aria-pressed={option === range}
          onClick={() => onChange(option)}
        >
          Last {rangeLabels[option]}
        </Button>
      ))}
    </div>
  );
}

/** A link per variant to the metrics a chart draws, in the CloudWatch console. */
function ConsoleLinks({
  body,
  partition,
  metrics,
}: {
  body: EndpointMetrics;
  partition: string | undefined;
  metrics: ChartLink[];
}) {
  if (!body.region || body.variants.length === 0) return null;
  return (
    <p className="mt-1 text-xs">
      In CloudWatch:{' '}
      {body.variants.flatMap((variant) =>
        metrics.map(({ metric, label }) => (
          <span key={`${variant.variantName}-${metric}`} className="mr-3 inline-block">
            <SafeLink
              href={metricConsoleUrl(
                body.region,
                partition,
                variantMetricSpecs[metric].namespace,
                variantMetricSpecs[metric].metricName,
                { EndpointName: body.endpointName, VariantName: variant.variantName },
                { stat: variantMetricSpecs[metric].stat, periodSeconds: body.periodSeconds },
              )}
            >
              {variant.variantName} {label}
            </SafeLink>
          </span>
        )),
      )}
    </p>
  );
}

/** A chart's metric, linked in the console where variantMetricSpecs says it lives. */
interface ChartLink {
  metric: VariantMetricName;
  label: string;
}

interface ChartSpec {
  title: string;
  what: string;
  data: (body: EndpointMetrics) => ChartData;
  format: (value: number) => string;
  testId: string;
  links: ChartLink[];
}

const mainCharts: ChartSpec[] = [
  {
    title: 'Invocations per variant',
    what: 'Invocations per period',
    data: invocationsData,
    format: countValue,
    testId: 'invocations-chart',
    links: [{ metric: 'invocations', label: 'invocations' }],
  },
  {
    title: 'Error rate per variant',
    what: '4XX (dashed) and 5XX errors as a share of invocations',
    data: errorRateData,
    format: percentValue,
    testId: 'error-rate-chart',
    links: [
      { metric: 'errors4xx', label: '4XX' },
      { metric: 'errors5xx', label: '5XX' },
    ],
  },
  {
    title: 'Model latency per variant',
    what: 'Model latency, average and p99 (dashed)',
    data: latencyData,
    format: latencyValue,
    testId: 'latency-chart',
    links: [
      { metric: 'modelLatencyAverage', label: 'latency' },
      { metric: 'modelLatencyP99', label: 'latency p99' },
    ],
  },
];

const moreCharts: ChartSpec[] = [
  {
    title: 'CPU and memory utilization per variant',
    what: 'CPU (summed over cores) and memory (dashed) utilization',
    data: utilizationData,
    format: percentValue,
    testId: 'utilization-chart',
    links: [
      { metric: 'cpuUtilization', label: 'CPU' },
      { metric: 'memoryUtilization', label: 'memory' },
    ],
  },
  {
    title: 'Invocations per instance',
    what: 'Invocations per instance and period',
    data: perInstanceData,
    format: countValue,
    testId: 'per-instance-chart',
    links: [{ metric: 'invocationsPerInstance', label: 'per instance' }],
  },
];

function MetricChart({
  spec,
  body,
  markers,
  partition,
}: {
  spec: ChartSpec;
  body: EndpointMetrics;
  markers: ChartMarker[];
  partition: string | undefined;
}) {
  const data = useMemo(() => spec.data(body), [spec, body]);
  return (
    <div className="min-w-0">
      <SeriesChart
        title={spec.title}
        what={spec.what}
        data={data}
        format={spec.format}
        testId={spec.testId}
        kind="periods"
        markers={markers}
        description={describeMetricChart(data, spec.what, body.periodSeconds, spec.format)}
        rowMeaning={`each row is one period of ${formatDuration(body.periodSeconds)}`}
        empty="CloudWatch has no data for this range."
      />
      <ConsoleLinks body={body} partition={partition} metrics={spec.links} />
    </div>
  );
}

/** The utilization charts, drawn only once opened: most readers never need them. */
function MoreCharts(props: { body: EndpointMetrics; markers: ChartMarker[]; partition: string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-6" data-testid="metrics-more" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer font-medium">Utilization and invocations per instance</summary>
      {open && (
        <div className="mt-3 grid gap-6 xl:grid-cols-2">
          {moreCharts.map((spec) => (
            <MetricChart key={spec.testId} spec={spec} {...props} />
          ))}
        </div>
      )}
    </details>
  );
}

function MarkerList({ markers }: { markers: ChartMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <div data-testid="metrics-markers" className="mt-4 text-sm">
      <h3 className="font-medium">On the time axis</h3>
      <ul className="mt-1 space-y-0.5">
        {markers.map((marker) => (
          <li key={`${marker.kind}-${marker.at}-${marker.label}`} data-kind={marker.kind}>
            <span className="tabular-nums">{formatClockTime(marker.at)}</span>
            {marker.until !== undefined && (
              <span className="tabular-nums"> to {formatClockTime(marker.until)}</span>
            )}: {marker.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The endpoint's traffic as CloudWatch reports it, per variant over a range kept in the URL, with the
 * deployment's steps and the rollback alarms' changes on the same time axis. Without CloudWatch it says why,
 * and the rest of the page is unaffected.
 */
export function MetricsSection({ summary, partition }: { summary: EndpointSummary; partition: string | undefined }) {
  const [range, setRange] = useMetricRange();
  const metrics = useEndpointMetrics(summary.namespace, summary.name, range, metricsLive(summary));
  const series = useEndpointSeries(summary.namespace, summary.name);
  const body = metrics.data;
  const markers = useMemo(
    () =>
      body
        ? chartMarkers({
            summary,
            series: series.data,
            alarmHistory: body.alarmHistory,
            from: Date.parse(body.from),
            to: Date.parse(body.to),
          })
        : [],
    [body, series.data, summary],
  );
  return (
    <TitledSection id="metrics-heading" title="Traffic from CloudWatch" testId="metrics-section">
      <RangePicker range={range} onChange={setRange} />
      {metrics.isPlaceholderData && (
        <LoadingState>{`Loading the last ${rangeLabels[range]}; the charts show the range before.`}</LoadingState>
      )}
      {body ? (
        <>
          <MetricsSource source={body.source} />
          {body.source.state === 'ok' && (
            <>
              <div className="grid gap-6 xl:grid-cols-3">
                {mainCharts.map((spec) => (
                  <MetricChart key={spec.testId} spec={spec} body={body} markers={markers} partition={partition} />
                ))}
              </div>
              <p data-testid="metrics-read-at" className="mt-3 text-sm text-slate-600 dark:text-slate-300">
                {formatDateTime(body.from)} to {formatDateTime(body.to)}, one point per{' '}
                {formatDuration(body.periodSeconds)}
                {body.readAt ? `; read from CloudWatch at ${formatClockTime(Date.parse(body.readAt))}` : ''}.
              </p>
              <MarkerList markers={markers} />
              <MoreCharts body={body} markers={markers} partition={partition} />
            </>
          )}
        </>
      ) : metrics.isError ? (
        <p role="status" className="text-sm">
          The metrics could not be loaded: {metrics.error.message}
        </p>
      ) : (
        <LoadingState>Loading the metrics…</LoadingState>
      )}
      {body && metrics.isError && (
        <p role="status" className="mt-2 text-sm">
          The metrics could not be refreshed; they show what was last read. {metrics.error.message}
        </p>
      )}
    </TitledSection>
  );
}
