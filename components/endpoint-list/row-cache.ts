import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { type FleetRow, fleetRow } from '@/lib/endpoints/fleet-row';

// The live cache replaces only the summaries that changed, so a row view kept per summary object is computed
// once per change, not once per render of a 5,000-row list.
const rows = new WeakMap<EndpointSummary, FleetRow>();

/** fleetRow(summary), computed once per summary object (no age: the table shows age with a live clock). */
export function cachedFleetRow(summary: EndpointSummary): FleetRow {
  let row = rows.get(summary);
  if (!row) {
    row = fleetRow(summary);
    rows.set(summary, row);
  }
  return row;
}
