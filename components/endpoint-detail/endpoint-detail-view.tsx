'use client';

import { ErrorState, LoadingState, RefreshFailed } from '@/components/ui/load-state';
import { isApiError, replacesLastRead } from '@/lib/query/api-error';
import { useEndpointDetail } from '@/lib/query/use-endpoint-detail';
import { CanaryVerdict } from './canary-verdict';
import { ConditionsTable } from './conditions-table';
import { ConfigsUsed } from './configs-used';
import { DeploymentPanel } from './deployment-panel';
import { EndpointHeader } from './endpoint-header';
import { EventsTable } from './events-table';
import { FleetMismatchWarning } from './fleet-mismatch-warning';
import { HealthPanel } from './health-panel';
import { MetricsSection } from './metrics-section';
import { OmittedNotice } from './omitted-notice';
import { PolicyPanel } from './policy-panel';
import { RolledBackBanner } from './rolled-back-banner';
import { SeriesCharts } from './series-charts';
import { VariantsTable } from './variants-table';
import { YamlView } from './yaml-view';

/** Why an endpoint cannot be shown, in the words of the person looking for it. */
function Unavailable({ namespace, name, error }: { namespace: string; name: string; error: Error }) {
  const status = isApiError(error) ? error.httpStatus : undefined;
  if (status === 404) {
    return (
      <div role="alert" data-testid="endpoint-not-found" className="space-y-2">
        <h1 className="text-xl font-semibold">
          No endpoint {name} in namespace {namespace}
        </h1>
        <p>It may have been deleted, or the name may be mistyped. The list of endpoints shows every one you can see.</p>
      </div>
    );
  }
  if (status === 403) {
    return (
      <div role="alert" data-testid="endpoint-forbidden" className="space-y-2">
        <h1 className="text-xl font-semibold">You may not read namespace {namespace}</h1>
        <p>
          Your Kubernetes user has no right to read SageMaker endpoints there. Ask a cluster administrator for the
          fleetdeck-viewer role in {namespace}.
        </p>
      </div>
    );
  }
  return <ErrorState title={`Could not load ${namespace}/${name}.`} message={error.message} />;
}

/** The endpoint detail page: everything about one endpoint, kept current by the stream. */
export function EndpointDetailView({ namespace, name }: { namespace: string; name: string }) {
  const detail = useEndpointDetail(namespace, name);
  // A refusal or a deletion wins over older data still in the cache.
  if (detail.isError && (!detail.data || replacesLastRead(detail.error))) {
    return <Unavailable namespace={namespace} name={name} error={detail.error} />;
  }
  if (!detail.data) return <LoadingState>{`Loading ${namespace}/${name}…`}</LoadingState>;

  const { summary, endpoint, config, pendingConfig, models, configsUsed, events, omitted } = detail.data;
  const region = endpoint.status?.ackResourceMetadata?.region;
  const partition = endpoint.status?.ackResourceMetadata?.partition;
  return (
    <div className="space-y-4">
      <EndpointHeader summary={summary} endpoint={endpoint} />
      <RefreshFailed subject="this endpoint" error={detail.error} />
      <OmittedNotice omitted={omitted} />
      {summary.health.rolledBack && (
        <RolledBackBanner namespace={namespace} name={name} rolledBack={summary.health.rolledBack} />
      )}
      <FleetMismatchWarning summary={summary} />
      <div className="grid gap-4 xl:grid-cols-2">
        <HealthPanel summary={summary} endpoint={endpoint} />
        <ConditionsTable conditions={endpoint.status?.conditions} />
      </div>
      <DeploymentPanel summary={summary} region={region} partition={partition} />
      <CanaryVerdict summary={summary} />
      <VariantsTable summary={summary} />
      <SeriesCharts namespace={namespace} name={name} />
      <MetricsSection summary={summary} partition={partition} />
      <div className="grid gap-4 xl:grid-cols-2">
        <PolicyPanel deploymentConfig={endpoint.spec.deploymentConfig} region={region} partition={partition} />
        <ConfigsUsed summary={summary} configsUsed={configsUsed} />
      </div>
      <EventsTable events={events} />
      <YamlView endpoint={endpoint} config={config} pendingConfig={pendingConfig} models={models} />
    </div>
  );
}
