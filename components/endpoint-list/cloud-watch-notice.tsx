import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';
import { Callout } from '@/components/ui/callout';

/**
 * Once per page, why CloudWatch's numbers are missing: not configured, no region yet, an AWS error (with its
 * code), or the call to Fleetdeck failing. Nothing while the source is ok. `effect` says what the page lacks.
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
  const heading =
    source.state === 'disabled'
      ? 'CloudWatch is not configured.'
      : source.state === 'no-region'
        ? 'CloudWatch cannot be asked yet.'
        : `CloudWatch could not be read (${source.code}).`;
  return (
    <Callout
      tone={source.state === 'error' ? 'warning' : 'neutral'}
      size="sm"
      role="status"
      data-testid="cloudwatch-notice"
      data-state={source.state}
    >
      <strong>{heading}</strong> {source.message} {effect}
    </Callout>
  );
}
