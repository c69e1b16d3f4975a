import type { RecentChange } from '@/lib/endpoints/fleet-overview';
import { EndpointLink } from '@/components/ui/endpoint-link';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { SectionCard } from './section-card';

/** The endpoints whose status changed last, newest first. */
export function RecentChanges({ changes }: { changes: RecentChange[] }) {
  return (
    <SectionCard id="recent-heading" title="Recently changed">
      {changes.length === 0 ? (
        <p data-testid="recent-empty" className="text-slate-600 dark:text-slate-300">
          No changes reported yet.
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 dark:divide-slate-800">
          {changes.map(({ summary, changedAt }) => (
            <li
              key={`${summary.namespace}/${summary.name}`}
              data-testid="recent-item"
              className="flex flex-wrap items-center gap-2 py-2"
            >
              <EndpointLink namespace={summary.namespace} name={summary.name} />
              <StatusBadge status={summary.status} />
              <span className="font-mono text-sm">{summary.configName}</span>
              <span className="ml-auto text-sm text-slate-600 dark:text-slate-300">
                <RelativeTime iso={changedAt} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
