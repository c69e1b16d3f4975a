import type { ReactNode } from 'react';

/** One titled region of a page, named by its heading for landmark navigation. */
export function TitledSection({
  id,
  title,
  testId,
  children,
  className = '',
}: {
  id: string;
  title: string;
  testId?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section
      aria-labelledby={id}
      data-testid={testId}
      className={`rounded border border-slate-200 p-4 dark:border-slate-800 ${className}`}
    >
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
