import type { RollingOut as RollingOutEntry } from '@/lib/endpoints/fleet-overview';
import { RolloutItem } from './rollout-item';
import { SectionCard } from './section-card';

/** Every endpoint SageMaker is changing now, the longest-running first. */
export function RollingOut({ entries }: { entries: RollingOutEntry[] }) {
  return (
    <SectionCard id="rolling-out-heading" title="Rolling out now" count={entries.length}>
      {entries.length === 0 ? (
        <p data-testid="rollout-empty" className="text-slate-600 dark:text-slate-300">
          No deployments under way.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {entries.map((entry) => (
            <RolloutItem key={`${entry.summary.namespace}/${entry.summary.name}`} entry={entry} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
