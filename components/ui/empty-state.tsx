import type { ReactNode } from 'react';

/** Says why there is nothing to show, and what to do about it, instead of an empty box. */
export function EmptyState({
  title,
  children,
  testId = 'empty-state',
}: {
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <div
      role="status"
      data-testid={testId}
      className="rounded border border-dashed border-slate-300 p-6 text-center dark:border-slate-700"
    >
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 text-sm text-slate-600 dark:text-slate-300">{children}</div>}
    </div>
  );
}
