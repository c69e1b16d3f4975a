import type { ComponentProps } from 'react';

// One focus ring and one disabled look for every button, in both themes; disabled ones keep AA contrast.
const shared =
  'rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300 disabled:cursor-not-allowed';

const variants = {
  /** The page's main action (Apply, Sign in). */
  primary:
    'inline-flex items-center font-medium bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-200 disabled:text-slate-600 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200 dark:disabled:bg-slate-800 dark:disabled:text-slate-300',
  /** Everything else that looks like a button. */
  secondary:
    'inline-flex items-center font-medium border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 disabled:bg-slate-100 disabled:text-slate-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:disabled:bg-slate-800 dark:disabled:text-slate-300',
  /** A minor action that reads as a link (Clear filters, Show all). */
  link: 'text-sky-800 underline hover:bg-slate-100 disabled:text-slate-600 dark:text-sky-300 dark:hover:bg-slate-800 dark:disabled:text-slate-300',
  /** No look of its own: inside a sentence or a banner, or a sortable column header; the caller adds the rest. */
  plain: '',
} as const;

const sizes = { sm: 'px-2 py-1 text-sm', md: 'px-3 py-1.5 text-sm', lg: 'px-4 py-2' } as const;

type Variant = keyof typeof variants;
type Size = keyof typeof sizes;

/** The classes of a button, for an element that must look like one (a link to a page that does the action). */
export function buttonClasses(variant: Variant = 'secondary', size: Size = 'md'): string {
  return variant === 'plain' ? shared : `${shared} ${variants[variant]} ${sizes[size]}`;
}

type ButtonProps = Omit<ComponentProps<'button'>, 'className'> & { className?: string } & (
    { variant?: Exclude<Variant, 'plain'>; size?: Size } | { variant: 'plain'; size?: never }
  );

/**
 * A button. `type` is "button" unless given, so no button submits a form by accident. `className` may add
 * layout (margins, wrapping) but not colours or padding, which the variant and size own.
 */
export function Button({ variant, size, className, type = 'button', ...props }: ButtonProps) {
  const classes = buttonClasses(variant, size);
  return <button type={type} className={className ? `${classes} ${className}` : classes} {...props} />;
}
