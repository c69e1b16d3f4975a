import type { ReactNode } from 'react';

/** What a Field hands its control, so the control is named by the label and described by the texts below it. */
export interface FieldControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** The look of text inputs and selects; invalid ones get a red border, disabled ones look and say so. */
export const controlClasses =
  'block w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-950 aria-[invalid=true]:border-red-700 ' +
  'focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700 disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-600 ' +
  'dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400 dark:focus-visible:outline-sky-300 dark:disabled:bg-slate-800 dark:disabled:text-slate-300';

interface FieldProps {
  /** The control's id; also where an error summary links to. */
  id: string;
  label: ReactNode;
  /** What is wrong with the value; marks the control invalid. */
  error?: string;
  /** What will turn out differently from what the value suggests; not an error. */
  warning?: string;
  hint?: ReactNode;
  /** `inline`: the control first, then the label (checkboxes). */
  layout?: 'stacked' | 'inline';
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * A label, its control and the texts about it: the error (aria-invalid, and first in aria-describedby, so a
 * screen reader hears it with the name), a warning and a hint. The error is shown at the field as it is
 * found; announcing it is the error summary's job, so typing is not interrupted.
 */
export function Field({ id, label, error, warning, hint, layout = 'stacked', className = '', children }: FieldProps) {
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', warning ? warningId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  const control = children({
    id,
    ...(error ? { 'aria-invalid': true as const } : {}),
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
  });
  const labelElement = (
    <label htmlFor={id} className="text-sm font-medium">
      {label}
    </label>
  );
  return (
    <div className={className} data-field={id}>
      {layout === 'inline' ? (
        <div className="flex items-center gap-2">
          {control}
          {labelElement}
        </div>
      ) : (
        <>
          <div className="mb-1">{labelElement}</div>
          {control}
        </>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
          <span className="font-medium">Error:</span> {error}
        </p>
      )}
      {warning && (
        <p id={warningId} className="mt-1 text-sm text-amber-800 dark:text-amber-200">
          <span className="font-medium">Warning:</span> {warning}
        </p>
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          {hint}
        </p>
      )}
    </div>
  );
}
