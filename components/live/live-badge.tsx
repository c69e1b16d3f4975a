'use client';

import { liveDisplay } from '@/lib/query/live/live-status';
import { Badge } from '@/components/ui/badge';
import { formatClockTime } from '@/lib/format/clock-time';
import { useLiveStatus } from './live-provider';

const clock = (iso: string | undefined) => (iso ? formatClockTime(Date.parse(iso)) : '—');

/** Live / reconnecting / stale, with the time the data was last known current. */
export function LiveBadge() {
  const status = useLiveStatus();
  const display = liveDisplay[status.connection];
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="live-badge"
      data-connection={status.connection}
      className="flex items-center gap-2 text-sm"
    >
      <Badge tone={display.tone} label={display.label} size="inherit" />
      <span className="text-slate-600 dark:text-slate-300">data as of {clock(status.asOf)}</span>
    </span>
  );
}
