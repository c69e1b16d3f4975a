import { Callout } from '@/components/ui/callout';
import { CloudWatchSourceText } from '@/components/ui/cloud-watch-source-text';
import type { CloudWatchSource } from '@/lib/api/endpoint-metrics';
import { formatDateTime } from '@/lib/format/date-time';

/**
 * Why there is nothing from CloudWatch, said plainly; nothing when it was read. The rest of the page (the
 * controller's view of the endpoint) does not depend on it.
 */
export function MetricsSource({ source }: { source: CloudWatchSource }) {
  if (source.state === 'ok') return null;
  return (
    <Callout
      tone={source.state === 'error' ? 'error' : 'neutral'}
      size="sm"
      role={source.state === 'error' ? 'alert' : 'status'}
      data-testid="metrics-source"
      data-state={source.state}
      className="mb-3 break-words"
    >
      <CloudWatchSourceText source={source} />
      {source.state === 'error' && (
        <>
          {' '}
          <span className="text-xs">
            (at <time dateTime={source.at}>{formatDateTime(source.at)}</time>)
          </span>
        </>
      )}
    </Callout>
  );
}
