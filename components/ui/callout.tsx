import type { HTMLAttributes } from 'react';

const toneClasses = {
  warning: 'border-amber-400 bg-amber-50 text-amber-950 dark:bg-amber-950 dark:text-amber-100',
  error: 'border-red-400 bg-red-50 text-red-950 dark:bg-red-950 dark:text-red-100',
  success: 'border-emerald-500 bg-emerald-50 text-emerald-950 dark:bg-emerald-950 dark:text-emerald-100',
  info: 'border-sky-400 bg-sky-50 text-sky-950 dark:bg-sky-950 dark:text-sky-100',
  neutral: 'border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
} as const;

const sizeClasses = {
  /** A banner of its own on a page. */
  md: 'p-3',
  /** A box among form controls. */
  sm: 'p-3 text-sm',
  /** A line-sized box inside a form section or a list. */
  xs: 'p-2 text-sm',
} as const;

export type CalloutTone = keyof typeof toneClasses;

type CalloutProps = HTMLAttributes<HTMLElement> & {
  tone: CalloutTone;
  size?: keyof typeof sizeClasses;
  /** The element drawn: a box of blocks, a single paragraph, or an item of a list. */
  as?: 'div' | 'p' | 'li';
  /** Layout only (margins, spacing, flex); the tone and size own colours and padding. */
  className?: string;
};

/**
 * A bordered, tinted box that tells the reader something about the page: a warning, an error, a success, a
 * notice. The caller gives the role (alert, status, note or none), since only it knows how urgent the news is.
 */
export function Callout({ tone, size = 'md', as: Element = 'div', className, ...props }: CalloutProps) {
  const classes = `rounded border ${toneClasses[tone]} ${sizeClasses[size]}`;
  return <Element className={className ? `${classes} ${className}` : classes} {...props} />;
}
