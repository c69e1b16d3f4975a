import type { ReactNode } from 'react';

/** One titled region of the overview, named by its heading for landmarks navigation. */
export function SectionCard({
  id,
  title,
  count,
  children,
}: {
  id: string;
  title: string;
  count?: number;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
        {count !== undefined && (
          <span className="ml-2 text-base font-normal text-slate-600 dark:text-slate-300">({count})</span>
        )}
      </h2>
      {children}
    </section>
  );
}
