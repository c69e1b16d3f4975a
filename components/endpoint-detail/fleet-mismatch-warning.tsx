import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { fleetMismatch } from '@/lib/endpoints/fleet-mismatch';
import { Callout } from '@/components/ui/callout';

/** The running fleet is not what the spec's config asks for, although SageMaker reports no failure. */
export function FleetMismatchWarning({ summary }: { summary: EndpointSummary }) {
  const mismatch = fleetMismatch(summary);
  if (!mismatch) return null;
  return (
    <Callout tone="warning" role="status" data-testid="fleet-mismatch" className="dark:border-amber-700">
      <p className="font-semibold">The running fleet does not match the spec.</p>
      <p className="break-words">{mismatch}</p>
      <p>
        SageMaker reports no failure. Possible causes: a change made outside Kubernetes, which the controller undoes at
        its next look (every 30 seconds), or a controller that is not running.
      </p>
    </Callout>
  );
}
