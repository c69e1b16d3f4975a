'use client';

import { useId } from 'react';

/** A labelled search field; the label is visible, the hint is tied to it with aria-describedby. */
export function SearchBox({
  label,
  value,
  onChange,
  placeholder,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  placeholder?: string;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={testId}
        autoComplete="off"
        spellCheck={false}
        className="w-72 rounded border border-slate-400 bg-white px-2 py-1 text-sm placeholder:text-slate-500 dark:border-slate-500 dark:bg-slate-900 dark:placeholder:text-slate-400"
      />
      {hint && (
        <span id={`${id}-hint`} className="sr-only">
          {hint}
        </span>
      )}
    </div>
  );
}
