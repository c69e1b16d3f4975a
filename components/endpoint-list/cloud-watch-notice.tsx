import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';
import { Callout } from '@/components/ui/callout';
import { CloudWatchSourceText } from '@/components/ui/cloud-watch-source-text';

/**
 * Once per page, why CloudWatch's numbers are missing: turned off, no region yet, a failed call (with its code), or the call to Fleetdeck failing. Nothing while the source is ok. `effect` says what the page lacks.
 */
export function CloudWatchNotice({
  source,
  error,
  effect,
}: {
  source?: CloudWatchSource;
  error?: Error;
  effect: string;
}) {
  if (error)
    return (
      <Callout tone="warning" size="sm" role="status" data-testid="cloudwatch-notice" data-state="failed">
        <strong>Traffic numbers could not be loaded.</strong> {error.message} {effect}
      </Callout>
    );
  if (!source || source.state === 'ok') return null;
  return (
    <Callout
      tone={source.state === 'error' ? 'warning' : 'neutral'}
      size="sm"
      role="status"
      data-testid="cloudwatch-notice"
      data-state={source.state}
    >
      <CloudWatchSourceText source={source} /> {effect}
    </Callout>
  );
}
