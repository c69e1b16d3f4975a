import type { ComponentProps, ReactNode } from 'react';

const captionClasses = {
  /** For assistive technology only; the section heading says it for sighted readers. */
  'screen-reader': 'sr-only',
  /** A visible title above the table. */
  title: 'mb-1 text-left font-medium',
  /** A visible sentence that explains the table. */
  note: 'mb-2 text-left text-slate-600 dark:text-slate-300',
} as const;

const join = (base: string, extra: string | undefined) => (extra ? `${base} ${extra}` : base);

type TableProps = Omit<ComponentProps<'table'>, 'children'> & {
  /** Every table names itself; screen readers announce the caption when they enter it. */
  caption: ReactNode;
  captionStyle?: keyof typeof captionClasses;
  /** `compact`: body rows padded py-1 rather than py-2 (a small table inside a card). */
  density?: 'normal' | 'compact';
  children: ReactNode;
};

/** A data table with its caption first (colgroup, thead and tbody follow as children). */
export function Table({
  caption,
  captionStyle = 'screen-reader',
  density = 'normal',
  className,
  children,
  ...props
}: TableProps) {
  return (
    <table data-density={density} className={join('group/table w-full text-left text-sm', className)} {...props}>
      <caption className={captionClasses[captionStyle]}>{caption}</caption>
      {children}
    </table>
  );
}

/** The header row of a table whose columns are headed by ColumnHeader. */
export function TableHeader({ children }: { children: ReactNode }) {
  return (
    <thead>
      <tr className="border-b border-slate-300 dark:border-slate-700">{children}</tr>
    </thead>
  );
}

/** A column's header cell (scope="col"). `className` may align it (text-right) but not pad it. */
export function ColumnHeader({ className, ...props }: Omit<ComponentProps<'th'>, 'scope'>) {
  return <th scope="col" className={join('py-1 pr-3 last:pr-0', className)} {...props} />;
}

/** A body row: a rule below it, cells aligned to the top. */
export function TableRow({ className, ...props }: ComponentProps<'tr'>) {
  return <tr className={join('border-b border-slate-100 align-top dark:border-slate-800', className)} {...props} />;
}

// Body cells are padded once here; a compact Table tightens them through its data-density.
const bodyCellClasses = 'py-2 pr-3 last:pr-0 group-data-[density=compact]/table:py-1';

/** A row's header cell (scope="row"), the row's name. `mono` is for identifiers. */
export function RowHeader({ mono, className, ...props }: Omit<ComponentProps<'th'>, 'scope'> & { mono?: boolean }) {
  const classes = [bodyCellClasses, 'font-medium', mono ? 'font-mono' : '', className ?? ''];
  return <th scope="row" className={classes.filter(Boolean).join(' ')} {...props} />;
}

/**
 * A body cell. `numeric` aligns figures right in tabular digits; `mono` is for identifiers. `className` may
 * add wrapping or spacing but not padding.
 */
export function Cell({
  numeric,
  mono,
  className,
  ...props
}: ComponentProps<'td'> & { numeric?: boolean; mono?: boolean }) {
  const classes = [bodyCellClasses, numeric ? 'text-right tabular-nums' : '', mono ? 'font-mono' : '', className ?? ''];
  return <td className={classes.filter(Boolean).join(' ')} {...props} />;
}
