import { HealthBadge } from '@/components/ui/health-badge';
import { healthDisplay } from '@/components/ui/health-display';
import { displayEndpointStatus } from '@/lib/endpoints/status-vocabulary';
import { whatTheControllerWaitsFor } from '@/lib/endpoints/controller-waiting';
import { modifyingStatuses } from '@/lib/endpoints/status-facts';
import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { TitledSection } from '@/components/ui/titled-section';

// When the controller holds nothing back and reports no error, it still waits for something while SageMaker
// works: it looks again every 30 s in every state but a terminal error (docs/ack-behaviour.md §9).
function idleWait(status: string | undefined): string {
  if (status === undefined) return 'Its first report: the controller has not written a status for this endpoint yet.';
  if (modifyingStatuses.has(status))
    return `SageMaker, which is ${status}; the controller looks again every 30 seconds.`;
  return 'Nothing: the spec is applied, and the controller looks again every 30 seconds.';
}

/** How the endpoint is doing in plain words, and what the controller is waiting for before it acts. */
export function HealthPanel({ summary, endpoint }: { summary: EndpointSummary; endpoint: Endpoint }) {
  const status = displayEndpointStatus(summary.status);
  const waitingFor = whatTheControllerWaitsFor(endpoint);
  const { health } = summary;
  return (
    <TitledSection id="health-heading" title="Status and health">
      <div data-testid="endpoint-health" data-level={health.level} className="space-y-2">
        <p>
          <span className="font-medium">{status.label}:</span> {status.description}
        </p>
        <p className="flex flex-wrap items-center gap-2">
          <HealthBadge level={health.level} />
          <span>{healthDisplay[health.level].description}</span>
        </p>
        {health.reasons.length > 0 && (
          <ul aria-label="Why" className="list-disc space-y-1 pl-5">
            {health.reasons.map((reason) => (
              <li key={reason} className="break-words">
                {reason}
              </li>
            ))}
          </ul>
        )}
        {summary.failureReason && !health.reasons.some((reason) => reason.includes(summary.failureReason!)) && (
          <p className="break-words">
            <span className="font-medium">Failure reason from SageMaker:</span> {summary.failureReason}
          </p>
        )}
      </div>
      <div data-testid="controller-waiting" className="mt-3 border-t border-slate-200 pt-3 dark:border-slate-800">
        <h3 className="font-medium">What the controller is waiting for</h3>
        <p className="break-words">{waitingFor ?? idleWait(summary.status)}</p>
      </div>
    </TitledSection>
  );
}
