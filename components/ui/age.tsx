'use client';

import { formatAge } from '@/lib/format/age';
import { formatDateTime } from '@/lib/format/date-time';
import { useNow } from './use-now';

/** How old something created at `iso` is ("45 min", "3 d"), kept current by the shared clock. */
export function Age({ iso }: { iso: string | undefined }) {
  const now = useNow();
  const at = iso === undefined ? NaN : Date.parse(iso);
  if (iso === undefined || Number.isNaN(at)) return <span>—</span>;
  return (
    <time
      dateTime={iso}
      title={`Created ${formatDateTime(iso)}`}
      suppressHydrationWarning
      className="whitespace-nowrap"
    >
      {formatAge((now - at) / 1000)}
    </time>
  );
}
