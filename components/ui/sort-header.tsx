import type { ReactNode } from 'react';
import { Button } from './button';

export type SortState = 'ascending' | 'descending' | undefined;

/**
 * A column header that sorts: a real button inside a th, with aria-sort on the th for the sorted column only.
 * The arrow repeats the state for sighted users; the button's name says what a press will do. A `hint` (say,
 * which rows take part in the sort) is the button's title and its description for screen readers; `id` names the
 * hint's element and the header's test id.
 */
export function SortHeader({
  label,
  sort,
  onSort,
  className = '',
  id,
  hint,
}: {
  label: string;
  sort: SortState;
  onSort: () => void;
  className?: string;
  id?: string;
  hint?: string;
}) {
  const arrow = sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕';
  const hintId = hint && id ? `${id}-sort-hint` : undefined;
  return (
    <th scope="col" aria-sort={sort} className={className} data-testid={id ? `sort-${id}` : undefined}>
      <Button
        variant="plain"
        onClick={onSort}
        title={hint || undefined}
        aria-describedby={hintId}
        className="inline-flex items-center gap-1 text-left font-semibold hover:underline"
      >
        {label}
        <span aria-hidden="true" className={sort ? '' : 'text-slate-400 dark:text-slate-500'}>
          {arrow}
        </span>
      </Button>
      {hintId && (
        <span id={hintId} hidden>
          {hint}
        </span>
      )}
    </th>
  );
}

/** A column header that does not sort. */
export function PlainHeader({ children, className = '' }: { children: ReactNode; className?: string }) {
  return (
    <th scope="col" className={`font-semibold ${className}`}>
      {children}
    </th>
  );
}
