'use client';

import { formatAgo } from '@/lib/format/age';
import { formatDateTime } from '@/lib/format/date-time';
import { useNow } from './use-now';

/**
 * "3 min ago", kept current by the shared clock; the exact local time is in the title and the machine-readable
 * one in dateTime. Only this element re-renders on each tick.
 */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | undefined; fallback?: string }) {
  const now = useNow();
  if (!iso) return <span>{fallback}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)} suppressHydrationWarning className="whitespace-nowrap">
      {formatAgo(iso, now) || iso}
    </time>
  );
}
