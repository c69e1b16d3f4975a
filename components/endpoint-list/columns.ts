import type { FleetSortKey } from '@/lib/endpoints/fleet-query';
import type { MetricSortKey } from './metric-columns';

// Said on the header of each CloudWatch column: its sort cannot order rows whose numbers were never read.
const loadedOnly =
  'Sorting orders only the rows whose numbers are loaded (those scrolled past in the last minutes); the rest follow in the list’s order. Choose the column again after scrolling to include more.';

/**
 * The list's columns in order: header, the key it sorts by (if any), and its width. The table is fixed-layout
 * (columns must not jump as virtual rows come and go); the widths add up to 80rem, a little over a 1280 px
 * screen, where the table scrolls sideways (headers and long values wrap or clamp; every value is whole in its title).
 */
export const endpointColumns: {
  id: string;
  label: string;
  sortKey?: FleetSortKey;
  /** A CloudWatch column: sorted by what has been read, highest first. */
  metricSortKey?: MetricSortKey;
  hint?: string;
  firstSort?: 'asc' | 'desc';
  width: string;
}[] = [
  { id: 'name', label: 'Name', sortKey: 'name', width: '9rem' },
  { id: 'namespace', label: 'Namespace', sortKey: 'namespace', width: '6.5rem' },
  { id: 'status', label: 'Status', sortKey: 'status', width: '7rem' },
  { id: 'health', label: 'Health', sortKey: 'health', width: '8rem' },
  { id: 'config', label: 'Config', sortKey: 'config', width: '7rem' },
  { id: 'variants', label: 'Variants', width: '5.5rem' },
  { id: 'instanceTypes', label: 'Instance types', width: '6rem' },
  { id: 'instances', label: 'Instances', sortKey: 'instances', width: '5.5rem' },
  { id: 'traffic', label: 'Traffic', width: '6.5rem' },
  {
    id: 'invocations',
    label: 'Calls (1\u00a0h)',
    metricSortKey: 'invocations',
    firstSort: 'desc',
    hint: `Invocations in the last hour, all variants, from CloudWatch. ${loadedOnly}`,
    width: '5rem',
  },
  {
    id: 'errorRate',
    label: '5XX (1\u00a0h)',
    metricSortKey: 'errorRate',
    firstSort: 'desc',
    hint: `5XX errors over invocations in the last hour, from CloudWatch. ${loadedOnly}`,
    width: '5rem',
  },
  // Newest change and youngest endpoint first are what people look for.
  { id: 'lastChange', label: 'Last change', sortKey: 'lastChange', firstSort: 'desc', width: '5.5rem' },
  { id: 'age', label: 'Age', sortKey: 'age', width: '3.5rem' },
];
