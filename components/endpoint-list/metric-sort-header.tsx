import { Button } from '@/components/ui/button';
import type { SortState } from '@/components/ui/sort-header';

/**
 * The header of a CloudWatch column: sorts like the others, and its title and description say that only rows
 * whose numbers are loaded take part.
 */
export function MetricSortHeader({
  id,
  label,
  hint,
  sort,
  onSort,
  className = '',
}: {
  id: string;
  label: string;
  hint: string;
  sort: SortState;
  onSort: () => void;
  className?: string;
}) {
  const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕';
  const hintId = `${id}-sort-hint`;
  return (
    <th scope="col" aria-sort={sort} className={className} data-testid={`sort-${id}`}>
      <Button
        variant="plain"
        onClick={onSort}
        title={hint}
        aria-describedby={hintId}
        className="inline-flex items-center gap-1 text-left font-semibold hover:underline"
      >
        {label}
        <span aria-hidden="true" className={sort ? '' : 'text-slate-400 dark:text-slate-500'}>
          {arrow}
        </span>
      </Button>
      <span id={hintId} hidden>
        {hint}
      </span>
    </th>
  );
}
