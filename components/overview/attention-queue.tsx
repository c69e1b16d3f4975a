import type { AttentionItem } from '@/lib/endpoints/attention';
import { EndpointLink } from '@/components/ui/endpoint-link';
import { RelativeTime } from '@/components/ui/relative-time';
import { Badge } from '@/components/ui/badge';
import { SectionCard } from './section-card';

const severityLabel = { critical: 'Critical', warning: 'Warning' } as const;
const kindLabel: Record<AttentionItem['kind'], string> = {
  Failed: 'Failed',
  UpdateRollbackFailed: 'Rollback failed',
  OutOfService: 'Out of service',
  RolledBack: 'Update rolled back',
  'ACK.Terminal': 'Controller stopped',
  RollingBack: 'Rolling back',
  AlarmInAlarm: 'Alarm in ALARM',
  ErrorRateHigh: 'High 5XX error rate',
  UpdatingTooLong: 'Update taking too long',
  CreatingTooLong: 'Create taking too long',
  'ACK.Recoverable': 'Controller retrying',
  HeldBack: 'Change held back',
  FleetMismatch: 'Fleet differs from spec',
  LastUpdateFailed: 'Last update failed',
  Other: 'Flagged',
};

/** The endpoints that need a person, worst first, each saying why. */
export function AttentionQueue({ items }: { items: AttentionItem[] }) {
  return (
    <SectionCard id="attention-heading" title="Needs attention" count={items.length}>
      {items.length === 0 ? (
        <p data-testid="attention-empty" className="text-slate-600 dark:text-slate-300">
          Nothing needs attention.
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 dark:divide-slate-800">
          {items.map((item) => (
            <li
              key={`${item.namespace}/${item.name}`}
              data-testid="attention-item"
              data-kind={item.kind}
              data-kinds={[item.kind, ...item.more.map((finding) => finding.kind)].join(' ')}
              data-severity={item.severity}
              className="py-2"
            >
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={item.severity === 'critical' ? 'error' : 'warning'} label={severityLabel[item.severity]} />
                <EndpointLink namespace={item.namespace} name={item.name} />
                <span className="text-sm font-medium">{kindLabel[item.kind]}</span>
                {item.since && (
                  <span className="text-sm text-slate-600 dark:text-slate-300">
                    since <RelativeTime iso={item.since} />
                  </span>
                )}
              </div>
              <p data-testid="attention-reason" className="mt-1 break-words text-sm">
                {item.reason}
              </p>
              {item.more.length > 0 && (
                <ul aria-label="Also" className="mt-1 list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
                  {item.more.map((finding) => (
                    <li
                      key={finding.kind}
                      data-testid="attention-more-reason"
                      data-kind={finding.kind}
                      className="break-words"
                    >
                      {finding.reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
