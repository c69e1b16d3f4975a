import type { FleetSortKey } from '@/lib/endpoints/fleet-query';

/**
 * The list's columns in order: header, the key it sorts by (if any), and its width. The table is fixed-layout
 * (columns must not jump as virtual rows come and go); the widths add up to 76rem, which fits a 1280 px screen
 * (headers and long values wrap or clamp; every value is whole in its title).
 */
export const endpointColumns: {
  id: string;
  label: string;
  sortKey?: FleetSortKey;
  firstSort?: 'asc' | 'desc';
  width: string;
}[] = [
  { id: 'name', label: 'Name', sortKey: 'name', width: '9rem' },
  { id: 'namespace', label: 'Namespace', sortKey: 'namespace', width: '7rem' },
  { id: 'status', label: 'Status', sortKey: 'status', width: '7.5rem' },
  { id: 'health', label: 'Health', sortKey: 'health', width: '9rem' },
  { id: 'config', label: 'Config', sortKey: 'config', width: '8.5rem' },
  { id: 'variants', label: 'Variants', width: '6rem' },
  { id: 'instanceTypes', label: 'Instance types', width: '6.5rem' },
  { id: 'instances', label: 'Instances', sortKey: 'instances', width: '6rem' },
  { id: 'traffic', label: 'Traffic', width: '7.5rem' },
  // Newest change and youngest endpoint first are what people look for.
  { id: 'lastChange', label: 'Last change', sortKey: 'lastChange', firstSort: 'desc', width: '5.5rem' },
  { id: 'age', label: 'Age', sortKey: 'age', width: '3.5rem' },
];
