import { formatPercent } from '@/lib/format/percent';
import type { FleetRow } from './fleet-row';

type Cell = string | number | undefined;

/** The columns of an export, in order: header and the cell of a row. */
export const fleetExportColumns: { header: string; cell: (row: FleetRow) => Cell }[] = [
  { header: 'namespace', cell: (row) => row.namespace },
  { header: 'name', cell: (row) => row.name },
  { header: 'endpoint name', cell: (row) => row.endpointName },
  { header: 'status', cell: (row) => row.status },
  { header: 'health', cell: (row) => row.health },
  { header: 'config', cell: (row) => row.config },
  { header: 'variants', cell: (row) => row.variants.join('; ') },
  { header: 'instance types', cell: (row) => row.instanceTypes.join('; ') },
  { header: 'instances current', cell: (row) => row.instancesCurrent },
  { header: 'instances desired', cell: (row) => row.instancesDesired },
  {
    header: 'traffic',
    cell: (row) =>
      row.traffic
        .map(
          (entry) =>
            `${entry.variant}=${entry.share !== undefined ? formatPercent(entry.share) : (entry.weight ?? '')}`,
        )
        .join('; '),
  },
  { header: 'last change', cell: (row) => row.lastChange },
  { header: 'created', cell: (row) => row.createdAt },
  { header: 'age seconds', cell: (row) => row.ageSeconds },
];

// A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return, which some strip first) as a
// formula; endpoint, config and image names come from users, so such text is prefixed with a quote (OWASP
// "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: text defused against formulas, then quoted per RFC 4180 when it holds , " CR or LF. */
export function csvField(value: Cell): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The rows as CSV (RFC 4180: a header line, CRLF line breaks, quoted fields where needed). */
export function fleetToCsv(rows: FleetRow[]): string {
  const lines = [
    fleetExportColumns.map((column) => csvField(column.header)),
    ...rows.map((row) => fleetExportColumns.map((column) => csvField(column.cell(row)))),
  ];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** The rows as pretty-printed JSON, every field as in FleetRow except the internal `key`. */
export function fleetToJson(rows: FleetRow[]): string {
  return JSON.stringify(
    rows.map(({ key: _key, ...row }) => row),
    null,
    2,
  );
}
