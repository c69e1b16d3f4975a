'use client';

import { useMemo } from 'react';
import { LoadingState } from '@/components/ui/load-state';
import { useEndpointSeries } from '@/lib/query/use-endpoint-series';
import { TitledSection } from '@/components/ui/titled-section';
import { formatClockTime } from '@/lib/format/clock-time';
import { countValue, percentValue } from './chart-values';
import { SeriesChart } from './series-chart';
import { capacityData, trafficData } from './series-rows';

/**
 * Traffic share and instance counts over the last hours, as this Fleetdeck server recorded them. The stream
 * refetches the series on every change of the endpoint, and the hook again every 30 s so the last step reaches now.
 */
export function SeriesCharts({ namespace, name }: { namespace: string; name: string }) {
  const series = useEndpointSeries(namespace, name);
  const traffic = useMemo(() => (series.data ? trafficData(series.data) : undefined), [series.data]);
  const capacity = useMemo(() => (series.data ? capacityData(series.data) : undefined), [series.data]);
  return (
    <TitledSection id="history-heading" title="Traffic and capacity over time" testId="series">
      {series.data && traffic && capacity ? (
        <>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            Since {formatClockTime(Date.parse(series.data.from))}: what this Fleetdeck server has seen, up to the last 6
            hours. Traffic is each variant&apos;s share of all of the endpoint&apos;s traffic. During an update the new
            fleet has lines of its own, and the split between the old and the new fleet is{' '}
            <strong data-testid="traffic-derived">derived</strong>, not reported: SageMaker reports each fleet&apos;s
            weights but not how traffic is split between them, so Fleetdeck derives it from the deployment stage
            SageMaker reports and the policy&apos;s step sizes (canary, linear step, rolling batch or all at once).
          </p>
          <div className="flex flex-col gap-6 lg:flex-row">
            <SeriesChart
              title="Share of the endpoint's traffic per variant"
              what="Share of the endpoint's traffic (derived between fleets during an update)"
              data={traffic}
              format={percentValue}
              yDomain={[0, 100]}
              testId="traffic-chart"
            />
            <SeriesChart
              title="Instances per variant"
              what="Instances (running, and desired dashed)"
              data={capacity}
              format={countValue}
              testId="capacity-chart"
            />
          </div>
        </>
      ) : series.isError ? (
        <p role="status" className="text-sm">
          The history could not be loaded: {series.error.message}
        </p>
      ) : (
        <LoadingState>Loading the history…</LoadingState>
      )}
      {series.data && series.isError && (
        <p role="status" className="mt-2 text-sm">
          The history could not be refreshed; it shows what was last read. {series.error.message}
        </p>
      )}
    </TitledSection>
  );
}
