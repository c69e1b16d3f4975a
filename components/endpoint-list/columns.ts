import type { FleetSortKey } from '@/lib/endpoints/fleet-query';

/**
 * The list's columns in order: header, the key it sorts by (if any), and its width. The table is fixed-layout
 * (columns must not jump as virtual rows come and go); the widths add up to 86rem, which fits a 1440 px screen.
 */
export const endpointColumns: { id: string; label: string; sortKey?: FleetSortKey; firstSort?: 'asc' | 'desc'; width: string }[] = [
  { id: 'name', label: 'Name', sortKey: 'name', width: '10rem' },
  { id: 'namespace', label: 'Namespace', sortKey: 'namespace', width: '7rem' },
  { id: 'status', label: 'Status', sortKey: 'status', width: '8rem' },
  { id: 'health', label: 'Health', sortKey: 'health', width: '11rem' },
  { id: 'config', label: 'Config', sortKey: 'config', width: '10rem' },
  { id: 'variants', label: 'Variants', width: '7rem' },
  { id: 'instanceTypes', label: 'Instance types', width: '7.5rem' },
  { id: 'instances', label: 'Instances', sortKey: 'instances', width: '6rem' },
  { id: 'traffic', label: 'Traffic', width: '8rem' },
  // Newest change and youngest endpoint first are what people look for.
  { id: 'lastChange', label: 'Last change', sortKey: 'lastChange', firstSort: 'desc', width: '6.5rem' },
  { id: 'age', label: 'Age', sortKey: 'age', width: '5rem' },
];
