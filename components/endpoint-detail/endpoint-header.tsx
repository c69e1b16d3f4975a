import { EndpointBreadcrumb } from '@/components/ui/endpoint-breadcrumb';
import { HealthBadge } from '@/components/ui/health-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { SafeLink } from '@/components/ui/safe-link';
import { StatusBadge } from '@/components/ui/status-badge';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { endpointConsoleUrl } from './aws-console';
import { RolloutAction } from './rollout-action';

/** Name, namespace, status, health and the one action, above everything else. */
export function EndpointHeader({ summary, endpoint }: { summary: EndpointSummary; endpoint: Endpoint }) {
  const metadata = endpoint.status?.ackResourceMetadata;
  const consoleUrl = endpointConsoleUrl(metadata?.region, metadata?.partition, summary.endpointName);
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div className="space-y-2">
        <EndpointBreadcrumb namespace={summary.namespace} name={summary.name} />
        <h1 className="break-all text-2xl font-semibold">{summary.name}</h1>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span data-testid="endpoint-status" data-status={summary.status ?? ''} className="flex items-center gap-1">
            <span className="text-slate-600 dark:text-slate-300">Status</span> <StatusBadge status={summary.status} />
          </span>
          <span
            data-testid="endpoint-health-badge"
            data-level={summary.health.level}
            className="flex items-center gap-1"
          >
            <span className="text-slate-600 dark:text-slate-300">Health</span>{' '}
            <HealthBadge level={summary.health.level} />
          </span>
          <span>
            <span className="text-slate-600 dark:text-slate-300">Config</span>{' '}
            <span className="font-mono">{summary.configName}</span>
          </span>
          {summary.lastChange && (
            <span>
              <span className="text-slate-600 dark:text-slate-300">Last change</span>{' '}
              <RelativeTime iso={summary.lastChange} />
            </span>
          )}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
          <dt className="text-slate-600 dark:text-slate-300">SageMaker name</dt>
          <dd className="break-all font-mono">{summary.endpointName}</dd>
          {metadata?.arn && (
            <>
              <dt className="text-slate-600 dark:text-slate-300">ARN</dt>
              <dd className="break-all font-mono">{metadata.arn}</dd>
            </>
          )}
          {metadata && (
            <>
              <dt className="text-slate-600 dark:text-slate-300">Account and region</dt>
              <dd>
                {metadata.ownerAccountID}, {metadata.region}
                {consoleUrl && (
                  <>
                    {' · '}
                    <SafeLink href={consoleUrl}>Open in the SageMaker console</SafeLink>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
      </div>
      <RolloutAction namespace={summary.namespace} name={summary.name} endpointStatus={summary.status} />
    </header>
  );
}
