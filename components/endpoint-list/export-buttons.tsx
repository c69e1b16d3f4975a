'use client';

import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { fleetToCsv, fleetToJson } from '@/lib/endpoints/fleet-export';
import { fleetRow } from '@/lib/endpoints/fleet-row';
import { Button } from '@/components/ui/button';
import { downloadFile } from '@/components/ui/download-file';

const stamp = (now: Date) => now.toISOString().replace(/\..*$/, '').replaceAll(':', '-');

/** Downloads the rows in view (search and filters applied, in the list's order) as CSV or JSON. */
export function ExportButtons({ rows }: { rows: EndpointSummary[] }) {
  const save = (format: 'csv' | 'json') => {
    const now = new Date();
    const fleetRows = rows.map((summary) => fleetRow(summary, now));
    const name = `fleetdeck-endpoints-${stamp(now)}.${format}`;
    if (format === 'csv') downloadFile(name, fleetToCsv(fleetRows), 'text/csv;charset=utf-8');
    else downloadFile(name, fleetToJson(fleetRows), 'application/json');
  };
  const title =
    rows.length === 0 ? 'Nothing to export: no endpoint matches.' : `Download the ${rows.length} endpoints shown`;
  return (
    <div role="group" aria-label="Export" className="flex gap-2">
      <Button size="sm" onClick={() => save('csv')} disabled={rows.length === 0} title={title}>
        Export CSV
      </Button>
      <Button size="sm" onClick={() => save('json')} disabled={rows.length === 0} title={title}>
        Export JSON
      </Button>
    </div>
  );
}
