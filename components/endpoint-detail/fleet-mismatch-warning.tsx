import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { fleetMismatch } from '@/lib/endpoints/fleet-mismatch';

/** The running fleet is not what the spec's config asks for, although SageMaker reports no failure. */
export function FleetMismatchWarning({ summary }: { summary: EndpointSummary }) {
  const mismatch = fleetMismatch(summary);
  if (!mismatch) return null;
  return (
    <div
      role="status"
      data-testid="fleet-mismatch"
      className="rounded border border-amber-400 bg-amber-50 p-3 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-semibold">The running fleet does not match the spec.</p>
      <p className="break-words">{mismatch}</p>
      <p>
        SageMaker reports no failure. Possible causes: a change made outside Kubernetes, which the controller undoes at
        its next look (every 30 seconds), or a controller that is not running.
      </p>
    </div>
  );
}
